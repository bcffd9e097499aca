/**
 * `npm run build`: the content check, then Astro and this process at once.
 *
 *   content check ─┬─ astro build: start-up, content sync ─ (waits) ─ pages, feeds ─→ dist.staging/
 *                  │   (its loader takes the checked documents: content-handoff.ts)
 *                  ├─ this process: relations ─→ /data/, /cite/, /sources/
 *                  │                (handed)
 *                  └─ a thread of it: the search index ─→ /pagefind/
 *                     (needs no relations)
 *
 * Astro renders on one thread; the relations are found here while Astro
 * starts up (relations-handoff.ts), and the outputs that need no page are
 * written while it renders, niced in a cold build so that the pages keep
 * their core (the search index's thread excepted, see below). When both
 * succeed, this process's output joins Astro's and the staging folder replaces dist/. A failure anywhere exits non-zero and leaves dist/ as the
 * last good build: nothing half-built is ever in dist/ to be published.
 *
 * A rebuild renders again only the pages whose data changed (page-cache.ts):
 * the others are linked from the last build. When the pipeline and the code
 * are those of the last build, it also starts Astro with the check rather than
 * after it (the check then mostly reads the cache), and nices nothing (with
 * few pages to render, the search index is its longest path).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PARALLEL_OUTPUTS_ENV } from '../src/integrations/parallel-outputs.ts';
import { CONTENT_FILE_ENV, writeContentHandoff } from '../src/lib/content-handoff.ts';
import { corpusOf } from '../src/lib/corpus.ts';
import { describeParallelOutputs, writeParallelOutputs } from '../src/lib/parallel-outputs.ts';
import { describeRelations, findRelations, statementTexts } from '../src/lib/relations/find-relations.ts';
import { hasKeptRelations, keepRelations, relationsKey, reuseRelations } from '../src/lib/relations/relations-cache.ts';
import { RELATIONS_FILE_ENV, writeHandedRelations } from '../src/lib/relations/relations-handoff.ts';
import { lowerThreadPriority, startSearchIndexThread, type SearchIndexThread } from '../src/lib/search-index-thread.ts';
import { codeVersion, linkReusedPages, PAGE_CACHE_ENV, readManifest, readPageReport, writePageManifest, type PageCacheSettings } from '../src/lib/page-cache.ts';
import { invalidateStaleRenders } from '../src/lib/render-cache.ts';
import { SITE_URL } from '../src/lib/site-url.ts';
import { runContentCheck } from './content-check-report.ts';

const root = process.cwd();
const OUT_DIR = 'dist';
/** Read by astro.config.mjs (`outDir`). */
const STAGING_DIR = 'dist.staging';
const PARALLEL_DIR = join(root, '.cache/parallel-outputs');
const RELATIONS_FILE = join(root, '.cache/relations-handoff.json');
const CONTENT_FILE = join(root, '.cache/content-handoff.json');
/** The pages dist/ holds and what each was rendered from (page-cache.ts); this build's own report until it is published. */
const PAGE_MANIFEST = join(root, '.cache/page-cache.json');
const PAGE_REPORT = join(root, '.cache/page-cache-report.jsonl');
/** The same for the downloads this process writes beside the pages (a file of their own: two processes write at once). */
const DOWNLOAD_REPORT = join(root, '.cache/page-cache-downloads.jsonl');
/** The search index of the last whole write, which a rebuild's index starts from (search-index-base.ts); and this build's, until it is published. */
const SEARCH_BASE = join(root, '.cache/search-index.json');
const NEXT_SEARCH_BASE = join(root, '.cache/search-index.next.json');
/** Where the previous dist/ goes when the new one takes its place (`<prefix><time>`), to be deleted without holding up the build. */
const RETIRED_PREFIX = 'retired-build-';

/**
 * Set to 1 by `npm run bench`, which deletes its folders itself once everything is measured: on a file system that
 * skips recently deleted inodes when it allocates one (ext4 without a journal, as on this project's VMs), a deletion of
 * thousands of files makes every file created in the next minutes slower, the next build's included (README,
 * "Benchmark").
 */
const KEEP_RETIRED_ENV = 'DISPATCH_KEEP_RETIRED_BUILDS';

/**
 * Deletes a folder in a detached process: the new site is already in place, and removing the thousands of files of
 * the previous one took seconds of every rebuild. A deletion cut short is finished by the next build.
 */
function removeInBackground(folder: string): void {
  if (!existsSync(folder) || process.env[KEEP_RETIRED_ENV] === '1') return;
  const remove = `require('node:fs').rmSync(${JSON.stringify(folder)}, { recursive: true, force: true })`;
  spawn(process.execPath, ['-e', remove], { detached: true, stdio: 'ignore' }).unref();
}

