/**
 * Every line of every raw source reaches its page: the built HTML in dist/ is
 * read as a reader sees it, and each line of the text as received (footnote
 * markers and list numbers aside, which the page renders as links and list
 * numbering) must appear in it. Lines the frontmatter lists as chrome are the
 * only ones allowed to be missing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContent, normaliseSpace } from '../../src/lib/read-content.ts';
import { readPage, sourceText } from '../helpers/html.ts';
import { ROOT } from '../helpers/paths.ts';

const { documents } = readContent(ROOT);

function expectedLine(line: string): string {
  return normaliseSpace(line.replace(/\[\d+\]/g, '').replace(/^\s*\d+\.\s+/, ''));
}

describe.each(documents)('$slug', (document) => {
  const page = readPage(`/documents/${document.slug}/`);
  const pageText = normaliseSpace(sourceText(page));
  const chrome = new Set(document.frontmatter.chrome.map(normaliseSpace));
  const raw = readFileSync(join(ROOT, 'content/sources', document.frontmatter.source), 'utf8');
  const lines = raw.split(/\r?\n/).map(expectedLine).filter((line) => line !== '');

  it('has every line of the source on its page, chrome aside', () => {
    const missing = lines.filter((line) => !chrome.has(line) && !pageText.includes(line));
    expect(missing).toEqual([]);
  });

  it('does not publish the chrome', () => {
    for (const line of chrome) {
      // Chrome may coincide with words of the text ("China Power"); only whole chrome lines are checked.
      if (line.length > 12) expect(pageText).not.toContain(line);
    }
  });

  it('keeps the source typos as printed', () => {
    const typos = raw.match(/Untied States|Chinese MFA' Report/g) ?? [];
    for (const typo of typos) expect(pageText).toContain(typo);
  });
});

it('checks a meaningful number of lines', () => {
  const total = documents.reduce((sum, document) => sum + document.sourceText.split(/\r?\n/).filter((l) => l.trim()).length, 0);
  expect(total).toBeGreaterThan(150);
});
