import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/lib/content-errors.ts';
import { applyCuratedRelations, readCuratedRelations, type CuratedRelation } from '../../../src/lib/relations/curated.ts';
import { detectRelations, type RelationInput } from '../../../src/lib/relations/detect-relations.ts';
import { ROOT } from '../../helpers/paths.ts';
import { builtStatements } from './corpus.ts';

const TRACKER = '2021-03-23-tracker-china-russia-ties-after-anchorage';
const DIPLOMAT = '2021-03-23-diplomat-china-russia-show-solidarity';
const MEMRI = '2021-03-24-memri-special-dispatch-9252';

const huaDiplomat: RelationInput = {
  id: `${DIPLOMAT}/p5`,
  document: DIPLOMAT,
  speakers: ['hua-chunying'],
  text: 'In the Chinese Foreign Ministry press conference on March 23, spokesperson Hua Chunying said, “The more unstable the world is, the more China and Russia need to advance our cooperation.”',
  date: '2021-03-23',
};
const huaTracker: RelationInput = {
  id: `${TRACKER}/p4`,
  document: TRACKER,
  speakers: ['hua-chunying'],
  text: '“remarks are right to the point. The more unstable the world is, the more China and Russia need to advance our cooperation.”',
  date: '2021-03-23',
};
const lavrovTracker: RelationInput = {
  id: `${TRACKER}/p2`,
  document: TRACKER,
  speakers: ['sergey-lavrov'],
  text: '“Regrettably, the objective trend for a rise of a truly multipolar democratic world is being hindered by some Western countries led by the United States."',
  date: '2021-03-23',
};
const cctvMemri: RelationInput = {
  id: `${MEMRI}/p74`,
  document: MEMRI,
  speakers: ['cctv'],
  text: 'CCTV: "Russian Foreign Minister Lavrov said in an interview that the United States and Western countries are pursuing policy of hegemony in international affairs, trying to impede the trend toward a multi-polar and democratic world."',
  date: '2021-03-24',
};
const statements = [huaDiplomat, huaTracker, lavrovTracker, cctvMemri];
const known = new Set(statements.map((statement) => statement.id));
const texts = new Map(statements.map((statement) => [statement.id, statement.text]));

// A test may read several files: every folder made is removed after it.
const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function read(yaml: string | undefined, ids: ReadonlySet<string> = known) {
  const root = mkdtempSync(join(tmpdir(), 'relations-'));
  roots.push(root);
  mkdirSync(join(root, 'content'));
  if (yaml !== undefined) writeFileSync(join(root, 'content', 'relations.yaml'), yaml);
  return readCuratedRelations(root, ids);
}

describe('reading content/relations.yaml', () => {
  it('a valid file: additions and suppressions, each pair in id order, with its line', () => {
    const { entries, problems } = read(`# header
- a: "${cctvMemri.id}"
  b: "${lavrovTracker.id}"
  kind: paraphrase
  note: "CCTV restates the interview"
- { a: "${huaTracker.id}", b: "${huaDiplomat.id}", suppress: true, note: "test" }
`);
    expect(problems).toEqual([]);
    expect(entries).toEqual<CuratedRelation[]>([
      { action: 'add', a: lavrovTracker.id, b: cctvMemri.id, kind: 'paraphrase', note: 'CCTV restates the interview', line: 2 },
      { action: 'suppress', a: huaDiplomat.id, b: huaTracker.id, note: 'test', line: 6 },
    ]);
  });

  it('a missing file, or an empty list, means no entries', () => {
    expect(read(undefined)).toEqual({ entries: [], problems: [] });
    expect(read('# nothing yet\n[]\n')).toEqual({ entries: [], problems: [] });
  });

  it('an unknown statement id, located at its line; the same anchor suggested for a mistyped document, no guess at a paragraph', () => {
    const misspelt = `${TRACKER.replace('anchorage', 'anchorge')}/p2`;
    const { entries, problems } = read(`- a: "${cctvMemri.id}"
  kind: paraphrase
  b: "${misspelt}"
- a: "${cctvMemri.id}"
  b: "${TRACKER}/p20"
  kind: paraphrase
`);
    expect(entries).toEqual([]);
    const hint =
      '  hint: Statement ids are `<document slug>/<anchor>`, as in /data/statements.json or the `#p…` anchors of the document pages (`p12` is paragraph 12’s first statement, `p12-2` its second). Look the id up again on the page, from the statement’s ¶ link. [UnknownStatement]';
    expect(problems.map(formatProblem)).toEqual([
      `content/relations.yaml:3  unknown statement \`${misspelt}\` in \`b\`; did you mean \`${lavrovTracker.id}\`?\n${hint}`,
      // p2 exists in that document, but the nearest number is another paragraph, not a likely typo.
      `content/relations.yaml:5  unknown statement \`${TRACKER}/p20\` in \`b\`\n${hint}`,
    ]);
  });

  it('entries that break the schema, each at its line', () => {
    const { entries, problems } = read(`- a: "${cctvMemri.id}"
  b: "${lavrovTracker.id}"
- a: "${cctvMemri.id}"
  b: "${huaTracker.id}"
  suppress: true
- a: "${cctvMemri.id}"
  b: "${cctvMemri.id}"
  kind: verbatim
- a: "${huaTracker.id}"
  b: "${huaDiplomat.id}"
  kind: quotation
- a: "${huaTracker.id}"
  b: "${lavrovTracker.id}"
  kind: verbatim
  reason: "misspelt field"
`);
    expect(entries).toEqual([]);
    expect(problems.map((p) => [p.name, p.line, p.message.replace(/:.*/, '')])).toEqual([
      ['RelationsInvalid', 1, '**0**'],
      ['RelationsInvalid', 3, '**1.note**'],
      ['RelationsInvalid', 7, '**2.b**'],
      ['RelationsInvalid', 11, '**3.kind**'],
      ['RelationsInvalid', 15, '**4**'],
    ]);
    expect(problems[0]?.message).toContain('give `kind`');
    expect(problems[1]?.message).toContain('say why');
    expect(problems[4]?.message).toContain('reason');
  });

  it('a pair given twice, in either order', () => {
    const { entries, problems } = read(`- { a: "${huaDiplomat.id}", b: "${huaTracker.id}", kind: verbatim }
- { a: "${huaTracker.id}", b: "${huaDiplomat.id}", suppress: true, note: "no" }
`);
    expect(entries).toHaveLength(1);
    expect(problems.map(formatProblem)).toEqual([expect.stringMatching(/^content\/relations\.yaml:2  .* are already paired at line 1\n/)]);
  });

  it('broken YAML, and a file that is not a list', () => {
    const broken = read(`- { a: "${huaDiplomat.id}", b: "${huaTracker.id}", kind: verbatim\n`);
    expect(broken.problems).toHaveLength(1);
    expect(broken.problems[0]).toMatchObject({ name: 'RelationsYamlInvalid', file: 'content/relations.yaml' });
    expect(broken.problems[0]?.line).toBeGreaterThanOrEqual(1);
    const notAList = read(`a: "${huaDiplomat.id}"\n`);
    expect(notAList.problems.map((p) => [p.name, p.line])).toEqual([['RelationsInvalid', 1]]);
  });
});

