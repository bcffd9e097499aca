/**
 * The relations a careful reader draws between the five documents: present,
 * of the right kind, and linked to the right passages; and none between
 * sentences that only share stock phrases.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { byTag, findAll, readPage, sourceText } from '../helpers/html.ts';
import { DIST } from '../helpers/paths.ts';

interface DatasetStatement {
  id: string;
  url: string;
  document: string;
  text: string;
  related: string[];
}
interface DatasetRelation {
  a: string;
  b: string;
  kind: string;
  origin: string;
  note?: string;
  passageA: string;
  passageB: string;
  compare?: string;
}

const statements = (JSON.parse(readFileSync(join(DIST, 'data/statements.json'), 'utf8')) as { statements: DatasetStatement[] }).statements;
const relations = (JSON.parse(readFileSync(join(DIST, 'data/relations.json'), 'utf8')) as { relations: DatasetRelation[] }).relations;

const MEMRI = '2021-03-24-memri-special-dispatch-9252';
const DIPLOMAT = '2021-03-23-diplomat-china-russia-show-solidarity';
const TRACKER = '2021-03-23-tracker-china-russia-ties-after-anchorage';
const PHONE = '2021-02-04-mfa-wang-yi-lavrov-phone-call';
const norm = (text: string) => text.toLowerCase().replace(/[“”"‘’']/gu, '').replace(/\s+/gu, ' ');

/** The innermost statement of a document containing the words. */
function statementWith(document: string, words: string): DatasetStatement {
  const found = statements.filter((statement) => statement.document === document && norm(statement.text).includes(norm(words)));
  const statement = found.sort((a, b) => a.text.length - b.text.length)[0];
  if (!statement) throw new Error(`no statement in ${document} contains “${words}”`);
  return statement;
}

function relationBetween(a: DatasetStatement, b: DatasetStatement): DatasetRelation | undefined {
  return relations.find((relation) => (relation.a === a.id && relation.b === b.id) || (relation.a === b.id && relation.b === a.id));
}

