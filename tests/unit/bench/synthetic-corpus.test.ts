import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeSyntheticCorpus } from '../../../scripts/bench/synthetic-corpus.ts';
import { checkContent } from '../../../src/lib/check-content.ts';
import { ROOT } from '../../helpers/paths.ts';

const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

function corpus(size: number, seed = 7): string {
  const to = mkdtempSync(join(tmpdir(), 'dispatch-synthetic-'));
  folders.push(to);
  writeSyntheticCorpus({ size, from: ROOT, to, seed });
  return to;
}

const paragraphs = (text: string) => text.split('\n---\n')[1]!.split('\n\n');

describe('the benchmark’s synthetic corpus', () => {
  it('is the same for the same seed, and different for another', () => {
    const read = (root: string) => readdirSync(join(root, 'content/documents')).sort().map((name) => readFileSync(join(root, 'content/documents', name), 'utf8'));
    expect(read(corpus(6))).toEqual(read(corpus(6)));
    expect(read(corpus(6, 8))).not.toEqual(read(corpus(6)));
  });

  it('passes the content check, with statements and speakers like the originals’', async () => {
    const root = corpus(10);
    const result = await checkContent(root);
    expect(result.problems).toEqual([]);
    expect(result.documents).toHaveLength(10);
    // Two copies of each original: about twice the original statements, most of them still attributed.
    expect(result.summary.statements).toBeGreaterThan(150);
    expect(result.summary.attributed / result.summary.statements).toBeGreaterThan(0.75);
  });

  it('keeps headings, footnote markers and speaker labels, varies ordinary words, and leaves some paragraphs verbatim', () => {
    const root = corpus(10);
    const original = readFileSync(join(ROOT, 'content/documents/2021-03-24-memri-special-dispatch-9252.md'), 'utf8');
    const name = readdirSync(join(root, 'content/documents')).find((file) => file.startsWith('2021-03-24-memri'))!;
    const copy = readFileSync(join(root, 'content/documents', name), 'utf8');
    const before = paragraphs(original);
    const after = paragraphs(copy);
    expect(after).toHaveLength(before.length);
    expect(after.filter((paragraph) => paragraph.startsWith('#'))).toEqual(before.filter((paragraph) => paragraph.startsWith('#')));
    expect(copy.match(/\[\^\d+\]/gu)).toEqual(original.match(/\[\^\d+\]/gu));
    expect(copy.match(/^(Sergey Lavrov|Hua Chunying|Question|CCTV)[^:\n]*:/gmu)).toEqual(original.match(/^(Sergey Lavrov|Hua Chunying|Question|CCTV)[^:\n]*:/gmu));
    const unchanged = after.filter((paragraph, index) => paragraph === before[index] && !paragraph.startsWith('#')).length;
    expect(unchanged).toBeGreaterThan(0);
    expect(unchanged).toBeLessThan(before.length / 2);
  });
});
