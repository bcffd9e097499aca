/**
 * The annotation pool gives the same annotations on worker threads as in this
 * thread, in the documents' order, and reports a failure with its file.
 */
import { appendFileSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ANNOTATION_CACHE } from '../../src/lib/annotation-cache.ts';
import { annotateDocuments, annotationQueue, poolSize, startAnnotationPool, type AnnotationInput } from '../../src/lib/annotation-pool.ts';
import { documentsToAnnotate } from '../../src/lib/check-content.ts';
import { readContent } from '../../src/lib/read-content.ts';
import { copyContent } from '../helpers/content-copy.ts';

const copy = copyContent();
afterAll(() => copy.remove());

const inputs: AnnotationInput[] = readContent(copy.root).documents.map((document) => ({
  path: document.file,
  text: readFileSync(join(copy.root, document.file), 'utf8'),
  body: document.body,
  frontmatter: document.frontmatter,
}));

describe('annotateDocuments', () => {
  it('annotates on two worker threads exactly as in this thread, in order', async () => {
    const inThread = await annotateDocuments(copy.root, inputs);
    rmSync(join(copy.root, ANNOTATION_CACHE), { recursive: true, force: true });
    const pooled = await annotateDocuments(copy.root, inputs, startAnnotationPool(2));
    expect(inputs.length).toBe(5);
    expect(pooled.every((result) => !result.cached)).toBe(true);
    expect(pooled.map((result) => result.key)).toEqual(inThread.map((result) => result.key));
    expect(pooled.map((result) => result.frontmatter)).toEqual(inThread.map((result) => result.frontmatter));
    expect((pooled[0]!.frontmatter['statements'] as unknown[]).length).toBeGreaterThan(0);
    // The workers wrote the cache the content loader reads.
    const again = await annotateDocuments(copy.root, inputs, startAnnotationPool(2));
    expect(again.every((result) => result.cached)).toBe(true);
  }, 60_000);

  it('names the document whose annotation failed', async () => {
    const broken = inputs.map((input, index) => (index === 3 ? { ...input, text: `${input.text}\n`, body: 42 as unknown as string } : input));
    await expect(annotateDocuments(copy.root, broken, startAnnotationPool(2))).rejects.toThrow(new RegExp(`Annotating ${inputs[3]!.path} failed`, 'u'));
  }, 60_000);
});

describe('annotationQueue', () => {
  it('takes documents as they come, between the workers’ answers, and gives their annotations in the order added', async () => {
    const inThread = await annotateDocuments(copy.root, inputs);
    rmSync(join(copy.root, ANNOTATION_CACHE), { recursive: true, force: true });
    const queue = annotationQueue(copy.root, startAnnotationPool(2));
    // The longest (MEMRI's) first, then the others with pauses in which answers arrive: the short ones are answered
    // before it, and the order is the order added, not the order answered.
    const order = [3, 0, 1, 2, 4];
    expect(inputs[3]!.path).toMatch(/memri/u);
    for (const index of order) {
      queue.add(inputs[index]!);
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    const queued = await queue.done();
    expect(queued.map((result) => result.key)).toEqual(order.map((index) => inThread[index]!.key));
    expect(queued.map((result) => result.frontmatter)).toEqual(order.map((index) => inThread[index]!.frontmatter));
    expect(queued.every((result) => !result.cached)).toBe(true);
  }, 60_000);

  it('gives no annotations for no documents, and stops its workers', async () => {
    const pool = startAnnotationPool(2);
    await expect(annotationQueue(copy.root, pool).done()).resolves.toEqual([]);
    expect(pool.threads.every((thread) => thread.threadId === -1)).toBe(true);
  }, 60_000);
});

describe('poolSize', () => {
  it('starts no worker for a handful of documents, and at most one per core', () => {
    expect(poolSize(5, { workers: 2 })).toBe(0);
    expect(poolSize(49, { workers: 2 })).toBe(0);
    expect(poolSize(50, { workers: 2 })).toBe(2);
    expect(poolSize(10_000, { workers: 2 })).toBe(2);
    expect(poolSize(10_000, { workers: 8, minDocumentsPerWorker: 1000 })).toBe(8);
  });
});

describe('documentsToAnnotate', () => {
  it('counts the documents the cache does not hold: the pool is sized by them, not by the corpus', async () => {
    rmSync(join(copy.root, ANNOTATION_CACHE), { recursive: true, force: true });
    expect(documentsToAnnotate(copy.root)).toBe(5);
    await annotateDocuments(copy.root, inputs);
    expect(documentsToAnnotate(copy.root)).toBe(0);
    appendFileSync(join(copy.root, inputs[0]!.path), '\nAn added closing line.\n');
    expect(documentsToAnnotate(copy.root)).toBe(1);
  }, 60_000);
});
