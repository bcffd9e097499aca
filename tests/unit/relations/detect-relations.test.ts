import { describe, expect, it } from 'vitest';
import {
  detectRelations,
  relatedIds,
  type Relation,
  type RelationInput,
  type RelationKind,
} from '../../../src/lib/relations/detect-relations.ts';
import { analyse, MAX_SENTENCE_WORDS, normaliseWord, stem, tokenize } from '../../../src/lib/relations/text.ts';
import { builtStatements, syntheticCorpus } from './corpus.ts';

const DIPLOMAT = '2021-03-23-diplomat-china-russia-show-solidarity';
const TRACKER = '2021-03-23-tracker-china-russia-ties-after-anchorage';
const MEMRI = '2021-03-24-memri-special-dispatch-9252';
const PHONE_CALL = '2021-02-04-mfa-wang-yi-lavrov-phone-call';

function statement(document: string, anchor: string, speakers: string[], text: string): RelationInput {
  return { id: `${document}/${anchor}`, document, speakers, text, date: document.slice(0, 10) };
}

/** The relation between two statement ids, in either order. */
function between(relations: readonly Relation[], x: string, y: string): Relation | undefined {
  const [a, b] = x < y ? [x, y] : [y, x];
  return relations.find((relation) => relation.a === a && relation.b === b);
}

function kindOf(relations: readonly Relation[], x: RelationInput, y: RelationInput): RelationKind | undefined {
  return between(relations, x.id, y.id)?.kind;
}

// The real statements (as the build splits them) that the tests quote.
const huaDiplomat = statement(DIPLOMAT, 'p5', ['hua-chunying'],
  'In the Chinese Foreign Ministry press conference on March 23, spokesperson Hua Chunying said, “The more unstable the world is, the more China and Russia need to advance our cooperation.”');
const huaTracker = statement(TRACKER, 'p4', ['hua-chunying'],
  '“remarks are right to the point. The more unstable the world is, the more China and Russia need to advance our cooperation. For a long period, the US and the West wantonly interfered in other country\'s domestic affairs by using democracy and human rights as an excuse. Such moves created troubles in the world and even became the source of instability and war.”');
const huaMemri = statement(MEMRI, 'p75', ['hua-chunying'],
  'Hua Chunying: "Foreign Minister Lavrov\'s remarks are right to the point. The more unstable the world is, the more China and Russia need to advance our cooperation. For a long period, the U.S. and the West wantonly interfered in other country\'s domestic affairs by using democracy and human rights as an excuse. Such moves created troubles in the world and even became the source of instability and war.');
const xinhuaTracker = statement(TRACKER, 'p6-2', ['xinhua'],
  '“the two sides briefed each other on the latest developments of their respective relations with the United States, according to a press release issued after the meeting. The two foreign ministers said the international community believes that the United States should reflect on the damage it has done to global peace and development in recent years, halt unilateral bullying, stop meddling in other countries\' domestic affairs, and stop forming small circles to seek bloc confrontation, said the press release.”');
const ministersMemri = statement(MEMRI, 'p25-2', ['wang-yi', 'sergey-lavrov'],
  'The two foreign ministers said the international community believes that the United States should reflect on the damage it has done to global peace and development in recent years, halt unilateral bullying, stop meddling in other countries\' domestic affairs, and stop forming small circles to seek bloc confrontation. All countries should follow the purposes and principles of the Charter of the United Nations (UN), uphold true multilateralism, make international relations more democratic, and accept and promote peaceful coexistence and common development of countries with different social systems and development paths.');
const architectureDiplomat = statement(DIPLOMAT, 'p4-2', ['sergey-lavrov'],
  '“We want the architecture of international relations to be fair, democratic, capable of ensuring stability,”');
const lavrovTracker = statement(TRACKER, 'p2', ['sergey-lavrov'],
  '“We regard the new era of Russian-Chinese relations, which you have mentioned, primarily in the context of the broader situation on the international stage. It is undergoing a very deep transformation and the strengthening of the new centres of economic growth, financial might and political influence. In response to this, Russia and China are promoting a constructive unification agenda. We want the architecture of international relations to be fair, democratic, capable of ensuring stability and based on broad interaction of states and their integration associations, just as we are doing together with our Chinese friends by promoting integration in Eurasia. China is a truly strategic partner and a like-minded country for us."');
