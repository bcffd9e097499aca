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
const texts = new Map(statements.map((statement) => [statement.id, statement.text]));
/** Known to the reader only (not in the detection's input): a statement shorter than the words' minimum. */
const thanksMemri = { id: `${MEMRI}/p40`, text: '"Thank you."' };
const known = new Map([...texts, [thanksMemri.id, thanksMemri.text]]);

/** A statement's first six words, as an entry gives them. */
const opens = (statement: { text: string }) => statement.text.split(' ').slice(0, 6).join(' ');
/** The two ids and their opening words, as YAML lines under `- ` (for the block style). */
const pair = (a: RelationInput, b: RelationInput) =>
  `a: "${a.id}"\n  a_opens: '${opens(a)}'\n  b: "${b.id}"\n  b_opens: '${opens(b)}'`;
/** The same, for the flow style (`{ …, kind: verbatim }`). */
const flowPair = (a: RelationInput, b: RelationInput) => `a: "${a.id}", a_opens: '${opens(a)}', b: "${b.id}", b_opens: '${opens(b)}'`;

// A test may read several files: every folder made is removed after it.
const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function read(yaml: string | undefined, ids: ReadonlyMap<string, string> = known) {
  const root = mkdtempSync(join(tmpdir(), 'relations-'));
  roots.push(root);
  mkdirSync(join(root, 'content'));
  if (yaml !== undefined) writeFileSync(join(root, 'content', 'relations.yaml'), yaml);
  return readCuratedRelations(root, ids);
}

