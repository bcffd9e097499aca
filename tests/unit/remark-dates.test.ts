import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Paragraph, PhrasingContent, Root } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import remarkDates from '../../src/pipeline/remark-dates.ts';

const ROOT = join(import.meta.dirname, '../..');
const FIXTURES = join(ROOT, 'tests/fixtures/dates');

interface Statement {
  id: string;
  dates: string[];
}

function processor(options: { dates?: boolean; before?: () => (tree: Root) => void } = {}) {
  const chain = unified().use(remarkParse).use(remarkGfm);
  if (options.before) chain.use(options.before);
  if (options.dates !== false) chain.use(remarkDates);
  return chain.use(remarkRehype).use(rehypeStringify);
}

/** A file as Astro passes it; `date: null` for a document without a date. */
function vfile(value: string, date: string | null = '2021-03-24') {
  return new VFile({ value, data: { astro: { frontmatter: date === null ? {} : { date } } } });
}

async function html(value: string, date?: string) {
  return String(await processor().process(vfile(value, date)));
}

/** The body of a content document, without its frontmatter. */
function documentBody(name: string): { body: string; date: string } {
  const raw = readFileSync(join(ROOT, 'content/documents', name), 'utf8');
  const date = /^date: "(\d{4}-\d{2}-\d{2})"$/m.exec(raw)?.[1];
  if (date === undefined) throw new Error(`${name} has no date`);
  return { body: raw.replace(/^---\n[\s\S]*?\n---\n/, ''), date };
}

describe('remark-dates fixtures', () => {
  const cases = readdirSync(FIXTURES);

  it('has fixtures to run', () => {
    expect(cases.length).toBeGreaterThanOrEqual(9);
  });

  it.each(cases)('%s', async (name) => {
    const folder = join(FIXTURES, name);
    const dateFile = join(folder, 'document-date.txt');
    const date = existsSync(dateFile) ? readFileSync(dateFile, 'utf8').trim() : '2021-03-24';
    const output = await html(readFileSync(join(folder, 'input.md'), 'utf8'), date);
    expect(output.trim()).toBe(readFileSync(join(folder, 'output.html'), 'utf8').trim());
  });
});

