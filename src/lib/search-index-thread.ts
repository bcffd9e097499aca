/**
 * The search index written in a worker thread, so that `npm run build` can
 * start it as soon as the content is checked: the records need no relations,
 * and the thread feeds Pagefind's process while the main thread finds the
 * relations that Astro's pages wait for. In a cold build the thread and the
 * Pagefind process it starts run at a lower priority than the pages (`nice`).
 */
import { setPriority } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { Corpus } from './corpus.ts';
import { searchRecordsByDocument } from './parallel-outputs.ts';
import { writeSearchIndex, type SearchIndexReport } from './search-index.ts';

interface SearchIndexJob {
  searchIndexJob: true;
  corpus: Corpus;
  outDir: string;
  nice: number;
}

type SearchIndexReply = { report: SearchIndexReport } | { error: string };

export interface SearchIndexThread {
  /** What was written, once it is. */
  report: Promise<SearchIndexReport>;
  /** Stops the thread (and with it Pagefind's process) without waiting for the index: for a build that has failed. */
  stop(): Promise<void>;
}

/** Starts indexing the corpus's search records into `outDir` in a worker thread. */
export function startSearchIndexThread(corpus: Corpus, outDir: string, { nice = 10 }: { nice?: number } = {}): SearchIndexThread {
  const job: SearchIndexJob = { searchIndexJob: true, corpus, outDir, nice };
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

if (!isMainThread && (workerData as Partial<SearchIndexJob> | undefined)?.searchIndexJob) {
  const job = workerData as SearchIndexJob;
  let reply: SearchIndexReply;
  try {
    // On Linux a thread has its own priority, and Pagefind's process, started from this thread, inherits it.
    if (job.nice !== 0) lowerThreadPriority(job.nice);
    reply = { report: await writeSearchIndex(searchRecordsByDocument(job.corpus), job.outDir) };
  } catch (error) {
    reply = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort!.postMessage(reply);
}
