/**
 * `npm run bench [-- 100 1000 5000]`: builds synthetic corpora of each size
 * with this site and with a plain reference site (Astro 7, unified processor,
 * no plugins of ours, Pagefind), in temporary folders, and reports build time,
 * time per document, peak memory, the stages' times, relations, index size and
 * what a first search downloads, as a table and as JSON (bench-results.json).
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { measure, type Measured } from './measure.ts';
import { writeReferenceSite } from './reference-site.ts';
import { writeSyntheticCorpus } from './synthetic-corpus.ts';
import { firstSearchBytes } from './first-search.ts';

const ROOT = process.cwd();
const SIZES = process.argv.slice(2).map(Number).filter((size) => size > 0);
const sizes = SIZES.length > 0 ? SIZES : [100, 1000, 5000];
const PROJECT_FILES = ['src', 'scripts', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json'];
/**
 * Node's arguments for our build, taken from package.json's `build` script so the bench times what `npm run build`
 * runs (its preloaded compile cache included) and cannot drift from it. Run without npm, whose own start-up is not
 * the build's.
 */
const BUILD_ARGS = ((script: string) => {
  const words = script.split(' ').filter(Boolean);
  if (words[0] !== 'node' || words.some((word) => /["'$&|;<>]/u.test(word))) {
    throw new Error(`package.json's build script is not a plain \`node …\` command the bench can run without npm: ${script}`);
  }
  return words.slice(1);
})((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts['build'] ?? '');

interface Row {
  size: number;
  site: 'ours' | 'reference';
  seconds: number;
  msPerDocument: number;
  peakRssMiB: number;
  peakProcess: string;
  /** Peak RSS of each program, MiB. */
  peaksMiB: Record<string, number>;
  checkSeconds?: number;
  relationSeconds?: number;
  searchIndexSeconds?: number;
  relations?: number;
  statements?: number;
  pages: number;
  indexKiB: number;
  firstSearchKB?: number;
  /** The first search with the facet counts the search page loads after its results. */
  firstSearchWithCountsKB?: number;
  firstSearchWord?: string;
  /**
   * After a closing line is added to one document (an unattributed passage: the relations are found again too). The
   * reference's too: Astro's content layer reuses the unchanged documents, Pagefind indexes everything again.
   */
  rebuildSeconds?: number;
  /** After a word of one statement is changed: the relations are found again. */
  statementRebuildSeconds?: number;
}

function folderBytes(folder: string): number {
  if (!existsSync(folder)) return 0;
  let total = 0;
  for (const entry of readdirSync(folder, { recursive: true, encoding: 'utf8' })) {
    const path = join(folder, entry);
    const stat = statSync(path);
    if (stat.isFile()) total += stat.size;
  }
  return total;
}

function countPages(folder: string): number {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html')).length;
}

/**
 * The project's packages, linked one by one: a link to the whole of
 * node_modules would share Astro's and Vite's caches (node_modules/.astro,
 * .vite) with the project, so a bench build would overwrite the project's
 * content store and time a warm cache.
 */
function linkPackages(to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(join(ROOT, 'node_modules'))) {
    if (entry === '.astro' || entry === '.vite') continue;
    symlinkSync(join(ROOT, 'node_modules', entry), join(to, entry), 'dir');
  }
}

/**
 * Where the bench's folders go once measured, deleted when the run ends. On ext4 without a journal (this project's
 * VMs) the kernel skips recently deleted inodes when it allocates one: right after 12,000 files were deleted, creating
 * 12,000 more took 3.8 s instead of 0.4-0.7 s. A deletion between two builds slowed the second, by how much depending
 * on what came before it; each build here follows none.
 */
const SET_ASIDE = join(tmpdir(), 'dispatch-bench-set-aside');
/** Our build's own deletion of the site it replaces is left to the end too (scripts/build.ts). */
const OUR_BUILD_ENV = { DISPATCH_KEEP_RETIRED_BUILDS: '1' };

function setAside(folder: string): void {
  if (!existsSync(folder)) return;
  mkdirSync(SET_ASIDE, { recursive: true });
  renameSync(folder, join(SET_ASIDE, `${basename(folder)}-${Date.now()}`));
}

function prepare(kind: 'ours' | 'reference', size: number): string {
  const folder = join(tmpdir(), `dispatch-bench-${kind}-${size}`);
  setAside(folder);
  mkdirSync(folder, { recursive: true });
  if (kind === 'ours') for (const entry of PROJECT_FILES) cpSync(join(ROOT, entry), join(folder, entry), { recursive: true });
  else writeReferenceSite(folder);
  linkPackages(join(folder, 'node_modules'));
  // The same seed for both sites: the same Markdown.
  writeSyntheticCorpus({ size, from: ROOT, to: folder, seed: 20210323 });
  return folder;
}

function numberAfter(output: string, pattern: RegExp): number | undefined {
  const match = pattern.exec(output);
  return match ? Number(match[1]) : undefined;
}

/** What both sites report: time, memory, pages, index and the first search. */
async function baseRow(size: number, site: Row['site'], result: Measured, dist: string): Promise<Row> {
  const search = await firstSearchBytes(dist);
  return {
    size,
    site,
    seconds: result.seconds,
    msPerDocument: (result.seconds * 1000) / size,
    peakRssMiB: result.peakRss / 2 ** 20,
    peakProcess: result.peakProcess,
    peaksMiB: Object.fromEntries(Object.entries(result.peaks).map(([program, bytes]) => [program, Math.round(bytes / 2 ** 20)])),
    pages: countPages(dist),
    // Every shard of a sharded index: /pagefind/, /pagefind-2/, …
    indexKiB: readdirSync(dist).filter((name) => /^pagefind(-\d+)?$/u.test(name)).reduce((sum, name) => sum + folderBytes(join(dist, name)), 0) / 1024,
    firstSearchKB: search.gzipBytes / 1000,
    firstSearchWithCountsKB: search.withCountsGzipBytes / 1000,
    firstSearchWord: search.word,
  };
}

function fail(what: string, result: Measured): never {
  console.error(result.output.slice(-4000));
  throw new Error(`${what} failed with exit ${result.status}`);
}

async function benchOurs(size: number): Promise<Row> {
  const folder = prepare('ours', size);
  console.error(`[bench] ours, ${size} documents…`);
  const result = await measure(process.execPath, BUILD_ARGS, { cwd: folder, env: OUR_BUILD_ENV });
  if (result.status !== 0) fail(`our build of ${size} documents`, result);
  const row = await baseRow(size, 'ours', result, join(folder, 'dist'));
  const check = numberAfter(result.output, /Content check passed: .*\(([\d.]+) s[;)]/u);
  if (check !== undefined) row.checkSeconds = check;
  const relationMs = numberAfter(result.output, /Relations: .* in (\d+) ms/u);
  if (relationMs !== undefined) row.relationSeconds = relationMs / 1000;
  const searchMs = numberAfter(result.output, /Search: .* in (\d+) ms/u);
  if (searchMs !== undefined) row.searchIndexSeconds = searchMs / 1000;
  const relations = numberAfter(result.output, /Relations: (\d+) /u);
  if (relations !== undefined) row.relations = relations;
  const statements = numberAfter(result.output, /Annotation: (\d+) statements/u);
  if (statements !== undefined) row.statements = statements;
  // One document changed, then built again: what an editor waits for.
  const path = addClosingLine(folder);
  const changed = basename(path);
  const rebuild = await measure(process.execPath, BUILD_ARGS, { cwd: folder, env: OUR_BUILD_ENV });
  if (rebuild.status !== 0) fail('the rebuild', rebuild);
  row.rebuildSeconds = rebuild.seconds;
  // Whether the rebuild's index was an overlay or written whole is what its time depends on most: say which.
  console.error(`[bench] rebuild after a closing line: ${/^Search: .*$/mu.exec(rebuild.output)?.[0] ?? 'no search line'}`);
  // And a word of a statement: one of this document's statements, found in the dataset, whose words the file holds as printed.
  const text = readFileSync(path, 'utf8');
  const dataset = JSON.parse(readFileSync(join(folder, 'dist/data/statements.json'), 'utf8')) as { statements: { document: string; text: string; speakers: string[] }[] };
  const slug = changed.replace(/\.md$/u, '');
  const edited = dataset.statements.find((statement) => statement.document === slug && statement.speakers.length > 0 && statement.text.includes(' the ') && text.includes(statement.text));
  if (!edited) throw new Error(`no statement of ${changed} to edit`);
  writeFileSync(path, text.replace(edited.text, edited.text.replace(' the ', ' the very ')));
  const statementRebuild = await measure(process.execPath, BUILD_ARGS, { cwd: folder, env: OUR_BUILD_ENV });
  if (statementRebuild.status !== 0) fail('the rebuild after a statement edit', statementRebuild);
  // Had the edit missed every statement, the relations would have been kept from the rebuild before.
  if (!/^Relations: .* in \d+ ms/mu.test(statementRebuild.output)) throw new Error('the statement edit left the relations unchanged: edit a statement instead');
  row.statementRebuildSeconds = statementRebuild.seconds;
  console.error(`[bench] rebuild after a statement's word: ${/^Search: .*$/mu.exec(statementRebuild.output)?.[0] ?? 'no search line'}`);
  setAside(folder);
  return row;
}

async function benchReference(size: number): Promise<Row> {
  const folder = prepare('reference', size);
  console.error(`[bench] reference, ${size} documents…`);
  // The reference's build is Astro then Pagefind's CLI over its output, as a plain site would run them.
  const script = `node node_modules/astro/bin/astro.mjs build && node node_modules/pagefind/lib/runner/bin.cjs --site dist`;
  const result = await measure('sh', ['-c', script], { cwd: folder });
  if (result.status !== 0) fail(`the reference build of ${size} documents`, result);
  const row = await baseRow(size, 'reference', result, join(folder, 'dist'));
  // The same closing line as in our first rebuild, built the same way: Astro's content layer keeps what did not
  // change, and Pagefind indexes the whole site again. What a plain site's rebuild costs is the floor ours stands on.
  addClosingLine(folder);
  const rebuild = await measure('sh', ['-c', script], { cwd: folder });
  if (rebuild.status !== 0) fail(`the reference's rebuild of ${size} documents`, rebuild);
  row.rebuildSeconds = rebuild.seconds;
  setAside(folder);
  return row;
}

/** Adds a line of narration to the first document (by name); returns that document's path. */
function addClosingLine(folder: string): string {
  const changed = readdirSync(join(folder, 'content/documents')).sort()[0]!;
  const path = join(folder, 'content/documents', changed);
  writeFileSync(path, `${readFileSync(path, 'utf8')}\nAn added closing line of narration.\n`);
  return path;
}

const rows: Row[] = [];
for (const size of sizes) {
  rows.push(await benchOurs(size));
  rows.push(await benchReference(size));
}

const fixed = (value: number | undefined, digits = 1) => (value === undefined ? '–' : value.toFixed(digits));
const header = ['docs', 'site', 'build s', 'ms/doc', 'peak MiB', 'check s', 'relations s', 'search s', 'relations', 'pages', 'index KiB', '1st search KB', '+counts KB', 'rebuild s', 'rebuild (statement) s'];
const lines = rows.map((row) => [
  String(row.size),
  row.site,
  fixed(row.seconds),
  fixed(row.msPerDocument, 0),
  fixed(row.peakRssMiB, 0),
  fixed(row.checkSeconds),
  fixed(row.relationSeconds),
  fixed(row.searchIndexSeconds),
  row.relations === undefined ? '–' : String(row.relations),
  String(row.pages),
  fixed(row.indexKiB, 0),
  fixed(row.firstSearchKB),
  fixed(row.firstSearchWithCountsKB),
  fixed(row.rebuildSeconds),
  fixed(row.statementRebuildSeconds),
]);
const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]!.length)));
const format = (cells: string[]) => `| ${cells.map((cell, column) => cell.padStart(widths[column]!)).join(' | ')} |`;
console.log(format(header));
console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
for (const line of lines) console.log(format(line));

