/**
 * Annotates many documents on every core. Annotation is the content check's
 * whole cost (Markdown parsing above all) and each document is independent of
 * the others, so documents are handed to worker threads as the check reads
 * them (`annotationQueue`), a few at a time to each, the rest as each worker
 * frees up. A handful of documents is annotated in this thread: a
 * worker's start-up (loading the pipeline) costs more than it saves. The
 * workers are started before the content is read (`startAnnotationPool`), so
 * their start-up overlaps the reading; each loads the pipeline with the first
 * document it must render (annotation-cache.ts), which a cold check sends it
 * within its first reads.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { annotateDocument } from './annotation-cache.ts';

export interface AnnotationInput {
  path: string;
  text: string;
  body: string;
  frontmatter: Record<string, unknown>;
}

export interface AnnotationJob {
  index: number;
  root: string;
  file: AnnotationInput;
}

export type AnnotationReply =
  | { index: number; key: string; cached: boolean; frontmatter: Record<string, unknown> }
  | { index: number; error: string };

export interface AnnotatedDocument {
  key: string;
  cached: boolean;
  /** What the plugins recorded: statements, dates, problems. */
  frontmatter: Record<string, unknown>;
}

export interface PoolOptions {
  /** Worker threads at most; defaults to the machine's available parallelism. */
  workers?: number;
  /** Below this many documents to annotate, no worker is started. */
  minDocumentsPerWorker?: number;
}

/** How many workers annotate `count` documents: none below `minDocumentsPerWorker` each, at most one per core. */
export function poolSize(count: number, options: PoolOptions = {}): number {
  const workers = Math.min(options.workers ?? availableParallelism(), Math.floor(count / (options.minDocumentsPerWorker ?? 25)));
  return workers < 2 ? 0 : workers;
}

export interface AnnotationPool {
  workers: number;
  threads: readonly Worker[];
  /** Stops the workers; the pool cannot be used after. */
  close(): Promise<void>;
}

/**
 * Starts `workers` worker threads, which start up while the caller reads the content, and load the pipeline when the
 * first document to render reaches them. (Loading it at their start instead measured no faster: cold checks of 100
 * documents, four alternated pairs, 3.80 s on average against 3.73 s; and a rebuild's workers, whose documents are
 * mostly cached, would load it for nothing.)
 */
export function startAnnotationPool(workers: number): AnnotationPool {
  const threads = Array.from({ length: workers }, () => new Worker(new URL('./annotation-worker.ts', import.meta.url)));
  return { workers, threads, close: async () => void (await Promise.all(threads.map((worker) => worker.terminate()))) };
}

/** Documents a worker holds at once: one it annotates, the next ones waiting, so it never waits for this thread. */
const IN_FLIGHT = 4;

/**
 * Documents handed to a pool's workers as they come (`add`, while the content is still being read), each to the
 * worker with the fewest in hand; the rest wait here and go to whichever worker answers first. A pool of no workers
 * keeps them, and `done` annotates them in this thread.
 */
export interface AnnotationQueue {
  add(file: AnnotationInput): void;
  /** Every added document's annotation, in the order added; closes the pool. Rejects with the first failure's file. */
  done(): Promise<AnnotatedDocument[]>;
  /** Stops the workers without waiting for their answers: for a check that has already failed. */
  cancel(): Promise<void>;
}

export function annotationQueue(root: string, pool: AnnotationPool): AnnotationQueue {
  if (pool.workers === 0) return inThreadQueue(root, pool);
  const files: AnnotationInput[] = [];
  const results: AnnotatedDocument[] = [];
  const waiting: number[] = [];
  const inHand = pool.threads.map(() => 0);
  let answered = 0;
  let failure: Error | undefined;
  let settle: (() => void) | undefined;
  const check = () => {
    if (settle && (failure || answered === files.length)) settle();
  };
  const send = (worker: number, index: number) => {
    inHand[worker]!++;
    pool.threads[worker]!.postMessage({ index, root, file: files[index]! } satisfies AnnotationJob);
  };
  pool.threads.forEach((thread, worker) => {
    thread.on('message', (reply: AnnotationReply) => {
      inHand[worker]!--;
      answered++;
      if ('error' in reply) failure ??= new Error(`Annotating ${files[reply.index]!.path} failed:\n${reply.error}`);
      else results[reply.index] = { key: reply.key, cached: reply.cached, frontmatter: reply.frontmatter };
      const next = waiting.shift();
      if (next !== undefined) send(worker, next);
      check();
    });
    thread.on('error', (error: Error) => {
      failure ??= error;
      check();
    });
    thread.on('exit', (code) => {
      if (answered < files.length || code !== 0) failure ??= new Error(`An annotation worker stopped (exit ${code}) before its documents were done.`);
      check();
    });
  });
  return {
    add(file) {
      const index = files.push(file) - 1;
      const worker = inHand.indexOf(Math.min(...inHand));
      if (inHand[worker]! < IN_FLIGHT) send(worker, index);
      else waiting.push(index);
    },
    async done() {
      await new Promise<void>((resolve) => {
        settle = resolve;
        check();
      });
      // Taken before the workers are stopped: their exits then are no failure.
      const failed = failure;
      await pool.close();
      if (failed) throw failed;
      return results;
    },
    cancel: () => pool.close(),
  };
}

/** The queue of a pool with no workers: the documents are annotated in this thread, one after the other, at `done`. */
function inThreadQueue(root: string, pool: AnnotationPool): AnnotationQueue {
  const files: AnnotationInput[] = [];
  return {
    add: (file) => void files.push(file),
    async done() {
      await pool.close();
      const results: AnnotatedDocument[] = [];
      for (const file of files) {
        const { annotation, key, cached } = await annotateDocument(root, file);
        results.push({ key, cached, frontmatter: annotation.metadata.frontmatter });
      }
      return results;
    },
    cancel: () => pool.close(),
  };
}

/** Annotates `files` in order, on `pool`'s workers when given one (which it closes), else on this thread. */
export async function annotateDocuments(root: string, files: readonly AnnotationInput[], pool: AnnotationPool = startAnnotationPool(0)): Promise<AnnotatedDocument[]> {
  const queue = annotationQueue(root, pool);
  for (const file of files) queue.add(file);
  return queue.done();
}