describe('relations on the five documents', () => {
  it.each([
    ['verbatim', DIPLOMAT, 'The more unstable the world is', TRACKER, 'The more unstable the world is'],
    ['verbatim', DIPLOMAT, 'The more unstable the world is', MEMRI, 'The more unstable the world is'],
    ['verbatim', TRACKER, 'The more unstable the world is', MEMRI, 'The more unstable the world is'],
    ['verbatim', TRACKER, 'The two foreign ministers said the international community believes', MEMRI, 'The two foreign ministers said the international community believes'],
    ['verbatim', TRACKER, 'voiced the support for all parties in Myanmar', MEMRI, 'voiced the support for all parties in Myanmar'],
    ['verbatim', TRACKER, 'the two sides also coordinated positions on a wide range of issues', MEMRI, 'The two sides also coordinated positions on a wide range of issues'],
    ['verbatim', DIPLOMAT, 'We want the architecture of international relations', TRACKER, 'We want the architecture of international relations'],
    ['translation', DIPLOMAT, 'For us, China is a true strategic partner', TRACKER, 'China is a truly strategic partner and a like-minded country for us'],
    ['translation', DIPLOMAT, 'in the international arena will have a stabilizing effect', TRACKER, 'on the international stage is having a stabilising effect'],
    ['translation', DIPLOMAT, 'under the excuse of ‘advancing democracy’ is unacceptable', MEMRI, "under the guise of 'promoting democracy' is unacceptable"],
    ['translation', DIPLOMAT, 'adhere to the principles of open, equal, and non-ideological multilateralism', MEMRI, 'adhere to the principles of openness, equality and non-ideological multilateralism'],
  ])('%s: %s “%s” ↔ %s “%s”', (kind, documentA, wordsA, documentB, wordsB) => {
    const a = statementWith(documentA, wordsA);
    const b = statementWith(documentB, wordsB);
    const relation = relationBetween(a, b);
    expect(relation, `${a.id} ↔ ${b.id}`).toBeDefined();
    expect(relation!.kind).toBe(kind);
    expect(a.related).toContain(b.id);
    expect(b.related).toContain(a.id);
    // The citing passage shown beside each is the matching words, and the link lands on the other statement.
    const [passageOfA, passageOfB] = relation!.a === a.id ? [relation!.passageA, relation!.passageB] : [relation!.passageB, relation!.passageA];
    expect(norm(passageOfA)).toContain(norm(wordsA).slice(0, 25));
    expect(norm(passageOfB)).toContain(norm(wordsB).slice(0, 25));
    const page = readPage(`/documents/${documentA}/`);
    const anchorB = b.id.split('/')[1];
    const links = findAll(page, (element) => element.tagName === 'div' && element.properties['dataRelatedTo'] === a.id.split('/')[1]).flatMap((block) =>
      findAll(block, byTag('a')).map((link) => String(link.properties['href'])),
    );
    expect(links).toContain(`/documents/${documentB}/#${anchorB}`);
  });

  it('publishes the editors’ relation from content/relations.yaml with their note, and no note on a detected one', () => {
    const curated = relations.filter((relation) => relation.origin === 'curated');
    expect(curated).toHaveLength(1);
    expect(curated[0]!.kind).toBe('paraphrase');
    expect(curated[0]!.note).toMatch(/^CCTV: the US and the West 'trying to impede the trend toward a multi-polar/u);
    expect(relations.filter((relation) => relation.origin === 'detected' && 'note' in relation)).toEqual([]);
  });

  it('cuts every passage from its own statement’s text (the relations are handed to Astro by offset only)', () => {
    const textOf = new Map(statements.map((statement) => [statement.id, statement.text]));
    expect(relations.length).toBeGreaterThan(0);
    for (const relation of relations) {
      expect(textOf.get(relation.a), relation.a).toContain(relation.passageA);
      expect(textOf.get(relation.b), relation.b).toContain(relation.passageB);
    }
  });

  it('shows on each comparison page the very passages the dataset publishes (Astro cuts them from the offsets it is handed)', () => {
    const urlOf = new Map(statements.map((statement) => [statement.id, statement.url]));
    const words = (text: string) => text.replace(/\s+/gu, ' ').trim();
    const compared = relations.filter((relation) => relation.compare !== undefined);
    expect(compared.length).toBeGreaterThan(10);
    for (const relation of compared) {
      const [path, id] = relation.compare!.split('#') as [string, string];
      const pair = findAll(readPage(path), (element) => element.properties['id'] === id)[0];
      expect(pair, relation.compare).toBeDefined();
      const quoted = new Map(findAll(pair!, byTag('blockquote')).map((quote) => [String(quote.properties['cite']), words(sourceText(quote))]));
      expect(quoted.get(urlOf.get(relation.a)!), `${relation.compare} ${relation.a}`).toBe(words(relation.passageA));
      expect(quoted.get(urlOf.get(relation.b)!), `${relation.compare} ${relation.b}`).toBe(words(relation.passageB));
    }
  });

  it('does not link sentences that only share stock diplomatic phrases', () => {
    const phone = statementWith(PHONE, 'pointing out the direction for deepening the comprehensive strategic partnership of coordination');
    const hua = statementWith(MEMRI, 'China-Russia comprehensive strategic partnership of coordination for a new era achieved remarkable outcomes');
    expect(relationBetween(phone, hua)).toBeUndefined();
  });

  it('puts every statement’s related list right after the block that holds it, and leaves no slot behind', () => {
    const dataset = JSON.parse(readFileSync(join(DIST, 'data/statements.json'), 'utf8')).statements as DatasetStatement[];
    for (const slug of new Set(dataset.map((statement) => statement.document))) {
      const html = readFileSync(join(DIST, 'documents', slug, 'index.html'), 'utf8');
      expect(html).not.toContain('related-slot');
      const withRelated = dataset.filter((statement) => statement.document === slug && statement.related.length > 0);
      for (const statement of withRelated) {
        const anchor = statement.id.split('/')[1]!;
        const list = html.indexOf(`data-related-to="${anchor}"`);
        expect(list, anchor).toBeGreaterThan(html.indexOf(`id="${anchor}"`));
      }
    }
  });
});
