/**
 * Bad content never becomes a published page, whichever way the site is built:
 * `npm run build` stops at the content check and leaves dist/ alone; `astro
 * build` run on its own (no check) fails on the page instead of publishing it
 * empty or unsafe, which is what Astro 7 does with a plugin's errors.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyProject, type ProjectCopy } from '../helpers/project-copy.ts';

const DOCUMENT = 'content/documents/2021-02-04-mfa-wang-yi-lavrov-phone-call.md';
let project: ProjectCopy;

beforeAll(() => {
  project = copyProject();
  project.write(DOCUMENT, project.read(DOCUMENT).replace('\nLavrov said,', '\n<script>alert(document.cookie)</script>\n\nLavrov said,'));
  // A previous good build, which a failed one must leave as it was.
  mkdirSync(join(project.root, 'dist'));
  writeFileSync(join(project.root, 'dist/index.html'), 'the last good build');
});
afterAll(() => project?.remove());

function run(args: string[]) {
  const result = spawnSync(process.execPath, args, { cwd: project.root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('a build with bad content', () => {
  it('npm run build exits 1 at the content check, names the line, and leaves dist/ as the last good build', () => {
    const { status, output } = run(['scripts/build.ts']);
    expect(status).toBe(1);
    const line = project.read(DOCUMENT).split('\n').indexOf('<script>alert(document.cookie)</script>') + 1;
    expect(output).toContain(`${DOCUMENT}:${line}  raw HTML is not allowed`);
    expect(project.read('dist/index.html')).toBe('the last good build');
    expect(existsSync(join(project.root, 'dist.staging'))).toBe(false);
  });

  it('astro build alone, without the check, fails on the page rather than publishing it', () => {
    const { status, output } = run(['node_modules/astro/bin/astro.mjs', 'build']);
    expect(status).not.toBe(0);
    expect(output).toContain('ContentRuleViolated');
    expect(output).toContain(`${DOCUMENT} (body line`);
    expect(output).toContain('raw HTML is not allowed');
    const page = join(project.root, 'dist/documents/2021-02-04-mfa-wang-yi-lavrov-phone-call/index.html');
    expect(existsSync(page)).toBe(false);
  }, 120_000);
});
