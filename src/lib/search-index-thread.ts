/**
 * The search index written in a worker thread, so that `npm run build` can
 * start it as soon as the content is checked: the records need no relations,
 * and the thread feeds Pagefind's process while the main thread finds the
 * relations that Astro's pages wait for. It runs at the priority of the
 * thread that starts it, as does the Pagefind process it starts: `npm run
 * build` starts it before it nices its own thread (scripts/build.ts says why).
 */
import { renameSync, writeFileSync } from 'node:fs';
import { setPriority } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { Corpus } from './corpus.ts';
import { searchRecordsByDocument } from './parallel-outputs.ts';
import { baseKey, readBase } from './search-index-base.ts';
import { writeSearchIndex, type SearchIndexReport } from './search-index.ts';

/** Where a rebuild's index finds the last build's (search-index-base.ts). */
export interface SearchIndexBaseFiles {
  /** The project root: the base's key is a hash of code under it. */
  root: string;
  /** The last build's site, if there is one. */
  previousDir?: string;
  /** The kept base (`.cache/search-index.json`). */
  baseFile: string;
  /** Where a whole index's new base is written, to replace `baseFile` once the build is published. */
  nextBaseFile: string;
}

interface SearchIndexJob {
  searchIndexJob: true;
  corpus: Corpus;
  outDir: string;
  base?: SearchIndexBaseFiles;
}

type SearchIndexReply = { report: SearchIndexReport } | { error: string };

export interface SearchIndexThread {
  /** What was written, once it is. */
  report: Promise<SearchIndexReport>;
  /** Stops the thread (and with it Pagefind's process) without waiting for the index: for a build that has failed. */
  stop(): Promise<void>;
}

/** Starts indexing the corpus's search records into `outDir` in a worker thread. */
export function startSearchIndexThread(corpus: Corpus, outDir: string, { base }: { base?: SearchIndexBaseFiles } = {}): SearchIndexThread {
  const job: SearchIndexJob = { searchIndexJob: true, corpus, outDir, ...(base ? { base } : {}) };
  const worker = new Worker(new URL(import.meta.url), { workerData: job });
  const report = new Promise<SearchIndexReport>((resolve, reject) => {
    let replied = false;
    worker.once('message', (reply: SearchIndexReply) => {
      replied = true;
      if ('report' in reply) resolve(reply.report);
      else reject(new Error(reply.error));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!replied) reject(new Error(`The search index's worker thread stopped (exit ${code}) before it finished.`));
    });
  });
  return {
    report,
    stop: async () => {
      report.catch(() => undefined);
      await worker.terminate();
    },
  };
}

/** A lower priority for this thread if the system allows it; it is an optimisation, never a reason to fail. */
export function lowerThreadPriority(nice: number): void {
  try {
    setPriority(nice);
  } catch {
    // Already lower than that (an outer `nice`), or not permitted: run as is.
  }
}

/** The index, over the last build's where it can be (search-index-base.ts); a whole index's base written to `nextBaseFile`. */
async function writeIndex({ corpus, outDir, base: files }: SearchIndexJob): Promise<SearchIndexReport> {
  const documents = searchRecordsByDocument(corpus);
  if (!files) return writeSearchIndex(documents, outDir);
  const key = baseKey(files.root);
  const read = files.previousDir ? readBase(files.baseFile, key, files.previousDir) : 'no last build to start from';
  const base = typeof read === 'string' ? { base: undefined, unusable: read } : { base: read };
  const { base: next, ...report } = await writeSearchIndex(documents, outDir, { incremental: { key, ...base, dir: files.previousDir ?? '' } });
  if (next) {
    writeFileSync(`${files.nextBaseFile}.tmp`, JSON.stringify(next));
    renameSync(`${files.nextBaseFile}.tmp`, files.nextBaseFile);
  }
  return report;
}

if (!isMainThread && (workerData as Partial<SearchIndexJob> | undefined)?.searchIndexJob) {
  const job = workerData as SearchIndexJob;
  let reply: SearchIndexReply;
  try {
    reply = { report: await writeIndex(job) };
  } catch (error) {
    reply = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort!.postMessage(reply);
}
