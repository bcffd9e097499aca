/**
 * The page cache's decisions (src/lib/page-cache.ts): a path is left out of a
 * build only when the last build rendered it from the same data with the same
 * code, and its file is still the one that build wrote.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  codeVersion,
  filesToWrite,
  linkReusedPages,
  PAGE_CACHE_ENV,
  pageKey,
  pathsToRender,
  readPageReport,
  renderedFrom,
  writePageManifest,
  type PageCacheSettings,
} from '../../src/lib/page-cache.ts';

const route = { output: ({ slug }: { slug: string }) => `documents/${slug}/index.html` };
const paths = [
  { params: { slug: 'a' }, props: { title: 'A' } },
  { params: { slug: 'b' }, props: { title: 'B' } },
];

let folder: string;
let settings: PageCacheSettings;

function publish(code: string, data: Record<string, unknown>) {
  // A last build: one file per page and its manifest.
  const dist = join(folder, 'dist');
  for (const [slug] of Object.entries(data)) {
    mkdirSync(join(dist, 'documents', slug), { recursive: true });
    writeFileSync(join(dist, 'documents', slug, 'index.html'), `<h1>${slug}</h1>`);
  }
  writePageManifest(
    join(folder, 'manifest.json'),
    code,
    Object.entries(data).map(([slug, value]) => ({ path: route.output({ slug }), key: pageKey(code, value), reused: false })),
    dist,
  );
}

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'page-cache-'));
  settings = { codeVersion: 'code-1', report: join(folder, 'report.jsonl'), previous: { dir: join(folder, 'dist'), manifest: join(folder, 'manifest.json') } };
  process.env[PAGE_CACHE_ENV] = JSON.stringify(settings);
});
afterEach(() => {
  delete process.env[PAGE_CACHE_ENV];
  rmSync(folder, { recursive: true, force: true });
});

describe('pathsToRender', () => {
  it('leaves out a page rendered from the same data, and keeps one whose data changed', async () => {
    publish('code-1', { a: { title: 'A' }, b: { title: 'B (old)' } });
    const render = await pathsToRender(route, paths, (path) => path.props);
    expect(render.map((path) => path.params.slug)).toEqual(['b']);
    expect(readPageReport(settings.report)).toEqual([{ path: 'documents/a/index.html', key: pageKey('code-1', { title: 'A' }), reused: true }]);
  });

  it('renders everything when the code changed', async () => {
    publish('code-0', { a: { title: 'A' }, b: { title: 'B' } });
    expect(await pathsToRender(route, paths, (path) => path.props)).toEqual(paths);
  });

  it('renders a page whose file is gone or was written since by something else', async () => {
    publish('code-1', { a: { title: 'A' }, b: { title: 'B' } });
    rmSync(join(folder, 'dist/documents/a/index.html'));
    const later = new Date(statSync(join(folder, 'dist/documents/b/index.html')).mtime.getTime() + 5000);
    utimesSync(join(folder, 'dist/documents/b/index.html'), later, later);
    expect(await pathsToRender(route, paths, (path) => path.props)).toEqual(paths);
  });

  it('renders everything when the manifest is cut short, rather than failing', async () => {
    publish('code-1', { a: { title: 'A' }, b: { title: 'B' } });
    writeFileSync(settings.previous!.manifest, '{"codeVersion":"code-1","pages":{"documents/a/in');
    expect(await pathsToRender(route, paths, (path) => path.props)).toEqual(paths);
  });

  it('renders everything without a last build, and without the cache', async () => {
    expect(await pathsToRender(route, paths, (path) => path.props)).toEqual(paths);
    publish('code-1', { a: { title: 'A' }, b: { title: 'B' } });
    delete process.env[PAGE_CACHE_ENV];
    expect(await pathsToRender(route, paths, () => expect.unreachable('no key is computed without the cache'))).toEqual(paths);
  });
});

describe('renderedFrom', () => {
  it('records the key of the data a page rendered from and returns the data', () => {
    const data = { title: 'A' };
    expect(renderedFrom(route, { slug: 'a' }, data)).toBe(data);
    renderedFrom(route, { slug: 'a' }, data);
    // The last line for a path wins, and a path is listed once.
    expect(readPageReport(settings.report)).toEqual([{ path: 'documents/a/index.html', key: pageKey('code-1', data), reused: false }]);
  });

  it('records nothing without the cache', () => {
    delete process.env[PAGE_CACHE_ENV];
    renderedFrom(route, { slug: 'a' }, { title: 'A' });
    expect(readPageReport(settings.report)).toEqual([]);
  });
});

describe('filesToWrite', () => {
  // The files written beside Astro's pages: a document's downloads share the document's citations as their data.
  const citationsA = { title: 'A' };
  const files = (a: unknown, b: unknown) => [
    { path: 'documents/a/index.html', data: a },
    { path: 'documents/b/index.html', data: b },
  ];

  it('returns the files whose data changed and reports every file, with its key, reused or written', () => {
    publish('code-1', { a: citationsA, b: { title: 'B (old)' } });
    expect(filesToWrite(settings, files(citationsA, { title: 'B' })).map((file) => file.path)).toEqual(['documents/b/index.html']);
    expect(readPageReport(settings.report)).toEqual([
      { path: 'documents/a/index.html', key: pageKey('code-1', citationsA), reused: true },
      { path: 'documents/b/index.html', key: pageKey('code-1', { title: 'B' }), reused: false },
    ]);
  });

  it('writes a file again whose last copy was changed since, and every file when the code changed', () => {
    publish('code-1', { a: citationsA, b: { title: 'B' } });
    writeFileSync(join(folder, 'dist/documents/a/index.html'), '<h1>edited by hand</h1>');
    expect(filesToWrite(settings, files(citationsA, { title: 'B' })).map((file) => file.path)).toEqual(['documents/a/index.html']);
    expect(filesToWrite({ ...settings, codeVersion: 'code-2' }, files(citationsA, { title: 'B' }))).toHaveLength(2);
  });

  it('writes everything, and computes no key, without the cache', () => {
    publish('code-1', { a: citationsA, b: { title: 'B' } });
    const all = files(citationsA, { title: 'B' });
    expect(filesToWrite(undefined, all)).toEqual(all);
    expect(readPageReport(settings.report)).toEqual([]);
  });
});

describe('linkReusedPages', () => {
  it('links each reused page into the new build, and refuses one the new build also rendered', () => {
    publish('code-1', { a: { title: 'A' } });
    const out = join(folder, 'staging');
    const reused = [{ path: 'documents/a/index.html', key: 'k', reused: true }];
    expect(linkReusedPages([...reused, { path: 'documents/b/index.html', key: 'k', reused: false }], join(folder, 'dist'), out)).toBe(1);
    expect(statSync(join(out, 'documents/a/index.html')).ino).toBe(statSync(join(folder, 'dist/documents/a/index.html')).ino);
    expect(() => linkReusedPages(reused, join(folder, 'dist'), out)).toThrow(/both reused from the last build and rendered again/u);
  });
});

describe('codeVersion', () => {
  it('changes with any file under src/ and with the Astro config, not with the content', () => {
    for (const path of ['src/pages', 'content']) mkdirSync(join(folder, path), { recursive: true });
    writeFileSync(join(folder, 'src/pages/index.astro'), '<h1>One</h1>');
    writeFileSync(join(folder, 'astro.config.mjs'), 'export default {};');
    writeFileSync(join(folder, 'content/a.md'), 'text');
    const first = codeVersion(folder);
    writeFileSync(join(folder, 'content/a.md'), 'other text');
    expect(codeVersion(folder)).toBe(first);
    writeFileSync(join(folder, 'src/pages/index.astro'), '<h1>Two</h1>');
    const second = codeVersion(folder);
    expect(second).not.toBe(first);
    writeFileSync(join(folder, 'astro.config.mjs'), 'export default { site: "x" };');
    expect(codeVersion(folder)).not.toBe(second);
  });
});
