/**
 * Pages rendered again only when what they show has changed. Astro's static
 * build renders every path `getStaticPaths` returns and has no partial
 * rebuild, so the cache works around it: each page of the large routes
 * (documents, comparisons, speakers and their feeds) is a pure function of
 * its data and the site's code, and its key is a hash of the two. A page
 * records its key when it renders; on the next `npm run build`, a route's
 * `getStaticPaths` leaves out every path whose key is the one the last build
 * recorded, and scripts/build.ts links those files from the last build's
 * dist/ into the new one.
 *
 * The cache is used only when scripts/build.ts asks for it (`PAGE_CACHE_ENV`);
 * `astro build` on its own renders every page. A page's key value must be
 * plain JSON (no Map or Set, which JSON writes as `{}`), and must determine
 * everything the page shows: whatever it leaves out would be missed.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { linkOrCopyFile } from './link-file.ts';
import { hashFiles } from './file-hash.ts';

/** Set by scripts/build.ts: the page cache's settings, as JSON (`PageCacheSettings`). */
export const PAGE_CACHE_ENV = 'DISPATCH_PAGE_CACHE';

export interface PageCacheSettings {
  /** A hash of everything that renders pages other than their data: src/, the Astro config, the locked packages. */
  codeVersion: string;
  /** The file each page appends `{ path, key, reused }` to, one JSON line per page. */
  report: string;
  /** The last good build, when there is one to reuse pages from. */
  previous?: {
    /** Its folder (dist/). */
    dir: string;
    /** Its manifest: the key of every page it holds. */
    manifest: string;
  };
}

/** What a build leaves for the next one: each cached page it published (paths relative to dist/). */
export interface PageCacheManifest {
  codeVersion: string;
  pages: Record<string, { key: string; stamp: string }>;
}

/**
 * A file's size and modification time: a page is reused only if its file is the one the manifest describes, so a
 * dist/ written since by something else (`astro build` on its own) is never taken for the cached build.
 */
function fileStamp(file: string): string | undefined {
  try {
    const stat = statSync(file);
    return `${stat.size}:${stat.mtimeMs}`;
  } catch {
    return undefined;
  }
}

export interface ReportedPage {
  path: string;
  key: string;
  /** Left out of this build's `getStaticPaths`, to be linked from the last build. */
  reused: boolean;
}

/** A route whose pages are cached: where each page's file lands in dist/. */
export interface CachedRoute<Params> {
  output: (params: Params) => string;
}

let settingsCache: { text: string | undefined; settings: PageCacheSettings | undefined } | undefined;

function settings(): PageCacheSettings | undefined {
  const text = process.env[PAGE_CACHE_ENV];
  if (!settingsCache || settingsCache.text !== text) settingsCache = { text, settings: text ? (JSON.parse(text) as PageCacheSettings) : undefined };
  return settingsCache.settings;
}

/** The manifest in `file`; none if it is missing or unreadable (then every page renders, and a new one is written). */
export function readManifest(file: string): PageCacheManifest | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as PageCacheManifest;
  } catch {
    return undefined;
  }
}

let previousPages: { manifest: string; pages: Map<string, { key: string; stamp: string }> } | undefined;

function previousKeys(current: PageCacheSettings): Map<string, { key: string; stamp: string }> {
  const previous = current.previous;
  if (!previous) return new Map();
  if (previousPages?.manifest !== previous.manifest) {
    const manifest = readManifest(previous.manifest);
    // Other code renders other pages from the same data: nothing of that build is reused.
    const pages = manifest?.codeVersion === current.codeVersion ? new Map(Object.entries(manifest.pages)) : new Map<string, { key: string; stamp: string }>();
    previousPages = { manifest: previous.manifest, pages };
  }
  return previousPages.pages;
}

/** The key of a page: its data and the code that renders it. */
export function pageKey(codeVersion: string, data: unknown): string {
  return createHash('sha256').update(codeVersion).update('\0').update(JSON.stringify(data)).digest('base64url');
}

function report(current: PageCacheSettings, pages: readonly ReportedPage[]): void {
  if (pages.length > 0) appendFileSync(current.report, pages.map((page) => `${JSON.stringify(page)}\n`).join(''));
}

/**
 * For a route's `getStaticPaths`: the paths to render in this build. With the cache on, a path is left out when the
 * last build rendered it from the same data with the same code and its file is still in that build's folder.
 * `dataOf` is the value the page's key is made from: the same one the page passes to `renderedFrom`.
 */
