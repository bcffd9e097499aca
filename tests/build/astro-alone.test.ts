/**
 * `npm run build` writes the open dataset, search index, citation downloads and
 * raw sources beside Astro (scripts/build.ts); `astro build` on its own writes
 * them after its pages (src/integrations/parallel-outputs.ts). Both must give
 * the same site: the same files, and the same bytes wherever a build's date or
 * hashing cannot differ.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyProject, type ProjectCopy } from '../helpers/project-copy.ts';

let project: ProjectCopy;
let staged: { status: number | null; output: string };
let alone: { status: number | null; output: string };

function run(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, args, { cwd: project.root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function files(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(folder.length + 1))
    .sort();
}

beforeAll(() => {
  project = copyProject();
  staged = run(['scripts/build.ts']);
  alone = run(['node_modules/astro/bin/astro.mjs', 'build'], { DISPATCH_OUT_DIR: 'dist-alone' });
}, 240_000);
afterAll(() => project?.remove());

describe('astro build on its own', () => {
  it('succeeds, as npm run build does', () => {
    expect(staged.status, staged.output.slice(-2000)).toBe(0);
    expect(alone.status, alone.output.slice(-2000)).toBe(0);
    // npm run build found the relations once, in its own process, and Astro took them from it.
    expect(staged.output.match(/^Relations: /gmu)).toHaveLength(1);
    expect(staged.output).toMatch(/^Search: 29 records of 5 documents in 1 shard\(s\).* \(beside the pages\)$/mu);
    // Both lines come after Astro's last, never inside one of its page lines (at 1,000 documents one did).
    const astroDone = staged.output.lastIndexOf('[build] Complete!');
    expect(astroDone).toBeGreaterThan(0);
    expect(staged.output.search(/^Relations: /mu)).toBeGreaterThan(astroDone);
    expect(staged.output.search(/^Search: /mu)).toBeGreaterThan(astroDone);
  });

  it('writes the same files', () => {
    const built = files(join(project.root, 'dist'));
    expect(built.length).toBeGreaterThan(60);
    expect(built).toContain('data/statements.json');
    expect(built).toContain('cite/2021-02-04-mfa-wang-yi-lavrov-phone-call.bib');
    expect(built).toContain('pagefind/shards.json');
    expect(files(join(project.root, 'dist-alone'))).toEqual(built);
  });

  it('writes the same open dataset, downloads, sources and pages', () => {
    const same = files(join(project.root, 'dist')).filter((path) => /^(data\/.*\.json|cite\/|sources\/|documents\/|compare\/|speakers\/)/u.test(path));
    expect(same.length).toBeGreaterThan(50);
    for (const path of same) {
      expect(readFileSync(join(project.root, 'dist-alone', path), 'utf8'), path).toBe(readFileSync(join(project.root, 'dist', path), 'utf8'));
    }
  });
});
