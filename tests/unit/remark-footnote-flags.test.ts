import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import remarkDates from '../../src/pipeline/remark-dates.ts';
import remarkFootnoteFlags from '../../src/pipeline/remark-footnote-flags.ts';
import { RULES } from '../../src/pipeline/rules.ts';
import { findAll, parseHtml, sourceText } from '../helpers/html.ts';

const ROOT = join(import.meta.dirname, '../..');
const RAW = readFileSync(join(ROOT, 'content/documents/2021-03-24-memri-special-dispatch-9252.md'), 'utf8');
const BODY = RAW.replace(/^---\n[\s\S]*?\n---\n/, '');
const BODY_LINES = BODY.split('\n');

const AFTER = "Editor's flag: this note is dated October 19, 2021, after the document's own date (March 24, 2021).";
const TREATY = "Editor's flag: this note gives July 24, 2001, but the text it annotates gives July 16, 2001.";

function processor(withDates: boolean) {
  const chain = unified().use(remarkParse).use(remarkGfm);
  if (withDates) chain.use(remarkDates);
  return chain.use(remarkFootnoteFlags).use(remarkRehype).use(rehypeStringify);
}

async function run(markdown: string, options: { withDates?: boolean; date?: string } = {}) {
  const file = new VFile({ value: markdown, data: { astro: { frontmatter: { date: options.date ?? '2021-03-24' } } } });
  const html = String(await processor(options.withDates ?? false).process(file));
  return { file, html };
}

/** Each note's text as a reader sees it, without what the site adds (back-links, flags). */
function noteTexts(html: string): Map<string, string> {
  const notes = findAll(parseHtml(html), (element) => element.tagName === 'li' && String(element.properties['id']).startsWith('user-content-fn-'));
  return new Map(notes.map((li) => [String(li.properties['id']).replace('user-content-fn-', ''), sourceText(li).replace(/\s+/g, ' ').trim()]));
}

/** The notes as written in the Markdown: `[^n]: text`. */
const MARKDOWN_NOTES = new Map(
  [...BODY.matchAll(/^\[\^(\d+)\]:(.*)$/gm)].map((match) => [match[1] ?? '', (match[2] ?? '').trim()]),
);

describe.each([
  ['on its own', false],
  ['after remark-dates', true],
])('remark-footnote-flags on the MEMRI dispatch (%s)', (_case, withDates) => {
  it('flags note 3 (dated after the dispatch) and notes 7 and 12 (the treaty date), and no other note', async () => {
    const { file } = await run(BODY, { withDates });
    expect(file.data.footnoteFlags).toEqual([
      { identifier: '3', message: AFTER },
      { identifier: '7', message: TREATY },
      { identifier: '12', message: TREATY },
    ]);
  });

  it('reports each flag as a located, non-fatal message', async () => {
    const { file } = await run(BODY, { withDates });
    const flags = file.messages.filter((message) => message.source === 'dispatch-reader');
    const lineOf = (start: string) => BODY_LINES.findIndex((line) => line.startsWith(start)) + 1;
    expect(flags.map((message) => [message.line, message.ruleId, message.reason, message.fatal])).toEqual([
      [lineOf('[^3]:'), 'footnote-after-document', AFTER, false],
      [lineOf('[^7]:'), 'footnote-date-mismatch', TREATY, false],
      [lineOf('[^12]:'), 'footnote-date-mismatch', TREATY, false],
    ]);
  });

  it('appends the flag to the note as text the site adds', async () => {
    const { html } = await run(BODY, { withDates });
    expect(html).toContain(
      `Cannot Be Universal, ${withDates ? '<time id="t-2021-10-19" datetime="2021-10-19">October 19, 2021</time>' : 'October 19, 2021'}.<span class="editorial-flag" data-added=""> ${AFTER}</span>`,
    );
    const flagged = [...html.matchAll(/<li id="user-content-fn-(\d+)">[\s\S]*?<\/li>/g)]
      .filter((match) => match[0].includes('editorial-flag'))
      .map((match) => match[1]);
    expect(flagged).toEqual(['3', '7', '12']);
  });

  it('leaves the text of every note unchanged', async () => {
    const { html } = await run(BODY, { withDates });
    const notes = noteTexts(html);
    expect(MARKDOWN_NOTES.size).toBe(16);
    expect(notes).toEqual(MARKDOWN_NOTES);
  });
});

describe('remark-footnote-flags rules', () => {
  it('flags a note whose date differs from the date in the sentence it annotates', async () => {
    const { file } = await run('The treaty was signed July 16, 2001.[^1]\n\n[^1]: Treaty text, July 24, 2001.\n');
    expect(file.data.footnoteFlags).toEqual([{ identifier: '1', message: TREATY }]);
  });

  it('compares only with the text before the reference', async () => {
    const { file } = await run('Published.[^1] The treaty was signed July 16, 2001.\n\n[^1]: Treaty text, July 24, 2001.\n');
    expect(file.data.footnoteFlags).toEqual([]);
  });

  it('does not flag a note that cites a publication years away from the date in the text', async () => {
    const { file } = await run('The treaty was signed July 16, 2001.[^1]\n\n[^1]: Statement, March 23, 2021.\n');
    expect(file.data.footnoteFlags).toEqual([]);
  });

  it('does not flag a note that agrees with the text', async () => {
    const { file } = await run('In Guilin, on March 23, 2021:[^1]\n\n[^1]:, March 23, 2021.\n');
    expect(file.data.footnoteFlags).toEqual([]);
  });

  it('gives a note both flags when both apply', async () => {
    const { file, html } = await run('Signed March 20, 2021.[^1]\n\n[^1]: Report, March 30, 2021.\n', { date: '2021-03-24' });
    expect(file.data.footnoteFlags).toEqual([
      { identifier: '1', message: "Editor's flag: this note is dated March 30, 2021, after the document's own date (March 24, 2021)." },
      { identifier: '1', message: "Editor's flag: this note gives March 30, 2021, but the text it annotates gives March 20, 2021." },
    ]);
    expect(html.match(/class="editorial-flag"/g)).toHaveLength(2);
  });

  it('does nothing without a document date', async () => {
    const file = new VFile({ value: 'Signed July 16, 2001.[^1]\n\n[^1]: July 24, 2001.\n' });
    await processor(false).process(file);
    expect(file.data.footnoteFlags).toBeUndefined();
    expect(file.messages).toEqual([]);
  });

  it('declares its rules as listed, not fatal', () => {
    expect(RULES['footnote-date-mismatch'].fatal).toBe(false);
    expect(RULES['footnote-after-document'].fatal).toBe(false);
  });
});