function fail(message: string): never {
  rmSync(STAGING_DIR, { recursive: true, force: true });
  rmSync(PARALLEL_DIR, { recursive: true, force: true });
  rmSync(RELATIONS_FILE, { force: true });
  rmSync(CONTENT_FILE, { force: true });
  rmSync(PAGE_REPORT, { force: true });
  rmSync(DOWNLOAD_REPORT, { force: true });
  rmSync(NEXT_SEARCH_BASE, { force: true });
  console.error(`\n${message} ${existsSync(OUT_DIR) ? `${OUT_DIR}/ still holds the last good build.` : `No ${OUT_DIR}/ was written.`}`);
  process.exit(1);
}

/**
 * Moves every file under `from` to the same path under `to`, folder by folder (dist/data/ holds pages from Astro and
 * files from this process). Returns the first path both have, which is never overwritten.
 */
function moveInto(from: string, to: string, path = ''): string | undefined {
  for (const entry of readdirSync(join(from, path), { withFileTypes: true })) {
    const name = join(path, entry.name);
    const target = join(to, name);
    if (!existsSync(target)) renameSync(join(from, name), target);
    else if (entry.isDirectory() && statSync(target).isDirectory()) {
      const conflict = moveInto(from, to, name);
      if (conflict) return conflict;
    } else return name;
  }
  return undefined;
}

mkdirSync(join(root, '.cache'), { recursive: true });
for (const path of [STAGING_DIR, PARALLEL_DIR, RELATIONS_FILE, CONTENT_FILE, PAGE_REPORT, DOWNLOAD_REPORT, NEXT_SEARCH_BASE]) rmSync(path, { recursive: true, force: true });
mkdirSync(PARALLEL_DIR, { recursive: true });
for (const name of readdirSync(join(root, '.cache'))) if (name.startsWith(RETIRED_PREFIX)) removeInBackground(join(root, '.cache', name));
// Before Astro starts, since it reads its content store first thing.
const rendersDropped = invalidateStaleRenders(root);
if (rendersDropped) console.log('The pipeline or the speaker registry changed: cached renders dropped.');

const previousBuild = existsSync(OUT_DIR) && existsSync(PAGE_MANIFEST);
const currentCode = codeVersion(root);
const pageCache: PageCacheSettings = {
  codeVersion: currentCode,
  report: PAGE_REPORT,
  ...(previousBuild ? { previous: { dir: join(root, OUT_DIR), manifest: PAGE_MANIFEST } } : {}),
};

function startAstro(): { astro: ChildProcess; astroExit: Promise<number> } {
  const astro = spawn(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    stdio: 'inherit',
    env: { ...process.env, DISPATCH_OUT_DIR: STAGING_DIR, [CONTENT_FILE_ENV]: CONTENT_FILE, [RELATIONS_FILE_ENV]: RELATIONS_FILE, [PARALLEL_OUTPUTS_ENV]: '1', [PAGE_CACHE_ENV]: JSON.stringify(pageCache) },
  });
  const astroExit = new Promise<number>((resolve) => {
    astro.on('close', (code) => resolve(code ?? 1));
    astro.on('error', () => resolve(1));
  });
  // If this process stops first, Astro must not go on waiting for what it was to be handed.
  process.once('exit', () => astro.kill());
  return { astro, astroExit };
}

/**
 * A rebuild with the same pipeline finds most annotations in the cache and most pages unchanged. Its check is a few
 * seconds of reading, so Astro starts up meanwhile (its loader waits for the checked documents); and Astro then has
 * few pages to render, so the search index, not the pages, is the longest path and is not niced. A cold build starts
 * Astro after the check: on two cores, Astro's start-up slowed the check's annotation workers by more than it saved
 * (measured: the check 49 s to 84 s at 5,000 documents); and its pages keep their core.
 */
const rebuild = previousBuild && !rendersDropped && readManifest(PAGE_MANIFEST)?.codeVersion === currentCode;
let started = rebuild ? startAstro() : undefined;
const check = await runContentCheck(root);
if (!check) {
  if (started) {
    started.astro.kill();
    await started.astroExit;
  }
  fail('Build stopped: the content check found the problems above.');
}
// What the check has read, validated and annotated: Astro's loader takes it instead of reading it all again.
writeContentHandoff(
  CONTENT_FILE,
  check.documents.map((document, index) => ({ slug: document.slug, file: document.file, frontmatter: document.frontmatter, key: check.annotations[index]!.key })),
);
started ??= startAstro();
const { astro, astroExit } = started;

let search: SearchIndexThread | undefined;
let relationsCacheKey = '';
/**
 * This process's report lines, printed once Astro has exited: Astro prints each page's path and then, on the same
 * line, its time, so a line printed meanwhile could land in the middle of one ("…/index.htmlSearch: …").
 */