describe('reading content/relations.yaml', () => {
  it('a valid file: additions and suppressions, each pair in id order, with its line', () => {
    const { entries, problems } = read(`# header
- ${pair(cctvMemri, lavrovTracker)}
  kind: paraphrase
  note: "CCTV restates the interview"
- { ${flowPair(huaTracker, huaDiplomat)}, suppress: true, note: "test" }
`);
    expect(problems).toEqual([]);
    expect(entries).toEqual<CuratedRelation[]>([
      { action: 'add', a: lavrovTracker.id, b: cctvMemri.id, kind: 'paraphrase', note: 'CCTV restates the interview', line: 2 },
      { action: 'suppress', a: huaDiplomat.id, b: huaTracker.id, note: 'test', line: 8 },
    ]);
  });

  it('a missing file, or an empty list, means no entries', () => {
    expect(read(undefined)).toEqual({ entries: [], problems: [] });
    expect(read('# nothing yet\n[]\n')).toEqual({ entries: [], problems: [] });
  });

  it('an unknown statement id, located at its line; the same anchor suggested for a mistyped document, no guess at a paragraph', () => {
    const misspelt = `${TRACKER.replace('anchorage', 'anchorge')}/p2`;
    const { entries, problems } = read(`- a: "${cctvMemri.id}"
  a_opens: '${opens(cctvMemri)}'
  kind: paraphrase
  b: "${misspelt}"
  b_opens: '${opens(lavrovTracker)}'
- a: "${cctvMemri.id}"
  a_opens: '${opens(cctvMemri)}'
  b: "${TRACKER}/p20"
  b_opens: '${opens(lavrovTracker)}'
  kind: paraphrase
`);
    expect(entries).toEqual([]);
    const hint =
      '  hint: Statement ids are `<document slug>/<anchor>`, as in /data/statements.json or the `#p…` anchors of the document pages (`p12` is paragraph 12’s first statement, `p12-2` its second). Look the id up again on the page, from the statement’s ¶ link. [UnknownStatement]';
    expect(problems.map(formatProblem)).toEqual([
      `content/relations.yaml:4  unknown statement \`${misspelt}\` in \`b\`; did you mean \`${lavrovTracker.id}\`?\n${hint}`,
      // p2 exists in that document, but the nearest number is another paragraph, not a likely typo.
      `content/relations.yaml:8  unknown statement \`${TRACKER}/p20\` in \`b\`\n${hint}`,
    ]);
  });

  it('entries that break the schema, each at its line', () => {
    const { entries, problems } = read(`- ${pair(cctvMemri, lavrovTracker)}
- ${pair(cctvMemri, huaTracker)}
  suppress: true
- ${pair(cctvMemri, cctvMemri)}
  kind: verbatim
- ${pair(huaTracker, huaDiplomat)}
  kind: quotation
- ${pair(huaTracker, lavrovTracker)}
  kind: verbatim
  reason: "misspelt field"
`);
    expect(entries).toEqual([]);
    expect(problems.map((p) => [p.name, p.line, p.message.replace(/:.*/, '')])).toEqual([
      ['RelationsInvalid', 1, '**0**'],
      ['RelationsInvalid', 5, '**1.note**'],
      ['RelationsInvalid', 12, '**2.b**'],
      ['RelationsInvalid', 19, '**3.kind**'],
      ['RelationsInvalid', 25, '**4**'],
    ]);
    expect(problems[0]?.message).toContain('give `kind`');
    expect(problems[1]?.message).toContain('say why');
    expect(problems[4]?.message).toContain('reason');
  });

  it('opening words that are not the named statement’s: located at the words, what it now begins with, the entry left out', () => {
    const { entries, problems } = read(`- a: "${cctvMemri.id}"
  a_opens: '${opens(lavrovTracker)}'
  b: "${huaDiplomat.id}"
  b_opens: '${opens(huaDiplomat)}'
  kind: paraphrase
- ${pair(huaDiplomat, cctvMemri)}
  kind: translation
- a: "${lavrovTracker.id}"
  a_opens: '${opens(lavrovTracker)}'
  b: "${huaTracker.id}"
  b_opens: "“remarks are right to the poin"
  kind: verbatim
`);
    // The first and third are left out; the second, whose words are right, is kept.
    expect(entries.map(({ a, b }) => [a, b])).toEqual([[huaDiplomat.id, cctvMemri.id]]);
    const hint = (field: 'a' | 'b', id: string) =>
      `  hint: The anchor may have moved (a rule split the paragraph differently, or the Markdown’s blocks changed): find the statement whose opening words these are (the ¶ link on its page gives its id) and put its id in \`${field}\`; or, if \`${id}\` is the right statement, update \`${field}_opens\` to its first words as printed (whitespace aside; quotes and dashes as printed, “ is not "). [StatementOpensOtherwise]`;
    expect(problems.map(formatProblem)).toEqual([
      `content/relations.yaml:2  statement \`${cctvMemri.id}\` in \`a\` now begins with \`CCTV: "Russian Foreign Minister Lavrov said…\`, not \`“Regrettably, the objective trend for a\` as \`a_opens\` says\n${hint('a', cctvMemri.id)}`,
      // A prefix must end where a word ends.
      `content/relations.yaml:14  statement \`${huaTracker.id}\` in \`b\` now begins with \`“remarks are right to the point.…\`, not \`“remarks are right to the poin\` as \`b_opens\` says\n${hint('b', huaTracker.id)}`,
    ]);
  });

  it('the words matched with whitespace collapsed, quotes as printed', () => {
    const spaced = read(`- a: "${cctvMemri.id}"
  a_opens: "CCTV:   \\"Russian\\tForeign
    Minister"
  b: "${lavrovTracker.id}"
  b_opens: "“Regrettably, the objective trend"
  kind: paraphrase
`);
    expect(spaced.problems).toEqual([]);
    expect(spaced.entries).toHaveLength(1);
    // Straight quotes for the curly ones printed: not the statement's words.
    const straight = read(`- a: "${cctvMemri.id}"
  a_opens: 'CCTV: "Russian Foreign Minister'
  b: "${lavrovTracker.id}"
  b_opens: '"Regrettably, the objective trend'
  kind: paraphrase
`);
    expect(straight.entries).toEqual([]);
    expect(straight.problems.map((p) => [p.name, p.line, p.message])).toEqual([
      ['StatementOpensOtherwise', 4, `statement \`${lavrovTracker.id}\` in \`b\` now begins with \`“Regrettably, the objective trend…\`, not \`"Regrettably, the objective trend\` as \`b_opens\` says`],
    ]);
  });

  it('the statement of the same document that the words open is suggested; none in another document, none for a near miss', () => {
    // The words of p2 under p4's id, as when the anchors of the tracker moved.
    const moved = read(`- a: "${huaTracker.id}"
  a_opens: '${opens(lavrovTracker)}'
  b: "${cctvMemri.id}"
  b_opens: '${opens(cctvMemri)}'
  kind: paraphrase
`);
    expect(moved.problems).toHaveLength(1);
    expect(moved.problems[0]).toMatchObject({ name: 'StatementOpensOtherwise', line: 2 });
    expect(moved.problems[0]?.message).toContain(`now begins with \`“remarks are right to the point.…\``);
    expect(moved.problems[0]?.hint).toMatch(
      new RegExp(`^In the same document these words open \`${lavrovTracker.id}\`: if that is the statement meant, put its id in \`a\`\\. The anchor may have moved`, 'u'),
    );
    // The words open a statement, but in another document (the tracker's p2, not MEMRI's): no suggestion.
    const elsewhere = read(`- a: "${cctvMemri.id}"
  a_opens: '${opens(lavrovTracker)}'
  b: "${huaDiplomat.id}"
  b_opens: '${opens(huaDiplomat)}'
  kind: paraphrase
`);
    expect(elsewhere.problems.map((p) => p.name)).toEqual(['StatementOpensOtherwise']);
    expect(elsewhere.problems[0]?.hint).toMatch(/^The anchor may have moved/u);
    expect(elsewhere.problems[0]?.hint).not.toContain('these words open');
    // Nearly p2's words (a straight quote for the curly one): no guess either.
    const near = read(`- a: "${huaTracker.id}"
  a_opens: '"Regrettably, the objective trend for a'
  b: "${cctvMemri.id}"
  b_opens: '${opens(cctvMemri)}'
  kind: paraphrase
`);
    expect(near.problems.map((p) => p.name)).toEqual(['StatementOpensOtherwise']);
    expect(near.problems[0]?.hint).not.toContain('these words open');
  });

  it('opening words are required, at least four of them, or the whole of a shorter statement', () => {
    const { entries, problems } = read(`- a: "${cctvMemri.id}"
  b: "${lavrovTracker.id}"
  b_opens: '${opens(lavrovTracker)}'
  kind: paraphrase
- a: "${cctvMemri.id}"
  a_opens: 'CCTV: "Russian Foreign'
  b: "${huaTracker.id}"
  b_opens: '${opens(huaTracker)}'
  kind: paraphrase
- a: "${thanksMemri.id}"
  a_opens: '"Thank'
  b: "${huaDiplomat.id}"
  b_opens: '${opens(huaDiplomat)}'
  kind: paraphrase
- a: "${thanksMemri.id}"
  a_opens: '"Thank you."'
  b: "${huaTracker.id}"
  b_opens: '${opens(huaTracker)}'
  kind: paraphrase
`);
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(
        /^content\/relations\.yaml:1  \*\*0\.a_opens\*\*: required: the first words of statement `a` as printed \(at least 4, or the whole statement if it is shorter\), so that a moved anchor is caught\n  hint: .*\[RelationsInvalid\]$/u,
      ),
      expect.stringMatching(/^content\/relations\.yaml:6  \*\*1\.a_opens\*\*: give at least the first 4 words of statement `a` as printed, or the whole statement if it is shorter \(`CCTV: "Russian Foreign` is 3 words\)\n/u),
      expect.stringMatching(/^content\/relations\.yaml:11  \*\*2\.a_opens\*\*: .*\(`"Thank` is one word\)\n/u),
    ]);
    // The whole of a two-word statement is enough.
    expect(entries).toEqual([{ action: 'add', a: huaTracker.id, b: thanksMemri.id, kind: 'paraphrase', line: 15 }]);
  });

  it('a pair given twice, in either order', () => {
    const { entries, problems } = read(`- { ${flowPair(huaDiplomat, huaTracker)}, kind: verbatim }
- { ${flowPair(huaTracker, huaDiplomat)}, suppress: true, note: "no" }
`);
    expect(entries).toHaveLength(1);
    expect(problems.map(formatProblem)).toEqual([expect.stringMatching(/^content\/relations\.yaml:2  .* are already paired at line 1\n/)]);
  });

  it('broken YAML, and a file that is not a list', () => {
    const broken = read(`- { ${flowPair(huaDiplomat, huaTracker)}, kind: verbatim\n`);
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
    const { entries, problems } = read(`- { ${flowPair(cctvMemri, lavrovTracker)}, kind: paraphrase }
- { ${flowPair(huaTracker, huaDiplomat)}, suppress: true, note: "test" }
`);
    expect(problems).toEqual([]);
    expect(applyCuratedRelations(detected, entries, texts).map(({ a, b }) => [a, b])).toEqual([[lavrovTracker.id, cctvMemri.id]]);
  });
});

const built = builtStatements();

describe.skipIf(!built)('the committed content/relations.yaml', () => {
  it('names statements of the built dataset and has no problems', () => {
    const { entries, problems } = readCuratedRelations(ROOT, new Map((built ?? []).map((statement) => [statement.id, statement.text])));
    expect(problems.map(formatProblem)).toEqual([]);
    expect(entries.length).toBeGreaterThan(0);
  });

  it('adds only what the detection misses', () => {
    const { entries } = readCuratedRelations(ROOT, new Map((built ?? []).map((statement) => [statement.id, statement.text])));
    const { relations } = detectRelations(built ?? []);
    for (const entry of entries.filter((e) => e.action === 'add')) {
      expect(relations.find((relation) => relation.a === entry.a && relation.b === entry.b)).toBeUndefined();
    }
  });
});
