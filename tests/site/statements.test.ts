/**
 * Statements in the built pages and the open dataset: every statement element
 * is well formed, and the passages a careful reader would attribute are
 * attributed so (and narration is nobody's), read from dist/ HTML.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element } from 'hast';
import { describe, expect, it } from 'vitest';
import { readContent } from '../../src/lib/read-content.ts';
import { findAll, hasClass, readPage, sourceText } from '../helpers/html.ts';
import { DIST, ROOT } from '../helpers/paths.ts';

const { documents, speakers } = readContent(ROOT);
const speakerIds = new Set(speakers.map((speaker) => speaker.id));
const isStatement = (element: Element) => hasClass(element, 'statement');

const pages = new Map(documents.map((document) => [document.slug, readPage(`/documents/${document.slug}/`)]));
const dataset = JSON.parse(readFileSync(join(DIST, 'data/statements.json'), 'utf8')) as {
  statements: { id: string; document: string; anchor: string; url: string; speakers: string[]; kind: string; text: string; dates: string[]; related: string[] }[];
};

const norm = (text: string) => text.replace(/\s+/gu, ' ').trim();

/** The innermost statement on the page whose own text contains `passage`; undefined when it is narration. */
function statementFor(slug: string, passage: string): Element | undefined {
  const candidates = findAll(pages.get(slug)!, isStatement).filter((element) => norm(sourceText(element)).includes(passage));
  return candidates.sort((a, b) => sourceText(a).length - sourceText(b).length)[0];
}

describe('statement markup', () => {
  it.each(documents.map((document) => document.slug))('%s: id, known speakers, a label and a link to itself', (slug) => {
    const statements = findAll(pages.get(slug)!, isStatement);
    expect(statements.length).toBeGreaterThan(3);
    const ids = new Set<string>();
    let paragraph = 0;
    for (const element of statements) {
      const id = String(element.properties['id']);
      // The paragraph's number, then -2, -3 for its later statements; numbers grow in reading order.
      const [, number, nth] = /^p([1-9]\d*)(?:-([2-9]|[1-9]\d+))?$/u.exec(id) ?? [];
      expect(number, `anchor #${id}`).toBeDefined();
      expect(Number(number)).toBeGreaterThanOrEqual(paragraph);
      if (nth !== undefined) expect(ids.has(nth === '2' ? `p${number}` : `p${number}-${Number(nth) - 1}`), `#${id} follows its paragraph's earlier statement`).toBe(true);
      paragraph = Number(number);
      expect(ids.has(id)).toBe(false);
      ids.add(id);
      expect(element.properties['dataStatementKind']).not.toBe('statement');
      const speakersAttribute = String(element.properties['dataSpeakers'] ?? '');
      for (const speaker of speakersAttribute.split(' ').filter(Boolean)) expect(speakerIds.has(speaker)).toBe(true);
      const label = element.children.find((child) => child.type === 'element' && hasClass(child, 'speaker-label'));
      expect(label, `label of #${id}`).toBeDefined();
      const permalink = findAll(element, (child) => child.tagName === 'a' && hasClass(child, 'permalink'));
      expect(permalink.map((link) => link.properties['href'])).toContain(`#${id}`);
      // Its own ¶ is its last child, named for assistive technology; the label at the statement's start says whose.
      const own = element.children.filter((child): child is Element => child.type === 'element').at(-1)!;
      expect(hasClass(own, 'permalink')).toBe(true);
      expect(own.properties['href']).toBe(`#${id}`);
      expect(own.properties['ariaLabel']).toBe('Link to this statement');
    }
  });
});

