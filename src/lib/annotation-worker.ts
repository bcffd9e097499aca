/**
 * A worker thread of the annotation pool (annotation-pool.ts): annotates the
 * documents it is sent, through the cache, and answers with what the content
 * check reads (the recorded frontmatter), not the HTML, which stays in the
 * cache for the content loader.
 */
import { parentPort } from 'node:worker_threads';
import { annotateDocument } from './annotation-cache.ts';
import type { AnnotationJob, AnnotationReply } from './annotation-pool.ts';

parentPort!.on('message', async (job: AnnotationJob) => {
  let reply: AnnotationReply;
  try {
    const { annotation, key, cached } = await annotateDocument(job.root, job.file);
    reply = { index: job.index, key, cached, frontmatter: annotation.metadata.frontmatter };
  } catch (error) {
    reply = { index: job.index, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort!.postMessage(reply);
});