describe('applying curated relations', () => {
  const { relations: detected } = detectRelations(statements);

  it('the detection links the two Hua quotations and misses the CCTV paraphrase', () => {
    expect(detected.map(({ a, b, kind }) => [a, b, kind])).toEqual([[huaDiplomat.id, huaTracker.id, 'verbatim']]);
  });

  it('suppress removes a detected relation', () => {
    const curated: CuratedRelation[] = [{ action: 'suppress', a: huaDiplomat.id, b: huaTracker.id, note: 'test', line: 1 }];
    expect(applyCuratedRelations(detected, curated, texts)).toEqual([]);
  });

  it('add adds one, with score 1 and the whole statements as passages', () => {
    const curated: CuratedRelation[] = [{ action: 'add', a: lavrovTracker.id, b: cctvMemri.id, kind: 'paraphrase', note: 'restated', line: 1 }];
    const relations = applyCuratedRelations(detected, curated, texts);
    expect(relations.map(({ a, b, kind, origin }) => [a, b, kind, origin])).toEqual([
      [huaDiplomat.id, huaTracker.id, 'verbatim', 'detected'],
      [lavrovTracker.id, cctvMemri.id, 'paraphrase', 'curated'],
    ]);
    expect(relations[1]).toMatchObject({
      score: 1,
      note: 'restated',
      passageA: { start: 0, end: lavrovTracker.text.length, text: lavrovTracker.text },
      passageB: { start: 0, end: cctvMemri.text.length, text: cctvMemri.text },
    });
  });

  it('an addition for a detected pair replaces the detected relation', () => {
    const curated: CuratedRelation[] = [{ action: 'add', a: huaDiplomat.id, b: huaTracker.id, kind: 'translation', line: 1 }];
    const relations = applyCuratedRelations(detected, curated, texts);
    expect(relations.map(({ kind, origin, score }) => [kind, origin, score])).toEqual([['translation', 'curated', 1]]);
    expect(relations[0]).not.toHaveProperty('note');
  });

  it('from the file to the relations', () => {
    const { entries, problems } = read(`- { a: "${cctvMemri.id}", b: "${lavrovTracker.id}", kind: paraphrase }
- { a: "${huaTracker.id}", b: "${huaDiplomat.id}", suppress: true, note: "test" }
`);
    expect(problems).toEqual([]);
    expect(applyCuratedRelations(detected, entries, texts).map(({ a, b }) => [a, b])).toEqual([[lavrovTracker.id, cctvMemri.id]]);
  });
});

const built = builtStatements();

describe.skipIf(!built)('the committed content/relations.yaml', () => {
  it('names statements of the built dataset and has no problems', () => {
    const { entries, problems } = readCuratedRelations(ROOT, new Set((built ?? []).map((statement) => statement.id)));
    expect(problems.map(formatProblem)).toEqual([]);
    expect(entries.length).toBeGreaterThan(0);
  });

  it('adds only what the detection misses', () => {
    const { entries } = readCuratedRelations(ROOT, new Set((built ?? []).map((statement) => statement.id)));
    const { relations } = detectRelations(built ?? []);
    for (const entry of entries.filter((e) => e.action === 'add')) {
      expect(relations.find((relation) => relation.a === entry.a && relation.b === entry.b)).toBeUndefined();
    }
  });
});