export async function pathsToRender<Path extends { params: Params }, Params>(
  route: CachedRoute<Params>,
  paths: Path[],
  dataOf: (path: Path) => unknown,
): Promise<Path[]> {
  const current = settings();
  if (!current?.previous) return paths;
  const previous = previousKeys(current);
  if (previous.size === 0) return paths;
  const render: Path[] = [];
  const reused: ReportedPage[] = [];
  for (const path of paths) {
    const output = route.output(path.params);
    const known = previous.get(output);
    const key = known === undefined ? undefined : pageKey(current.codeVersion, await dataOf(path));
    if (known && key === known.key && fileStamp(join(current.previous.dir, output)) === known.stamp) reused.push({ path: output, key, reused: true });
    else render.push(path);
  }
  report(current, reused);
  return render;
}

/**
 * For files written beside Astro's pages (the citation downloads and raw sources, parallel-outputs.ts): the same
 * decision as `pathsToRender`, each file's key made from the `data` it is written from (files sharing one data object
 * share one hash). Reports every file, reused or not, and returns the ones to write. Without the cache, all of them.
 */
export function filesToWrite<File extends { path: string; data: unknown }>(current: PageCacheSettings | undefined, files: readonly File[]): File[] {
  if (!current) return [...files];
  const previous = previousKeys(current);
  const keys = new Map<unknown, string>();
  const write: File[] = [];
  const reported: ReportedPage[] = [];
  for (const file of files) {
    let key = keys.get(file.data);
    if (key === undefined) keys.set(file.data, (key = pageKey(current.codeVersion, file.data)));
    const known = previous.get(file.path);
    const reused = known !== undefined && known.key === key && current.previous !== undefined && fileStamp(join(current.previous.dir, file.path)) === known.stamp;
    reported.push({ path: file.path, key, reused });
    if (!reused) write.push(file);
  }
  report(current, reported);
  return write;
}

/** For the page itself: records the data it was rendered from (a no-op without the cache), and returns it. */
export function renderedFrom<Data, Params>(route: CachedRoute<Params>, params: Params, data: Data): Data {
  const current = settings();
  if (current) report(current, [{ path: route.output(params), key: pageKey(current.codeVersion, data), reused: false }]);
  return data;
}

/** Reads a build's report: the last line for each path wins (a route's paths may be asked for more than once). */
export function readPageReport(file: string): ReportedPage[] {
  if (!existsSync(file)) return [];
  const pages = new Map<string, ReportedPage>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line) continue;
    const page = JSON.parse(line) as ReportedPage;
    pages.set(page.path, page);
  }
  return [...pages.values()];
}

/**
 * Puts the reused pages of a build's report into its output folder, as hard links to the last build's files (which
 * that build's own folder keeps until it is deleted). Throws if Astro wrote one of them too.
 */
export function linkReusedPages(pages: readonly ReportedPage[], previousDir: string, outDir: string): number {
  let linked = 0;
  for (const page of pages) {
    if (!page.reused) continue;
    const target = join(outDir, page.path);
    if (existsSync(target)) throw new Error(`\`${page.path}\` was both reused from the last build and rendered again.`);
    mkdirSync(dirname(target), { recursive: true });
    linkOrCopyFile(join(previousDir, page.path), target);
    linked++;
  }
  return linked;
}

/** Records the pages `dir` now holds, for the next build to reuse. */
export function writePageManifest(file: string, codeVersionText: string, pages: readonly ReportedPage[], dir: string): void {
  const entries: PageCacheManifest['pages'] = {};
  for (const page of pages) {
    const stamp = fileStamp(join(dir, page.path));
    if (stamp) entries[page.path] = { key: page.key, stamp };
  }
  // Whole, then renamed: a manifest cut short would otherwise be read by the next build.
  writeFileSync(`${file}.tmp`, JSON.stringify({ codeVersion: codeVersionText, pages: entries } satisfies PageCacheManifest));
  renameSync(`${file}.tmp`, file);
}

/** Files that decide how pages render besides their data. Content is not among them: it reaches a page as data. */
const CODE_PATHS = ['src', 'astro.config.mjs', 'package-lock.json', 'package.json', 'tsconfig.json'];

/**
 * A hash of the code that renders the pages (`PageCacheSettings.codeVersion`), and of the Node version that runs it:
 * its ICU data names countries and normalises the words compared.
 */
export function codeVersion(root: string): string {
  return hashFiles(root, CODE_PATHS).update(process.version).digest('base64url');
}