const partnerDiplomat = statement(DIPLOMAT, 'p4', ['sergey-lavrov'],
  '“For us, China is a true strategic partner and like-minded friend. Our cooperation in the international arena will have a stabilizing effect on the global and regional situation,”');
const stabilisingTracker = statement(TRACKER, 'p3', ['sergey-lavrov'],
  '"Our cooperation on the international stage is having a stabilising effect on the global and regional situation. Russia believes that our dialogue with China based on trust and mutual respect should provide an example for other countries."');
const interferenceDiplomat = statement(DIPLOMAT, 'p3', ['wang-yi', 'sergey-lavrov'],
  'The two sides, both under a spate of fresh sanctions by the United States and European countries over human rights violations, called for a United Nations Security Council summit over what they see as intensified turbulent change, bullying, and meddling in domestic affairs. “Interference in a sovereign nation’s internal affairs under the excuse of ‘advancing democracy’ is unacceptable,”');
const democracyMemri = statement(MEMRI, 'p13', ['sergey-lavrov', 'wang-yi'],
  '"Democracy is one of the achievements of human development. There is no uniform standard for the model of democracy. The legitimate right of sovereign states to choose their own path of development should be respected. Interfering in sovereign states\' internal affairs under the guise of \'promoting democracy\' is unacceptable.');
const multilateralismDiplomat = statement(DIPLOMAT, 'p4-3', ['wang-yi', 'sergey-lavrov'],
  'Their joint statement emphasized the centrality of the United Nations to the international system and called on states to “adhere to the principles of open, equal, and non-ideological multilateralism.”');
const multilateralismMemri = statement(MEMRI, 'p16', ['sergey-lavrov', 'wang-yi'],
  '"The international community should adhere to the principles of openness, equality and non-ideological multilateralism, jointly address global challenges and threats, strive to maintain the authority of the multilateral system, improve its effectiveness, improve the global governance system, jointly safeguard peace and strategic stability, promote the development of human civilization and ensure that all countries enjoy the fruits of development on an equal footing."');
const analystsMemri = statement(MEMRI, 'p4', [],
  'According to Chinese analysts, the joint statement is a significant setback for the U.S. "rules-based international order," as it stresses that all countries must resolutely safeguard the international structure, which includes the United Nations, and the international order, which is based on international law.');
const internationalLawMemri = statement(MEMRI, 'p14', ['sergey-lavrov', 'wang-yi'],
  '"International law is the cornerstone of the development of human society. All countries, without exception, should firmly safeguard the international system with the United Nations as the core and the international order based on international law.');