const reports: string[] = [];
try {
  const startedAt = performance.now();
  const corpus = corpusOf(check.speakers, check.documents, (_, index) => check.annotations[index]!.frontmatter);
  // The search index needs no relations: in its own thread, from now on. On Linux a thread has its own priority, and
  // this one (with the Pagefind process it starts) keeps the one it starts with, so it is not niced below, in a cold
  // build either: its last steps (Pagefind writing its files, then the base described for the next build) run one
  // after the other, and niced they ended 3-4 s after Astro's pages with one core idle (a perf timeline of 1,000
  // documents, December 7). Nine pairs of cold builds at 1,000: 36.8 s on average against 39.0 s niced, faster in eight;
  // the relations, which Astro's first page waits for, take 1-2 s longer beside it (7.9-9.3 s against 6.7-7.5 s).
  search = startSearchIndexThread(corpus, PARALLEL_DIR, {
    base: { root, baseFile: SEARCH_BASE, nextBaseFile: NEXT_SEARCH_BASE, ...(existsSync(OUT_DIR) ? { previousDir: join(root, OUT_DIR) } : {}) },
  });
  // With no relations kept, their key is made once Astro has them: hashing every statement's inputs took 0.6 s at
  // 1,000 documents, which Astro's first page waited for.
  if (hasKeptRelations(root)) relationsCacheKey = relationsKey(root, corpus.documents);
  const kept = relationsCacheKey ? reuseRelations(root, relationsCacheKey, RELATIONS_FILE, statementTexts(corpus.documents)) : undefined;
  const found = kept ?? findRelations(root, corpus.documents);
  if (!kept) writeHandedRelations(RELATIONS_FILE, found);
  reports.push(describeRelations(found, { cached: kept !== undefined }));
  // In a cold build, Astro's pages are the critical path from here on.
  if (!rebuild) lowerThreadPriority(10);
  relationsCacheKey ||= relationsKey(root, corpus.documents);
  const report = await writeParallelOutputs(root, corpus, found.relations, PARALLEL_DIR, new URL(SITE_URL), {
    search: search.report,
    startedAt,
    cache: { ...pageCache, report: DOWNLOAD_REPORT },
  });
  reports.push(`${describeParallelOutputs(report)} (beside the pages)`);
} catch (error) {
  astro.kill();
  // The search thread writes into the folder `fail` deletes: stop it first.
  await search?.stop();
  await astroExit;
  // What was done before the failure (the relations, say), so the message below is read after it.
  for (const line of reports) console.log(line);
  fail(`Build failed: the relations, search index or downloads could not be written:\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
}

const status = await astroExit;
for (const line of reports) console.log(line);
rmSync(CONTENT_FILE, { force: true });
if (status !== 0) fail(`Build failed (exit ${status}).`);
keepRelations(root, relationsCacheKey, RELATIONS_FILE);
const conflict = moveInto(PARALLEL_DIR, STAGING_DIR);
if (conflict) fail(`Build failed: \`${conflict}\` was written both by Astro and beside it; remove the page or route that writes it.`);
rmSync(PARALLEL_DIR, { recursive: true, force: true });
const pages = readPageReport(PAGE_REPORT);
const downloads = readPageReport(DOWNLOAD_REPORT);
try {
  const reused = linkReusedPages(pages, join(root, OUT_DIR), STAGING_DIR);
  const reusedDownloads = linkReusedPages(downloads, join(root, OUT_DIR), STAGING_DIR);
  console.log(
    `Page cache: ${pages.length - reused} pages rendered, ${reused} unchanged since the last build and reused from it; ` +
      `downloads: ${downloads.length - reusedDownloads} written, ${reusedDownloads} reused.`,
  );
} catch (error) {
  fail(`Build failed: the unchanged pages could not be reused: ${error instanceof Error ? error.message : String(error)}`);
}
const retired = join(root, '.cache', `${RETIRED_PREFIX}${Date.now()}`);
if (existsSync(OUT_DIR)) renameSync(OUT_DIR, retired);
renameSync(STAGING_DIR, OUT_DIR);
// The index was written whole: it is the base of the next build's. (An overlay's base is the kept one, linked into dist/.)
if (existsSync(NEXT_SEARCH_BASE)) renameSync(NEXT_SEARCH_BASE, SEARCH_BASE);
try {
  writePageManifest(PAGE_MANIFEST, pageCache.codeVersion, [...pages, ...downloads], OUT_DIR);
} catch (error) {
  // The new site is in place; only the next build's reuse is lost (it renders every page and writes a manifest).
  rmSync(PAGE_MANIFEST, { force: true });
  console.warn(`The page cache's manifest could not be written (${error instanceof Error ? error.message : String(error)}): the next build renders every page.`);
}
rmSync(PAGE_REPORT, { force: true });
rmSync(DOWNLOAD_REPORT, { force: true });
removeInBackground(retired);
console.log(`Build complete: ${OUT_DIR}/ replaced.`);
