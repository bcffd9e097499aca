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

/** Indexes the corpus's search records into `outDir` in a worker thread; resolves with what was written. */
export function writeSearchIndexInThread(corpus: Corpus, outDir: string, { nice = 10 }: { nice?: number } = {}): Promise<SearchIndexReport> {
  const job: SearchIndexJob = { searchIndexJob: true, corpus, outDir, nice };
  const worker = new Worker(new URL(import.meta.url), { workerData: job });
  return new Promise((resolve, reject) => {
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
}

if (!isMainThread && (workerData as Partial<SearchIndexJob> | undefined)?.searchIndexJob) {
  const job = workerData as SearchIndexJob;
  let reply: SearchIndexReply;
  try {
    // On Linux a thread has its own priority, and Pagefind's process, started from this thread, inherits it.
    if (job.nice !== 0) setPriority(job.nice);
    reply = { report: await writeSearchIndex(searchRecordsByDocument(job.corpus), job.outDir) };
  } catch (error) {
    reply = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort!.postMessage(reply);
}