describe('normalisation', () => {
  it('folds case, quotes, U.S./US, hyphens and British spelling', () => {
    expect(['U.S.', 'US', 'USA'].map(normaliseWord)).toEqual(['usa', 'usa', 'usa']);
    expect(normaliseWord('us')).toBe('us');
    expect(normaliseWord('nation’s')).toBe("nation's");
    expect(['stabilising', 'centres', 'co-operation', 'honourable', 'multi-polar', 'defence', 'organisation'].map(normaliseWord)).toEqual([
      'stabilizing', 'centers', 'cooperation', 'honorable', 'multipolar', 'defense', 'organization',
    ]);
    // Words spelled -ise in American English too are left alone.
    expect(['promise', 'compromising', 'otherwise', 'exercise', 'advertising'].map(normaliseWord)).toEqual([
      'promise', 'compromising', 'otherwise', 'exercise', 'advertising',
    ]);
  });

  it('reads "United States" as the same content as "US"', () => {
    const stems = (text: string) => tokenize(text).flatMap((token) => (token.stem === undefined ? [] : [token.stem]));
    expect(stems('the United States should reflect')).toEqual(['usa', 'reflect']);
    expect(stems('the US should reflect')).toEqual(['usa', 'reflect']);
    expect(stems('for us')).toEqual([]);
  });

  it('stems what a translation changes, and keeps apart what differs', () => {
    expect(stem('interference')).toBe(stem('interfering'));
    expect(stem('openness')).toBe(stem('open'));
    expect(stem('equality')).toBe(stem('equal'));
    expect(stem('truly')).toBe(stem('true'));
    expect(stem('countries')).toBe(stem('country'));
    expect(stem('internal')).not.toBe(stem('international'));
    expect(stem('state')).not.toBe(stem('statement'));
  });

  it('splits sentences with their offsets, not at U.S. or Mr., and finds quotations inside them', () => {
    const text = 'Hua said, “The more unstable the world is, the better.” The U.S. and Mr. Lavrov agree. Third';
    const { sentences } = analyse(text);
    expect(sentences.map((s) => text.slice(s.start, s.end))).toEqual([
      'Hua said, “The more unstable the world is, the better.”',
      'The U.S. and Mr. Lavrov agree.',
      'Third',
    ]);
    expect(sentences[0]!.quotes.map((q) => text.slice(q.start, q.end))).toEqual(['The more unstable the world is, the better']);
  });

  it(`cuts a run-on sentence of more than ${MAX_SENTENCE_WORDS} words at a clause boundary`, () => {
    const clause = 'China and Russia will deepen cooperation in trade, energy, science and culture';
    const text = `${Array.from({ length: 12 }, () => clause).join('; ')}.`;
    const { sentences } = analyse(text);
    expect(sentences.length).toBeGreaterThan(1);
    for (const sentence of sentences) {
      expect(sentence.to - sentence.from).toBeLessThanOrEqual(MAX_SENTENCE_WORDS);
      expect(text.slice(sentence.start, sentence.end)).toMatch(/^China .*culture\.?$/);
    }
    expect(sentences.at(-1)!.to).toBe(12 * 12);
  });
});

describe('verbatim', () => {
  const { relations } = detectRelations([huaDiplomat, huaTracker, huaMemri, xinhuaTracker, ministersMemri, architectureDiplomat, lavrovTracker]);

  it("links Hua Chunying's words across The Diplomat, the tracker and MEMRI", () => {
    expect(kindOf(relations, huaDiplomat, huaTracker)).toBe('verbatim');
    expect(kindOf(relations, huaDiplomat, huaMemri)).toBe('verbatim');
    expect(kindOf(relations, huaTracker, huaMemri)).toBe('verbatim');
    const relation = between(relations, huaDiplomat.id, huaMemri.id)!;
    expect(relation.score).toBe(1);
    expect(relation.passageA.text).toBe('The more unstable the world is, the more China and Russia need to advance our cooperation.');
    expect(relation.passageB.text).toBe(relation.passageA.text);
  });

  it('extends the passage over following sentences that match too, "US" matching "U.S."', () => {
    const relation = between(relations, huaTracker.id, huaMemri.id)!;
    expect(relation.passageA.text).toMatch(/^remarks are right to the point\. .* the US and the West .*instability and war\.$/);
    expect(relation.passageB.text).toMatch(/^remarks are right to the point\. .* the U\.S\. and the West .*instability and war\.$/);
  });

  it("links Xinhua's quotation in the tracker to MEMRI's report of the Foreign Ministry", () => {
    const relation = between(relations, xinhuaTracker.id, ministersMemri.id)!;
    expect(relation.kind).toBe('verbatim');
    expect(relation.passageB.text).toMatch(/^The two foreign ministers said the international community believes .* bloc confrontation\.$/);
  });

  it("links the Diplomat's quotation of Lavrov to the longer sentence in the tracker", () => {
    const relation = between(relations, architectureDiplomat.id, lavrovTracker.id)!;
    expect(relation.kind).toBe('verbatim');
    expect(relation.passageA.text).toBe('We want the architecture of international relations to be fair, democratic, capable of ensuring stability');
  });

  it('folds British and American spelling, and curly and straight quotes', () => {
    const british = statement('doc-a', 's-1', ['sergey-lavrov'], '“Our cooperation on the international stage is having a stabilising effect on the global and regional situation,” he said of the new centres of growth.');
    const american = statement('doc-b', 's-1', ['sergey-lavrov'], '"Our cooperation on the international stage is having a stabilizing effect on the global and regional situation," he said of the new centers of growth.');
    expect(kindOf(detectRelations([british, american]).relations, british, american)).toBe('verbatim');
  });

  it('passages are the text at their offsets', () => {
    const texts = new Map([huaDiplomat, huaTracker, huaMemri, xinhuaTracker, ministersMemri, architectureDiplomat, lavrovTracker].map((s) => [s.id, s.text]));
    expect(relations.length).toBeGreaterThan(0);
    for (const relation of relations) {
      expect(texts.get(relation.a)!.slice(relation.passageA.start, relation.passageA.end)).toBe(relation.passageA.text);
      expect(texts.get(relation.b)!.slice(relation.passageB.start, relation.passageB.end)).toBe(relation.passageB.text);
    }
  });
});

