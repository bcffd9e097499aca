/**
 * Annotates many documents on every core. Annotation is the content check's
 * whole cost (Markdown parsing above all) and each document is independent of
 * the others, so documents are handed to worker threads one at a time, as each
 * worker frees up. A handful of documents is annotated in this thread: a
 * worker's start-up (loading the pipeline) costs more than it saves. The
 * workers are started before the content is read (`startAnnotationPool`), so
 * their start-up overlaps the reading.
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
 * Starts `workers` worker threads, which load the pipeline while the caller reads the content: started first, they
 * are ready when the documents are.
 */
export function startAnnotationPool(workers: number): AnnotationPool {
  const threads = Array.from({ length: workers }, () => new Worker(new URL('./annotation-worker.ts', import.meta.url)));
  return { workers, threads, close: async () => void (await Promise.all(threads.map((worker) => worker.terminate()))) };
}

/** Annotates `files` in order, on `pool`'s workers when given one (which it closes), else on this thread. */
export async function annotateDocuments(
  root: string,
  files: readonly AnnotationInput[],
  pool?: AnnotationPool,
): Promise<AnnotatedDocument[]> {
  if (!pool || pool.workers === 0) {
    await pool?.close();
    const results: AnnotatedDocument[] = [];
    for (const file of files) {
      const { annotation, key, cached } = await annotateDocument(root, file);
      results.push({ key, cached, frontmatter: annotation.metadata.frontmatter });
    }
    return results;
  }
  const results = new Array<AnnotatedDocument>(files.length);
  let next = 0;
  try {
    await Promise.all(
      pool.threads.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              if (next >= files.length) return resolve();
              const index = next++;
              worker.postMessage({ index, root, file: files[index]! } satisfies AnnotationJob);
            };
            worker.on('message', (reply: AnnotationReply) => {
              if ('error' in reply) return reject(new Error(`Annotating ${files[reply.index]!.path} failed:\n${reply.error}`));
              results[reply.index] = { key: reply.key, cached: reply.cached, frontmatter: reply.frontmatter };
              send();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => {
              if (next < files.length || code !== 0) reject(new Error(`An annotation worker stopped (exit ${code}) before its documents were done.`));
            });
            send();
          }),
      ),
    );
  } finally {
    await pool.close();
  }
  return results;
}