describe('remark-dates', () => {
  it('marks a range with its end day', async () => {
    expect(await html('On March 22-23, 2021, they met.\n')).toContain(
      '<time id="t-2021-03-22" datetime="2021-03-22" data-until="2021-03-23">March 22-23, 2021</time>',
    );
  });

  it('resolves "yesterday" against the press conference’s date inside its section, the document’s date before any section', async () => {
    const markdown = [
      'Lavrov, of course, landed yesterday.',
      '',
      "## Foreign Ministry Spokesperson Hua Chunying's Regular Press Conference On March 23, 2021",
      '',
      'CCTV: "Wang Yi met with Sergey Lavrov in Guilin, Guangxi yesterday."',
      '',
    ].join('\n');
    const output = await html(markdown, '2021-03-24');
    expect(output).toContain('landed <time id="t-2021-03-23" datetime="2021-03-23">yesterday</time>.');
    expect(output).toContain('Guangxi <time id="t-2021-03-22" datetime="2021-03-22">yesterday</time>.');
  });

  it('does nothing when the document has no date', async () => {
    const file = vfile('On March 22-23, 2021, yesterday.\n', null);
    const output = String(await processor().process(file));
    expect(output).toBe('<p>On March 22-23, 2021, yesterday.</p>');
    expect(file.data.dates).toBeUndefined();
  });

  it.each(readdirSync(join(ROOT, 'content/documents')).filter((name) => name.endsWith('.md')))(
    'leaves the text of %s unchanged',
    async (name) => {
      const { body, date } = documentBody(name);
      const marked = String(await processor().process(vfile(body, date)));
      const plain = String(await processor({ dates: false }).process(vfile(body, date)));
      expect(marked).toContain('<time id="t-');
      expect(marked.replace(/<time id="[^"]*" datetime="[^"]*"(?: data-until="[^"]*")?>|<\/time>/g, '')).toBe(plain);
    },
  );

  it('records every mention on the file with its words and line', async () => {
    const { body, date } = documentBody('2021-03-24-memri-special-dispatch-9252.md');
    const file = vfile(body, date);
    await processor().process(file);
    const lines = body.split('\n');
    const lineOf = (words: string) => lines.findIndex((line) => line.includes(words)) + 1;

    expect(file.data.dates?.slice(0, 4)).toEqual([
      expect.objectContaining({ datetime: '2021-03-22', until: '2021-03-23', text: 'March 22-23, 2021', line: lineOf('On March 22-23, 2021') }),
      expect.objectContaining({ datetime: '2021-03-18', until: '2021-03-19', text: 'March 18-19', line: lineOf('the March 18-19 U.S.') }),
      expect.objectContaining({ datetime: '2001-07-16', text: 'July 16, 2001', line: lineOf('signed July 16, 2001') }),
      expect.objectContaining({ datetime: '2020-09', text: 'September 2020', line: lineOf('in September 2020') }),
    ]);
    // The last press conference section ("On March 23, 2021"): "yesterday" and "last September" in it.
    expect(file.data.dates).toContainEqual(expect.objectContaining({ datetime: '2021-03-22', text: 'yesterday', line: lineOf('Guilin, Guangxi yesterday') }));
    expect(file.data.dates).toContainEqual(expect.objectContaining({ datetime: '2020-09', text: 'last September', line: lineOf('last September') }));
    // Each mention has an id for its <time> element, its sentence, and whether it is in a note.
    expect(file.data.dates?.[2]).toMatchObject({
      id: 't-2001-07-16',
      inNote: false,
      context: expect.stringContaining('Treaty of Good Neighborliness, Friendship and Cooperation between the Russian Federation'),
    });
    expect(file.data.dates?.filter((record) => record.inNote).map((record) => record.text)).toContain('October 19, 2021');
    // Notes resolve against the document, and are recorded too.
    expect(file.data.dates).toContainEqual(expect.objectContaining({ datetime: '2021-10-19', text: 'October 19, 2021', inNote: true, line: lineOf('[^3]: See MEMRI') }));
    expect(file.data.dates?.filter((record) => record.text === 'July 24, 2001')).toHaveLength(2);
  });

  it('records a soft-wrapped mention on its own line', async () => {
    const file = vfile('They met\non March 22, 2021.\n');
    await processor().process(file);
    expect(file.data.dates).toEqual([
      { id: 't-2021-03-22', datetime: '2021-03-22', text: 'March 22, 2021', context: 'They met on March 22, 2021.', inNote: false, line: 2 },
    ]);
  });

  it('adds each date once to the nearest statement that contains it', async () => {
    const statements: Statement[] = [];
    let paragraphs = 0;
    // Stands in for remark-statements: each paragraph is a statement, and its emphasis a statement within it.
    const markStatements = () => (tree: Root) => {
      visit(tree, 'paragraph', (paragraph: Paragraph) => {
        const outer: Statement = { id: `p${paragraphs++}`, dates: [] };
        statements.push(outer);
        // Only `id` and `dates` matter here; remark-statements' record has more fields.
        paragraph.data = { ...paragraph.data, statement: outer } as unknown as Paragraph['data'];
        paragraph.children = paragraph.children.map((child) => {
          if (child.type !== 'emphasis') return child;
          const inner: Statement = { id: `${outer.id}-inner`, dates: [] };
          statements.push(inner);
          return { type: 'quotedStatement', data: { statement: inner }, children: child.children } as unknown as PhrasingContent;
        });
      });
    };
    const markdown = 'On March 22-23, 2021, they met; on March 22 *they signed it on March 23, 2021* and met again on March 22.\n\nNo date here.\n';
    const output = String(await processor({ before: markStatements }).process(vfile(markdown)));

    expect(statements).toEqual([
      { id: 'p0', dates: ['2021-03-22', '2021-03-23'] },
      { id: 'p0-inner', dates: ['2021-03-23'] },
      { id: 'p1', dates: [] },
    ]);
    // Inside the custom wrapper node too, the date is marked.
    expect(output).toContain('<div>they signed it on <time id="t-2021-03-23" datetime="2021-03-23">March 23, 2021</time></div>');
  });
});