describe('translation', () => {
  const { relations } = detectRelations([
    lavrovTracker, partnerDiplomat, stabilisingTracker, interferenceDiplomat, democracyMemri, multilateralismDiplomat, multilateralismMemri,
  ]);

  it('"a truly strategic partner and a like-minded country" / "a true strategic partner and like-minded friend"', () => {
    const relation = between(relations, lavrovTracker.id, partnerDiplomat.id)!;
    expect(relation.kind).toBe('translation');
    expect(relation.passageA.text).toBe('For us, China is a true strategic partner and like-minded friend.');
    expect(relation.passageB.text).toBe('China is a truly strategic partner and a like-minded country for us.');
  });

  it('"Interference … under the excuse of ‘advancing democracy’" / "Interfering … under the guise of \'promoting democracy\'"', () => {
    const relation = between(relations, interferenceDiplomat.id, democracyMemri.id)!;
    expect(relation.kind).toBe('translation');
    expect(relation.passageA.text).toMatch(/^Interference in a sovereign nation’s internal affairs .* is unacceptable/);
    expect(relation.passageB.text).toMatch(/^Interfering in sovereign states' internal affairs .* is unacceptable/);
  });

  it('"open, equal, and non-ideological" / "openness, equality and non-ideological": the quotation inside a long sentence', () => {
    const relation = between(relations, multilateralismDiplomat.id, multilateralismMemri.id)!;
    expect(relation.kind).toBe('translation');
    expect(relation.passageA.text).toBe('adhere to the principles of open, equal, and non-ideological multilateralism.');
    expect(relation.passageB.text).toBe('adhere to the principles of openness, equality and non-ideological multilateralism');
  });

  it('"on the international stage is having a stabilising effect" / "in the international arena will have a stabilizing effect"', () => {
    const relation = between(relations, partnerDiplomat.id, stabilisingTracker.id)!;
    expect(relation.kind).toBe('translation');
    expect(relation.passageA.text).toMatch(/^Our cooperation in the international arena will have a stabilizing effect/);
    expect(relation.passageB.text).toMatch(/^Our cooperation on the international stage is having a stabilising effect/);
  });

  it('needs a speaker in common: the same words in two mouths are not one utterance rendered twice', () => {
    const other = { ...partnerDiplomat, speakers: ['hua-chunying'] };
    expect(kindOf(detectRelations([lavrovTracker, other]).relations, lavrovTracker, other)).toBeUndefined();
    const unattributed = { ...partnerDiplomat, speakers: [] };
    expect(kindOf(detectRelations([lavrovTracker, unattributed]).relations, lavrovTracker, unattributed)).toBe('translation');
  });
});

describe('paraphrase', () => {
  it("links the analysts' restatement of the joint statement, ranked below a quotation", () => {
    const { relations } = detectRelations([analystsMemri, internationalLawMemri]);
    const relation = between(relations, analystsMemri.id, internationalLawMemri.id)!;
    expect(relation.kind).toBe('paraphrase');
    expect(relation.score).toBeLessThan(1);
    // Whole sentences, never a quoted fragment (a pair is stored in id order: the analysts' p4 after p14).
    const analysts = relation.a === analystsMemri.id ? relation.passageA : relation.passageB;
    expect(analysts.text).toMatch(/^According to Chinese analysts.*international law\.$/);
  });

  it('one relation per pair of statements, of the strongest kind', () => {
    const quote = ' The more unstable the world is, the more China and Russia need to advance our cooperation.';
    const x = { ...analystsMemri, text: analystsMemri.text + quote };
    const y = { ...internationalLawMemri, text: internationalLawMemri.text + quote };
    const { relations } = detectRelations([x, y]);
    expect(relations.map((r) => r.kind)).toEqual(['verbatim']);
  });
});

describe('no relation', () => {
  const pairs: [string, string, string][] = [
    [
      'two different sentences sharing "comprehensive strategic partnership of coordination for a new era"',
      'In the past year, under the leadership of President Xi Jinping and President Putin, China-Russia comprehensive strategic partnership of coordination for a new era achieved remarkable outcomes.',
      'China is ready to work with Russia to follow through on the consensus of the two heads of state and advance China-Russia comprehensive strategic partnership of coordination for a new era at greater scope, in wider areas and at deeper levels.',
    ],
    [
      'a short sentence that is mostly the same set phrase',
      'Both sides agreed to deepen the China-Russia comprehensive strategic partnership of coordination for a new era.',
      'In the past year, under the leadership of President Xi Jinping and President Putin, China-Russia comprehensive strategic partnership of coordination for a new era achieved remarkable outcomes.',
    ],
    [
      'two sentences sharing only "the United States should"',
      'The two foreign ministers said the international community believes that the United States should reflect on the damage it has done to global peace and development in recent years.',
      'On the Iranian nuclear issue, the two sides believe that the United States should unconditionally return to the Joint Comprehensive Plan of Action (JCPOA) as soon as possible and revoke the unilateral sanctions against Iran.',
    ],
    [
      'two sentences sharing "international and regional issues of common concern"',
      'During the dialogue, the two sides conducted candid, in-depth, long and constructive communication on domestic and foreign policies, China-U.S. relations and major international and regional issues of common concern.',
      'The two sides first conducted strategic communication on international and regional issues of common concern and reached broad consensus.',
    ],
    [
      'two sentences naming the same treaty',
      'Wang Yi said, the two heads of state have also agreed to celebrate the 20th anniversary of the signing of the China-Russia Treaty of Good-Neighborliness and Friendly Cooperation, pointing out the direction for deepening the comprehensive strategic partnership of coordination between the two countries in the new era.',
      'This year marks the 20th anniversary of the signing of the Treaty of Good-neighborliness and Friendly Cooperation between China and Russia.',
    ],
    [
      'two sentences sharing "support each other on issues concerning each other\'s core interests"',
      "Lavrov said, the two sides should firmly support each other on issues concerning each other's core interests, jointly and staunchly defend multilateralism and safeguard international and regional stability.",
      "The two sides firmly support each other on issues concerning each other's core interests and jointly uphold international fairness and justice.",
    ],
    [
      'two sentences sharing "strategic partner" and "uphold true multilateralism"',
      'China and Russia should uphold true multilateralism and promote a multi-polar world through continuously strengthening strategic cooperation with a strategic partner.',
      'All countries should follow the purposes and principles of the Charter of the United Nations, uphold true multilateralism, make international relations more democratic.',
    ],
  ];
  it.each(pairs)('%s', (_name, x, y) => {
    // The same speaker, so that every kind is tried.
    const { relations } = detectRelations([statement('doc-a', 's-x', ['wang-yi'], x), statement('doc-b', 's-y', ['wang-yi'], y)]);
    expect(relations).toEqual([]);
  });

  it('rejects a shared set phrase when comparing, not only when indexing', () => {
    const [, x, y] = pairs[0]!;
    const { relations, stats } = detectRelations([statement('doc-a', 's-x', ['wang-yi'], x), statement('doc-b', 's-y', ['wang-yi'], y)]);
    expect(stats.candidatePairs).toBe(1);
    expect(stats.comparisons).toBeGreaterThan(0);
    expect(relations).toEqual([]);
  });

  it('never pairs a statement with itself', () => {
    const twice = statement('doc-a', 's-twice', ['wang-yi'], `${huaDiplomat.text} ${huaDiplomat.text}`);
    expect(detectRelations([twice]).relations).toEqual([]);
  });

  it('not between a statement and one nested inside it in the same document; a later echo is kept', () => {
    const outer = statement(PHONE_CALL, 'p4', ['wang-yi'],
      'Wang Yi noted, as you put it in your annual press conference "we can talk endlessly about Russian-Chinese cooperation that embraces a very wide range of spheres". China totally agrees with what you said.');
    const inner = statement(PHONE_CALL, 'p4-2', ['sergey-lavrov'],
      '"we can talk endlessly about Russian-Chinese cooperation that embraces a very wide range of spheres"');
    expect(detectRelations([outer, inner]).relations).toEqual([]);
    const elsewhere = { ...inner, id: `${DIPLOMAT}/s-we-can-talk`, document: DIPLOMAT };
    expect(kindOf(detectRelations([outer, elsewhere]).relations, outer, elsewhere)).toBe('verbatim');

    const summary = statement(MEMRI, 'p3-2', ['wang-yi', 'sergey-lavrov'],
      'In particular in the joint statement, the two sides reiterated their rejection of the notion of the universality of human rights, and expressed their belief that there is no uniform standard for the model of democracy.');
    expect(kindOf(detectRelations([summary, democracyMemri]).relations, summary, democracyMemri)).toBe('verbatim');
  });

  it('ignores keys found in more statements than the cap', () => {
    const many = Array.from({ length: 5 }, (_, index) => ({ ...huaDiplomat, id: `doc-${index}/s-1`, document: `doc-${index}` }));
    expect(detectRelations(many).relations).toHaveLength(10);
    const { relations, stats } = detectRelations(many, { maxKeyStatements: 4 });
    expect(relations).toEqual([]);
    expect(stats.candidatePairs).toBe(0);
    expect(stats.droppedKeys).toBeGreaterThan(0);
  });
});

describe('output', () => {
  const input = [huaDiplomat, huaTracker, huaMemri, xinhuaTracker, ministersMemri, lavrovTracker, partnerDiplomat, stabilisingTracker, architectureDiplomat];

  it('is deterministic, ordered by a then b, with a < b, and the same whatever the input order', () => {
    const first = detectRelations(input);
    expect(detectRelations(input)).toEqual(first);
    expect(first.relations.length).toBeGreaterThanOrEqual(6);
    for (const relation of first.relations) expect(relation.a < relation.b).toBe(true);
    const keys = first.relations.map((r) => `${r.a} ${r.b}`);
    expect(keys).toEqual([...keys].sort());
    expect(new Set(keys).size).toBe(keys.length);
    const shuffled = detectRelations([...input].reverse()).relations;
    expect(shuffled.map(({ a, b, kind, score }) => ({ a, b, kind, score }))).toEqual(first.relations.map(({ a, b, kind, score }) => ({ a, b, kind, score })));
  });

  it('relatedIds lists the related statements of each, both ways', () => {
    const related = relatedIds(detectRelations(input).relations);
    expect(related.get(huaDiplomat.id)).toEqual([huaTracker.id, huaMemri.id].sort());
    expect(related.get(huaMemri.id)).toEqual([huaDiplomat.id, huaTracker.id].sort());
    expect(related.get(partnerDiplomat.id)).toEqual([lavrovTracker.id, stabilisingTracker.id].sort());
  });
});

const built = builtStatements();

describe.skipIf(!built)('the built dataset (dist/data)', () => {
  const input = built ?? [];
  const started = performance.now();
  const { relations, stats } = detectRelations(input);
  const milliseconds = performance.now() - started;
  const byKind = Object.fromEntries(['verbatim', 'translation', 'paraphrase'].map((kind) => [kind, relations.filter((r) => r.kind === kind).length]));
  console.log(`relations on dist/data: ${JSON.stringify(byKind)} in ${milliseconds.toFixed(0)} ms; ${JSON.stringify(stats)}`);
  for (const relation of relations) console.log(`  ${relation.kind} ${relation.score}  ${relation.a}  ${relation.b}`);

  const expected: [string, string, RelationKind][] = [
    [huaDiplomat.id, huaTracker.id, 'verbatim'],
    [huaDiplomat.id, huaMemri.id, 'verbatim'],
    [huaTracker.id, huaMemri.id, 'verbatim'],
    [xinhuaTracker.id, ministersMemri.id, 'verbatim'],
    [architectureDiplomat.id, lavrovTracker.id, 'verbatim'],
    [partnerDiplomat.id, lavrovTracker.id, 'translation'],
    [interferenceDiplomat.id, democracyMemri.id, 'translation'],
    [multilateralismDiplomat.id, multilateralismMemri.id, 'translation'],
    [partnerDiplomat.id, stabilisingTracker.id, 'translation'],
  ];
  it.each(expected)('%s ~ %s: %s', (x, y, kind) => {
    expect(input.some((s) => s.id === x) && input.some((s) => s.id === y)).toBe(true);
    expect(between(relations, x, y)?.kind).toBe(kind);
  });

  it('links no statement to one it is nested in, and no two statements twice', () => {
    const keys = relations.map((r) => `${r.a} ${r.b}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(between(relations, `${PHONE_CALL}/p4`, `${PHONE_CALL}/p4-2`)).toBeUndefined();
  });
});

describe('scale', () => {
  const sizes = [1000, 4000, 16000];
  const runs = sizes.map((size) => {
    const corpus = syntheticCorpus(size, 20210323);
    const started = performance.now();
    const result = detectRelations(corpus.statements);
    return { size, corpus, result, milliseconds: performance.now() - started };
  });
  for (const { size, result, milliseconds } of runs) {
    console.log(`synthetic ${size}: ${milliseconds.toFixed(0)} ms, ${JSON.stringify(result.stats)}`);
  }

  it('candidate pairs, comparisons and index work grow linearly with the corpus, far from n²/2', () => {
    // Per statement, at 16 times the size, at most twice as much. (It falls, in fact: set phrases that
    // pair sentences in a small corpus are found in more than `maxKeyStatements` statements in a large one.)
    const rates = runs.map(({ size, result }) => ({
      candidatePairs: result.stats.candidatePairs / size,
      comparisons: result.stats.comparisons / size,
      postingsVisited: result.stats.postingsVisited / size,
    }));
    const [small, , large] = rates;
    for (const measure of ['candidatePairs', 'comparisons', 'postingsVisited'] as const) {
      expect(small![measure]).toBeGreaterThan(0);
      expect(large![measure]).toBeLessThanOrEqual(2 * small![measure]);
    }
    for (const { size, result } of runs) {
      const allPairs = (size * (size - 1)) / 2;
      expect(result.stats.candidatePairs).toBeLessThan(allPairs / 100);
      expect(result.stats.postingsVisited).toBeLessThan(allPairs / 4);
    }
    const largest = runs.at(-1)!;
    expect(largest.result.stats.candidatePairs).toBeLessThan((largest.size * largest.size) / 2 / 10_000);
  });

  it('still finds the planted verbatim copies', () => {
    for (const { corpus, result } of runs) {
      const kinds = new Map(result.relations.map((relation) => [`${relation.a} ${relation.b}`, relation.kind]));
      const found = corpus.copies.filter(([copy, source]) => kinds.get(copy < source ? `${copy} ${source}` : `${source} ${copy}`) === 'verbatim');
      expect(corpus.copies.length).toBeGreaterThan(corpus.statements.length / 20);
      expect(found.length).toBeGreaterThanOrEqual(0.95 * corpus.copies.length);
    }
  });
});