describe('who says what, on the five documents', () => {
  const PHONE = '2021-02-04-mfa-wang-yi-lavrov-phone-call';
  const MEMRI = '2021-03-24-memri-special-dispatch-9252';
  const DIPLOMAT = '2021-03-23-diplomat-china-russia-show-solidarity';
  const TRACKER = '2021-03-23-tracker-china-russia-ties-after-anchorage';
  const MOSCOW = '2023-09-19-mfa-wang-yi-meets-lavrov';

  it.each([
    [PHONE, 'the current international situation is at an important watershed', 'wang-yi', 'statement'],
    [PHONE, 'we can talk endlessly about Russian-Chinese cooperation', 'sergey-lavrov', 'statement'],
    [PHONE, 'the importance of Russia-China relations has long gone beyond bilateral', 'sergey-lavrov', 'statement'],
    [PHONE, 'Both sides stressed the importance of upholding non-interference', 'wang-yi sergey-lavrov', 'statement'],
    [MEMRI, 'How does Russia plan on moving away from using international payment systems', 'unidentified-questioner', 'question'],
    [MEMRI, 'We have our own financial messaging system', 'sergey-lavrov', 'statement'],
    [MEMRI, 'All human rights are universal, indivisible and interrelated', 'sergey-lavrov wang-yi', 'joint-statement'],
    [MEMRI, 'The two foreign ministers said the international community believes', 'wang-yi sergey-lavrov', 'statement'],
    [MEMRI, 'The two sides also coordinated positions on a wide range of issues', 'china-mfa', 'statement'],
    [MEMRI, 'I am delighted to meet with you again', 'sergey-lavrov', 'statement'],
    [MEMRI, 'Russian Foreign Minister Lavrov said in an interview that the United States', 'cctv', 'question'],
    [MEMRI, 'The more unstable the world is, the more China and Russia need to advance our cooperation', 'hua-chunying', 'statement'],
    [MEMRI, 'Lavrov stressed that China and Russia both reject', 'sergey-lavrov', 'statement'],
    [DIPLOMAT, 'For us, China is a true strategic partner and like-minded friend', 'sergey-lavrov', 'statement'],
    [DIPLOMAT, 'The more unstable the world is', 'hua-chunying', 'statement'],
    [DIPLOMAT, 'have made it imperative for Moscow and Beijing to work together even more closely', 'dmitri-trenin', 'statement'],
    [TRACKER, 'China is a truly strategic partner and a like-minded country for us', 'sergey-lavrov', 'statement'],
    [TRACKER, 'The two sides will join hands in building a model of international relations', 'hua-chunying', 'statement'],
    [TRACKER, 'the best in their entire history', 'sergey-lavrov', 'statement'],
    [MOSCOW, 'China is committed to the right direction of peace talks', 'wang-yi', 'statement'],
    [MOSCOW, 'The Russian side will continue to be open to negotiations and dialogue', 'sergey-lavrov', 'statement'],
    [MOSCOW, 'Russia will play its role as the rotating chair of BRICS', 'sergey-lavrov', 'statement'],
  ])('%s: “%s” → %s', (slug, passage, expectedSpeakers, kind) => {
    const statement = statementFor(slug, passage);
    expect(statement, 'no statement contains the passage').toBeDefined();
    expect(statement!.properties['dataSpeakers']).toBe(expectedSpeakers);
    // A plain statement's kind is not written on the element; the dataset states every kind.
    expect(statement!.properties['dataStatementKind'] ?? 'statement').toBe(kind);
    expect(dataset.statements.find((entry) => entry.id === `${slug}/${String(statement!.properties['id'])}`)?.kind).toBe(kind);
  });

  it.each([
    [MOSCOW, 'met with Russian Foreign Minister Sergei Lavrov in Moscow'],
    [MEMRI, 'Minister Wang visited Russia in September 2020'],
    [MEMRI, 'Following is a full translation of the Chinese and Russian Foreign Ministers'],
    [DIPLOMAT, 'Sino-Russian cooperation appears poised to expand further'],
    [TRACKER, 'You can read the full People'],
  ])('%s: narration “%s” is nobody’s', (slug, passage) => {
    expect(pages.get(slug) && norm(sourceText(pages.get(slug)!)).includes(passage)).toBe(true);
    expect(statementFor(slug, passage)).toBeUndefined();
  });
});

describe('the open dataset', () => {
  it('lists every statement on the pages, with a url to its element', () => {
    const onPages = [...pages].flatMap(([slug, tree]) => findAll(tree, isStatement).map((element) => `${slug}/${String(element.properties['id'])}`));
    expect(dataset.statements.map((statement) => statement.id).sort()).toEqual(onPages.sort());
    const byId = new Map(dataset.statements.map((statement) => [statement.id, statement]));
    for (const statement of dataset.statements) {
      expect(statement.url).toBe(`/documents/${statement.document}/#${statement.anchor}`);
      expect(statement.text.length).toBeGreaterThan(0);
      // `related` names real statements, never the statement itself, and holds in both directions.
      for (const other of statement.related) {
        expect(other).not.toBe(statement.id);
        expect(byId.get(other)?.related).toContain(statement.id);
      }
    }
  });

  it('lists each statement’s related ids in document order: by slug, then where the statement stands on its page', () => {
    // The dataset lists a document's statements in reading order, which is the order `related` must follow.
    const position = new Map(dataset.statements.map((statement, index) => [statement.id, index]));
    const slugOf = (id: string) => id.slice(0, id.indexOf('/'));
    const inDocumentOrder = (ids: string[]) =>
      [...ids].sort((x, y) => (slugOf(x) < slugOf(y) ? -1 : slugOf(x) > slugOf(y) ? 1 : (position.get(x) ?? 0) - (position.get(y) ?? 0)));
    const lists = dataset.statements.filter((statement) => statement.related.length > 1).map((statement) => statement.related);
    expect(lists.length).toBeGreaterThan(0);
    for (const related of lists) expect(related).toEqual(inDocumentOrder(related));
  });

  it('documents.json and speakers.json describe every document and speaker', () => {
    const documentsJson = JSON.parse(readFileSync(join(DIST, 'data/documents.json'), 'utf8')) as { documents: { slug: string; date: string; eventDates: string[] }[] };
    expect(documentsJson.documents.map((document) => document.slug).sort()).toEqual(documents.map((document) => document.slug).sort());
    const memri = documentsJson.documents.find((document) => document.slug.includes('memri'));
    expect(memri).toMatchObject({ date: '2021-03-24', eventDates: ['2021-03-22', '2021-03-23'] });
    const speakersJson = JSON.parse(readFileSync(join(DIST, 'data/speakers.json'), 'utf8')) as { speakers: { id: string; statements: number }[] };
    expect(speakersJson.speakers.map((speaker) => speaker.id).sort()).toEqual([...speakerIds].sort());
    expect(speakersJson.speakers.find((speaker) => speaker.id === 'sergey-lavrov')?.statements).toBeGreaterThan(40);
  });
});
