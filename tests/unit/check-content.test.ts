/**
 * The content check on a corpus large enough for the annotation workers: each
 * document's annotation is its own, in the documents' order, although the
 * documents reach the workers while they are still being read; and a
 * frontmatter problem found after the workers began stops them and reports it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { annotationKey } from '../../src/lib/annotation-cache.ts';
import { poolSize } from '../../src/lib/annotation-pool.ts';
import { checkContent } from '../../src/lib/check-content.ts';
import { copyContent, PHONE_CALL, type ContentCopy } from '../helpers/content-copy.ts';

const COPIES = 60;

let copy: ContentCopy | undefined;
afterEach(() => copy?.remove());

const MONTHS = ['January', 'February', 'March'];

/** Copy `n`'s own date, a day of early 2020, as an ISO date and as written. */
function dayOf(n: number): { iso: string; written: string } {
  const day = new Date(Date.UTC(2020, 0, n));
  return { iso: day.toISOString().slice(0, 10), written: `${MONTHS[day.getUTCMonth()]} ${day.getUTCDate()}, 2020` };
}

/** The content with `COPIES` more documents, each the phone call with a closing line of its own date; the last two alike. */
function largeCorpus(): ContentCopy {
  const corpus = copyContent();
  const text = corpus.read(PHONE_CALL);
  for (let n = 1; n <= COPIES; n++) {
    const closing = dayOf(n === COPIES ? COPIES - 1 : n).written;
    corpus.write(PHONE_CALL.replace(/\.md$/u, `-copy-${String(n).padStart(2, '0')}.md`), `${text}\nThe ministers last spoke on ${closing}.\n`);
  }
  return corpus;
}

describe('checkContent with annotation workers', () => {
  it('gives every document its own annotation, in order, with two files alike annotated once each', async () => {
    copy = largeCorpus();
    expect(poolSize(COPIES + 5)).toBeGreaterThanOrEqual(2);
    const check = await checkContent(copy.root);
    expect(check.problems).toEqual([]);
    expect(check.documents).toHaveLength(COPIES + 5);
    expect(check.annotations).toHaveLength(COPIES + 5);
    for (const [index, document] of check.documents.entries()) {
      expect(check.annotations[index]!.key).toBe(annotationKey(copy.root, readFileSync(join(copy.root, document.file), 'utf8')));
    }
    // Each copy's annotation holds the date of its own closing line, and no other copy's.
    for (const [index, document] of check.documents.entries()) {
      const copyNumber = /-copy-(\d+)$/u.exec(document.slug)?.[1];
      if (!copyNumber) continue;
      const n = Number(copyNumber);
      const dates = (check.annotations[index]!.frontmatter['dateMentions'] as { datetime: string }[]).map((mention) => mention.datetime);
      const own = dayOf(n === COPIES ? COPIES - 1 : n).iso;
      expect(dates).toContain(own);
      expect(dates.filter((date) => date.startsWith('2020-0') && date !== own)).toEqual([]);
    }
  }, 120_000);

  it('stops the workers and reports a frontmatter problem found after they began', async () => {
    copy = largeCorpus();
    const broken = PHONE_CALL.replace(/\.md$/u, '-copy-40.md');
    copy.edit(broken, 'outlet: "china-mfa"', 'outlet: "china-mfaa"');
    const check = await checkContent(copy.root);
    expect(check.problems.map((problem) => [problem.name, problem.file])).toEqual([['UnknownOutlet', broken]]);
    expect(check.annotations).toEqual([]);
  }, 120_000);
});
