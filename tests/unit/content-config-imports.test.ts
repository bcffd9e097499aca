/**
 * What Astro's content config loads before any document is rendered. Astro evaluates src/content.config.ts in a Vite
 * environment of its own on every build; the documents' loader must not bring the Markdown pipeline in with it, since
 * `npm run build` hands it documents already annotated (content-handoff.ts) and a rebuild finds the rest cached. A
 * static import of the pipeline there cost rebuilds of 100 documents 0.64 s (annotation-cache.ts).
 */
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.ts';

// Imports a module and prints its exports and every module URL resolved meanwhile.
const PROGRAM = `
import { registerHooks } from 'node:module';
const resolved = [];
registerHooks({ resolve(specifier, context, next) { const result = next(specifier, context); resolved.push(result.url); return result; } });
const loader = await import(process.argv[1]);
console.log(JSON.stringify({ exports: Object.keys(loader), resolved }));
`;

function modulesResolved(module: string): { exports: string[]; resolved: string[] } {
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', PROGRAM, new URL(module, pathToFileURL(ROOT)).href], { cwd: ROOT, encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as { exports: string[]; resolved: string[] };
}

const pipeline = (urls: string[]) => urls.filter((url) => url.includes('/src/pipeline/') || url.includes('/node_modules/micromark') || url.includes('/node_modules/unified/'));

describe('the content config’s imports', () => {
  it('leave the Markdown pipeline out of the documents’ loader', () => {
    const { exports, resolved } = modulesResolved('./src/lib/documents-loader.ts');
    expect(exports).toContain('documentsLoader');
    // It did load what it needs: the cache's keys, the handoff and the content reader.
    expect(resolved.some((url) => url.endsWith('/src/lib/annotation-cache.ts'))).toBe(true);
    expect(resolved.some((url) => url.endsWith('/src/lib/content-handoff.ts'))).toBe(true);
    expect(pipeline(resolved)).toEqual([]);
  });
});