console.log('\nOurs over the reference (one run; these machines are noisy):');
const ratios = sizes.map((size) => {
  const ours = rows.find((row) => row.size === size && row.site === 'ours')!;
  const reference = rows.find((row) => row.size === size && row.site === 'reference')!;
  const ratio = { size, time: ours.seconds / reference.seconds, memory: ours.peakRssMiB / reference.peakRssMiB };
  const peaks = (row: Row) => Object.entries(row.peaksMiB).sort((a, b) => b[1] - a[1]).map(([program, mib]) => `${program} ${mib}`).join(', ');
  console.log(`  ${size} documents: time ${ratio.time.toFixed(2)}x, peak memory ${ratio.memory.toFixed(2)}x (MiB: ours ${peaks(ours)}; reference ${peaks(reference)})`);
  const ofCold = (seconds: number | undefined) => (seconds === undefined ? '–' : `${(seconds / ours.seconds).toFixed(2)}x`);
  console.log(`    rebuild over our cold build: ${ofCold(ours.rebuildSeconds)} (a closing line), ${ofCold(ours.statementRebuildSeconds)} (a statement's word)`);
  if (reference.rebuildSeconds !== undefined && ours.rebuildSeconds !== undefined) {
    console.log(
      `    the reference's rebuild after the same line: ${(reference.rebuildSeconds / reference.seconds).toFixed(2)}x its cold build; ours over it ${(ours.rebuildSeconds / reference.rebuildSeconds).toFixed(2)}x`,
    );
  }
  return ratio;
});
const perDocument = (size: number) => rows.find((row) => row.size === size && row.site === 'ours')?.msPerDocument;
const smallest = perDocument(sizes[0]!);
if (smallest !== undefined) {
  for (const size of sizes.slice(1)) console.log(`  ms per document at ${size} over ${sizes[0]}: ${(perDocument(size)! / smallest).toFixed(2)}x`);
}
writeFileSync('bench-results.json', `${JSON.stringify({ date: new Date().toISOString(), cores: (await import('node:os')).cpus().length, rows, ratios }, null, 2)}\n`);
console.log('\nJSON: bench-results.json');
rmSync(SET_ASIDE, { recursive: true, force: true });
