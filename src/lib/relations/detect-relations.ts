/**
 * The cross-document relation stage: finds pairs of statements that say the
 * same words (verbatim), the same words rendered differently (translation), or
 * the same content in other words (paraphrase). Pure: plain data in, plain
 * data out; the same input gives the same output.
 *
 * How it scales. Statements are split into sentences. Candidate sentence pairs
 * come from two inverted indexes, never from comparing all pairs:
 *  - shingles (runs of `shingleSize` normalised words) find verbatim text;
 *  - pairs of content-word stems at most two apart find translations and paraphrases.
 * A key found in more than `maxKeyStatements` statements is boilerplate and is
 * not indexed, so walking a key's postings costs at most `maxKeyStatements` per
 * occurrence and the work grows linearly with the corpus (`stats` counts it).
 *
 * How it decides. A candidate pair is aligned (Smith-Waterman) on normalised
 * words for verbatim text, then, if that fails, on content-word stems weighted
 * by rarity (inverse document frequency) for a translation or a paraphrase. The
 * match must cover most of a sentence, or of a quotation inside one, so a set
 * phrase shared by two different sentences ("comprehensive strategic partnership
 * of coordination for a new era") is not a relation. A translation or paraphrase
 * must also be reworded (nearly identical wording is a verbatim phrase, judged by
 * the verbatim test) and share a speaker with the other statement (one utterance,
 * rendered twice); a verbatim quote need not, since outlets attribute quotes
 * differently. A paraphrase is the weakest kind, with the strictest word overlap,
 * and its passages are whole sentences: it is never presented as a quote.
 */
import { analyse, Vocabulary, type AnalysedText, type Sentence, type Span } from './text.ts';

export interface RelationInput {
  id: string;
  /** Slug of the document the statement is in. */
  document: string;
  speakers: string[];
  text: string;
  /** The document's date (ISO). Not used for matching; it travels with the statement for callers that order relations. */
  date: string;
}

export const RELATION_KINDS = ['verbatim', 'translation', 'paraphrase'] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];

export interface Passage {
  /** Offsets in the statement's text. */
  start: number;
  end: number;
  text: string;
}

export interface Relation {
  /** The smaller statement id of the pair (string order). */
  a: string;
  b: string;
  kind: RelationKind;
  /**
   * 0..1, rounded to 3 decimals. Verbatim: share of the sentence (or quotation) covered × share of identical words.
   * Translation, paraphrase: geometric mean of the weighted overlap of the passages and the share covered. Curated: 1.
   */
  score: number;
  passageA: Passage;
  passageB: Passage;
  /** `detected` by this stage, or `curated` in content/relations.yaml. */
  origin: 'detected' | 'curated';
  /** The editors' note on a curated relation. */
  note?: string;
}

export interface RelationStats {
  statements: number;
  sentences: number;
  /** Sentence pairs proposed by the indexes (sharing enough shingles or stem pairs), across statements. */
  candidatePairs: number;
  /** Alignments computed (a candidate pair is aligned once or twice, or not at all once a better relation is known). */
  comparisons: number;
  /** Index keys dropped because they occur in more than `maxKeyStatements` statements. */
  droppedKeys: number;
  /** Sentence pairs met while walking the index (the work before verification): at most `maxKeyStatements` per key occurrence. */
  postingsVisited: number;
  relations: number;
}

/** Thresholds, each with its default (`DEFAULT_RELATION_OPTIONS`) and why. */
export interface RelationOptions {
  /** Words per shingle (5): shorter runs recur by chance ("the United States should"). */
  shingleSize?: number;
  /** Keys in more statements than this (50) are boilerplate, not indexed; it also bounds the work per key, keeping growth linear. */
  maxKeyStatements?: number;
  /** Shingles two sentences must share to be compared for verbatim text (3, a run of 7 words): one shared shingle is a set phrase. */
  minSharedShingles?: number;
  /**
   * Stem pairs two sentences must share to be compared for translation or paraphrase (2), each counted by rarity
   * (1 when in two statements, 0 when in `maxKeyStatements`): one shared pair, or a few common ones, is a set phrase.
   */
  minSharedStemPairs?: number;
  /** Prior corpus size for the rarity weights (50): a small corpus (a test, the first documents) is no evidence that a word is common. */
  idfPrior?: number;
  /** Words a verbatim match needs (8): shorter shared runs are set phrases, not quotes. */
  minVerbatimWords?: number;
  /** Share of identical words in a verbatim region (0.9): allows a variant word in a long quote, not a rewording. */
  verbatimIdentity?: number;
  /** Share of a sentence, or of a quotation in one, a verbatim match must cover (0.8): less is a phrase shared by different sentences. */
  verbatimCoverage?: number;
  /** Content stems a translation must match (5): fewer is a phrase, not the rendering of a sentence. */
  minTranslationStems?: number;
  /** Weighted overlap (Dice) of the aligned passages for a translation (0.6): a rendering keeps most of the rare words. */
  translationDice?: number;
  /** Share of a sentence's (or quotation's) weight a translation must cover (0.6): it renders the whole of something. */
  translationCoverage?: number;
  /** Weight of the shorter aligned passage over the longer for a translation (0.6): two renderings of one sentence are about as long. */
  translationBalance?: number;
  /** Content stems a paraphrase must match (6): with fewer in common, "the same content" is a guess. */
  minParaphraseStems?: number;
  /** Weighted overlap (Dice) of the aligned passages for a paraphrase (0.7): stricter than a translation's, since it covers less. */
  paraphraseDice?: number;
  /** Share of a sentence's (or quotation's) weight a paraphrase must cover (0.5): at least half of what was said. */
  paraphraseCoverage?: number;
  /** Balance of the aligned passages for a paraphrase (0.7): the restatement of a sentence is not a paragraph. */
  paraphraseBalance?: number;
  /**
   * Candidates verified per sentence, the best first (30): a line reported by hundreds of outlets would otherwise
   * make the work grow with the square of its reports. The strongest candidates (most shared shingles, then stem
   * pairs) are kept, so the clearest reports of a line are always found.
   */
  maxCandidatesPerSentence?: number;
}

export const DEFAULT_RELATION_OPTIONS: Required<RelationOptions> = {
  shingleSize: 5,
  maxKeyStatements: 50,
  minSharedShingles: 3,
  minSharedStemPairs: 2,
  idfPrior: 50,
  minVerbatimWords: 8,
  verbatimIdentity: 0.9,
  verbatimCoverage: 0.8,
  minTranslationStems: 5,
  translationDice: 0.6,
  translationCoverage: 0.6,
  translationBalance: 0.6,
  minParaphraseStems: 6,
  paraphraseDice: 0.7,
  paraphraseCoverage: 0.5,
  paraphraseBalance: 0.7,
  maxCandidatesPerSentence: 30,
};

const KIND_RANK: Record<RelationKind, number> = { verbatim: 3, translation: 2, paraphrase: 1 };

interface Prepared {
  input: RelationInput;
  analysed: AnalysedText;
  /** Normalised word ids, one per token. */
  words: Int32Array;
  /** Stem ids, one per token; -1 for a function word. */
  stems: Int32Array;
}

interface Found {
  kind: RelationKind;
  score: number;
  /** Token ranges in each statement. */
  rangeA: [number, number];
  rangeB: [number, number];
}

const round3 = (value: number) => Math.round(value * 1000) / 1000;

function slotOf(high: number, low: number, mask: number): number {
  let hash = Math.imul(high ^ Math.imul(low, 0x9e3779b1), 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) & mask;
}

/** An open-addressing hash table from 64-bit keys (two int32 halves) to dense ids 0, 1, 2… */
class KeyTable {
  #high = new Int32Array(1 << 12);
  #low = new Int32Array(1 << 12);
  #ids = new Int32Array(1 << 12).fill(-1);
  size = 0;

  idOf(high: number, low: number): number {
    const mask = this.#ids.length - 1;
    let slot = slotOf(high, low, mask);
    for (;;) {
      const id = this.#ids[slot]!;
      if (id === -1) break;
      if (this.#high[slot] === high && this.#low[slot] === low) return id;
      slot = (slot + 1) & mask;
    }
    this.#high[slot] = high;
    this.#low[slot] = low;
    this.#ids[slot] = this.size++;
    if (this.size * 2 > this.#ids.length) this.#grow();
    return this.size - 1;
  }

  #grow(): void {
    const [high, low, ids] = [this.#high, this.#low, this.#ids];
    this.#high = new Int32Array(ids.length * 2);
    this.#low = new Int32Array(ids.length * 2);
    this.#ids = new Int32Array(ids.length * 2).fill(-1);
    const mask = this.#ids.length - 1;
    for (let old = 0; old < ids.length; old++) {
      if (ids[old] === -1) continue;
      let slot = slotOf(high[old]!, low[old]!, mask);
      while (this.#ids[slot] !== -1) slot = (slot + 1) & mask;
      this.#high[slot] = high[old]!;
      this.#low[slot] = low[old]!;
      this.#ids[slot] = ids[old]!;
    }
  }
}

/**
 * An inverted index from keys to the sentences that contain them. `keys` lists
 * each sentence's keys (`keysStart[s]`..`keysStart[s + 1]`); `postings` lists
 * each indexed key's sentences in order (`postingsStart[k]`..`postingsStart[k + 1]`).
 * Keys in one statement only, or in more than `cap` statements, have no postings.
 */
interface KeyIndex {
  keysStart: Int32Array;
  keys: Int32Array;
  postingsStart: Int32Array;
  postings: Int32Array;
  /** In how many statements each key occurs. */
  statements: Int32Array;
  /** Keys left out for being in more than `cap` statements. */
  dropped: number;
}

function buildIndex(
  sentences: number,
  owner: Int32Array,
  cap: number,
  keysOf: (sentence: number, add: (high: number, low: number) => void) => void,
): KeyIndex {
  const table = new KeyTable();
  const keys: number[] = [];
  const keysStart = new Int32Array(sentences + 1);
  const lastSentence: number[] = [];
  const lastOwner: number[] = [];
  const statements: number[] = [];
  let current = 0;
  const add = (high: number, low: number) => {
    const key = table.idOf(high, low);
    if (key === lastSentence.length) {
      lastSentence.push(-1);
      lastOwner.push(-1);
      statements.push(0);
    }
    if (lastSentence[key] === current) return;
    lastSentence[key] = current;
    keys.push(key);
    if (lastOwner[key] !== owner[current]) {
      lastOwner[key] = owner[current]!;
      statements[key]!++;
    }
  };
  for (current = 0; current < sentences; current++) {
    keysStart[current] = keys.length;
    keysOf(current, add);
  }
  keysStart[sentences] = keys.length;

  const postingsStart = new Int32Array(table.size + 1);
  let dropped = 0;
  for (let key = 0; key < table.size; key++) if (statements[key]! > cap) dropped++;
  const indexed = (key: number) => statements[key]! >= 2 && statements[key]! <= cap;
  for (const key of keys) if (indexed(key)) postingsStart[key + 1]!++;
  for (let key = 0; key < table.size; key++) postingsStart[key + 1]! += postingsStart[key]!;
  const postings = new Int32Array(postingsStart[table.size]!);
  const fill = postingsStart.slice(0, table.size);
  for (let sentence = 0; sentence < sentences; sentence++) {
    for (let index = keysStart[sentence]!; index < keysStart[sentence + 1]!; index++) {
      const key = keys[index]!;
      if (indexed(key)) postings[fill[key]!++] = sentence;
    }
  }
  return { keysStart, keys: new Int32Array(keys), postingsStart, postings, statements: new Int32Array(statements), dropped };
}

interface Alignment {
  /** Token indices of matched positions, in order. */
  matchedA: number[];
  matchedB: number[];
  /** Aligned region as token ranges. */
  regionA: [number, number];
  regionB: [number, number];
}

let scratch = { score: new Float64Array(4096), move: new Uint8Array(4096) };

/**
 * Local alignment (Smith-Waterman) of two token sequences. `positionsA/B` are
 * token indices; `idsA/B` what is compared; `weightA/B` each token's weight.
 * A match scores its weight; a substitution or a gap costs `penalty` times the
 * weight of what it skips.
 */
function align(
  positionsA: readonly number[],
  idsA: readonly number[],
  weightA: readonly number[],
  positionsB: readonly number[],
  idsB: readonly number[],
  weightB: readonly number[],
  penalty: number,
): Alignment | undefined {
  const rows = positionsA.length;
  const columns = positionsB.length;
  if (rows === 0 || columns === 0) return undefined;
  if (sameTokens(idsA, weightA, idsB)) {
    // The same words (a quote reported again): the table's best cell is the last of its diagonal, and its path the
    // whole diagonal, since each match adds a positive weight and every gap costs. Taken without filling the table.
    return { matchedA: [...positionsA], matchedB: [...positionsB], regionA: [positionsA[0]!, positionsA[rows - 1]! + 1], regionB: [positionsB[0]!, positionsB[columns - 1]! + 1] };
  }
  const width = columns + 1;
  // The tables are reused across the many alignments of a run: allocating them each time kept the collector busy.
  const cells = (rows + 1) * width;
  if (scratch.score.length < cells) scratch = { score: new Float64Array(cells * 2), move: new Uint8Array(cells * 2) };
  const { score, move } = scratch;
  // Every other cell is written below; only the first row and column start at zero.
  score.fill(0, 0, width);
  for (let i = 1; i <= rows; i++) score[i * width] = 0;
  let best = 0;
  let bestCell = -1;
  for (let i = 1; i <= rows; i++) {
    const wa = weightA[i - 1]!;
    const ida = idsA[i - 1]!;
    const gapA = penalty * wa;
    const above = (i - 1) * width;
    const here = i * width;
    // The row's previous cell and the cell above-left, carried along the row instead of read back from the table.
    let left = 0;
    let diagonalScore = 0;
    for (let j = 1; j <= columns; j++) {
      const wb = weightB[j - 1]!;
      const upScore = score[above + j]!;
      const diagonal = diagonalScore + (ida === idsB[j - 1] ? wa : -penalty * (wa + wb) * 0.5);
      const up = upScore - gapA;
      const leftValue = left - penalty * wb;
      let value = 0;
      let direction = 0;
      if (diagonal > value) {
        value = diagonal;
        direction = 1;
      }
      if (up > value) {
        value = up;
        direction = 2;
      }
      if (leftValue > value) {
        value = leftValue;
        direction = 3;
      }
      const cell = here + j;
      score[cell] = value;
      move[cell] = direction;
      if (value > best) {
        best = value;
        bestCell = cell;
      }
      left = value;
      diagonalScore = upScore;
    }
  }
  if (bestCell < 0) return undefined;
  const matchedA: number[] = [];
  const matchedB: number[] = [];
  let i = Math.floor(bestCell / width);
  let j = bestCell % width;
  let firstA = i;
  let firstB = j;
  const lastA = i;
  const lastB = j;
  while (i > 0 && j > 0 && score[i * width + j]! > 0) {
    const direction = move[i * width + j];
    firstA = i;
    firstB = j;
    if (direction === 1) {
      if (idsA[i - 1] === idsB[j - 1]) {
        matchedA.push(positionsA[i - 1]!);
        matchedB.push(positionsB[j - 1]!);
      }
      i--;
      j--;
    } else if (direction === 2) i--;
    else j--;
  }
  matchedA.reverse();
  matchedB.reverse();
  if (matchedA.length === 0) return undefined;
  return {
    matchedA,
    matchedB,
    regionA: [positionsA[firstA - 1]!, positionsA[lastA - 1]! + 1],
    regionB: [positionsB[firstB - 1]!, positionsB[lastB - 1]! + 1],
  };
}

/** Whether two token sequences are the same, with every weight positive (so a full match beats every other path). */
function sameTokens(idsA: readonly number[], weightA: readonly number[], idsB: readonly number[]): boolean {
  if (idsA.length !== idsB.length) return false;
  for (let index = 0; index < idsA.length; index++) if (idsA[index] !== idsB[index] || !(weightA[index]! > 0)) return false;
  return true;
}

/** The sentence and the quotations in it, as token ranges. */
function unitsOf(sentence: Sentence): Span[] {
  return [sentence, ...sentence.quotes];
}

/**
 * Best coverage over the units (sentence or quotation) of one side: the share
 * of a unit's weight that is matched, counting only units with at least
 * `minMatched` matched tokens in them.
 */
function bestCoverage(
  units: readonly Span[],
  matched: readonly number[],
  weightOf: (token: number) => number,
  minMatched: number,
): { coverage: number; unit: Span | undefined } {
  let coverage = 0;
  let best: Span | undefined;
  for (const unit of units) {
    let inside = 0;
    let matchedWeight = 0;
    for (const token of matched) {
      if (token >= unit.from && token < unit.to) {
        inside++;
        matchedWeight += weightOf(token);
      }
    }
    if (inside < minMatched) continue;
    let total = 0;
    for (let token = unit.from; token < unit.to; token++) total += weightOf(token);
    const share = total > 0 ? matchedWeight / total : 0;
    if (share > coverage) {
      coverage = share;
      best = unit;
    }
  }
  return { coverage, unit: best };
}

export function detectRelations(
  statements: readonly RelationInput[],
  options: RelationOptions = {},
): { relations: Relation[]; stats: RelationStats } {
  const settings: Required<RelationOptions> = { ...DEFAULT_RELATION_OPTIONS, ...options };
  const seen = new Set<string>();
  for (const statement of statements) {
    if (seen.has(statement.id)) throw new Error(`detectRelations: statement id \`${statement.id}\` is given twice`);
    seen.add(statement.id);
  }

  // 1. Words, stems, sentences.
  const vocabulary = new Vocabulary();
  const prepared: Prepared[] = statements.map((input) => {
    const analysed = analyse(input.text, vocabulary);
    return { input, analysed, words: analysed.words, stems: analysed.stems };
  });

  // 2. Rarity of each stem: in how many statements it occurs.
  const stemStatements = new Int32Array(vocabulary.stemCount);
  const lastStatement = new Int32Array(vocabulary.stemCount).fill(-1);
  prepared.forEach((statement, index) => {
    for (const stem of statement.stems) {
      if (stem >= 0 && lastStatement[stem] !== index) {
        lastStatement[stem] = index;
        stemStatements[stem]!++;
      }
    }
  });
  const corpus = prepared.length + settings.idfPrior;
  const stemWeight = Float64Array.from(stemStatements, (count) => Math.max(0.05, Math.log(corpus / (count + 1))));
  const context: Context = { settings, stemWeight };

  // 3. The indexes: shingles, and pairs of content stems at most two apart.
  const sentenceList: Sentence[] = [];
  const ownerList: number[] = [];
  prepared.forEach((statement, index) => {
    for (const sentence of statement.analysed.sentences) {
      sentenceList.push(sentence);
      ownerList.push(index);
    }
  });
  const sentenceCount = sentenceList.length;
  const owner = new Int32Array(ownerList);
  const k = settings.shingleSize;
  const shingles = buildIndex(sentenceCount, owner, settings.maxKeyStatements, (sentence, add) => {
    const { words } = prepared[owner[sentence]!]!;
    const { from, to } = sentenceList[sentence]!;
    for (let start = from; start + k <= to; start++) {
      let high = 0x811c9dc5;
      let low = 0x2545f491;
      for (let index = start; index < start + k; index++) {
        high = Math.imul(high ^ words[index]!, 0x01000193);
        low = Math.imul((low ^ words[index]!) + 0x9e3779b9, 0x85ebca6b);
        low ^= low >>> 15;
      }
      add(high, low);
    }
  });
  const stemPairs = buildIndex(sentenceCount, owner, settings.maxKeyStatements, (sentence, add) => {
    const { stems } = prepared[owner[sentence]!]!;
    const { from, to } = sentenceList[sentence]!;
    let previous = -1;
    let beforePrevious = -1;
    for (let index = from; index < to; index++) {
      const stem = stems[index]!;
      if (stem < 0) continue;
      for (const other of [previous, beforePrevious]) {
        if (other >= 0 && other !== stem) add(Math.min(stem, other), Math.max(stem, other));
      }
      beforePrevious = previous;
      previous = stem;
    }
  });

  // 4. Candidates, sentence by sentence: later sentences of other statements that
  //    share a shingle or enough stem pairs with it. Each is verified at once.
  // A shared stem pair counts 1 if it is in two statements only, less the more statements have it, 0 at the cap.
  const pairWeight = Float64Array.from(stemPairs.statements, (count) =>
    count >= 2 && count <= settings.maxKeyStatements ? Math.log(settings.maxKeyStatements / count) / Math.log(settings.maxKeyStatements / 2) : 0,
  );
  const sharedPairs = new Float64Array(sentenceCount);
  const sharedShingles = new Int32Array(sentenceCount);
  const touched: number[] = [];
  const chosen: number[] = [];
  const priority = new Map<number, number>();
  const nested = new Map<number, boolean>();
  const best = new Map<number, Found & { first: number; second: number }>();
  let candidatePairs = 0;
  let comparisons = 0;
  let visits = 0;

  const collect = (index: KeyIndex, sentence: number, onShared: (other: number, key: number) => void) => {
    const sentenceOwner = owner[sentence];
    for (let position = index.keysStart[sentence]!; position < index.keysStart[sentence + 1]!; position++) {
      const key = index.keys[position]!;
      // Postings are in sentence order: walk back from the end while they are later than `sentence`.
      for (let posting = index.postingsStart[key + 1]! - 1; posting >= index.postingsStart[key]!; posting--) {
        const other = index.postings[posting]!;
        if (other <= sentence) break;
        visits++;
        if (owner[other] !== sentenceOwner) onShared(other, key);
      }
    }
  };
  const touch = (other: number) => {
    if (sharedShingles[other] === 0 && sharedPairs[other] === 0) touched.push(other);
  };

  for (let sentence = 0; sentence < sentenceCount; sentence++) {
    collect(shingles, sentence, (other) => {
      touch(other);
      sharedShingles[other]!++;
    });
    collect(stemPairs, sentence, (other, key) => {
      touch(other);
      sharedPairs[other]! += pairWeight[key]!;
    });
    for (const other of touched) {
      if (sharedShingles[other]! >= settings.minSharedShingles || sharedPairs[other]! >= settings.minSharedStemPairs) {
        const choice = other * 2 + (sharedShingles[other]! > 0 ? 1 : 0);
        chosen.push(choice);
        priority.set(choice, sharedShingles[other]! * 1000 + sharedPairs[other]!);
      }
      sharedShingles[other] = 0;
      sharedPairs[other] = 0;
    }
    touched.length = 0;
    if (chosen.length > settings.maxCandidatesPerSentence) {
      chosen.sort((x, y) => priority.get(y)! - priority.get(x)! || x - y);
      chosen.length = settings.maxCandidatesPerSentence;
    }
    priority.clear();
    chosen.sort((x, y) => x - y);
    for (const choice of chosen) {
      const other = choice >> 1;
      const hasShingle = (choice & 1) === 1;
      candidatePairs++;

      const first = owner[sentence]!;
      const second = owner[other]!;
      const statementA = prepared[first]!;
      const statementB = prepared[second]!;
      const pair = first * prepared.length + second;
      if (statementA.input.document === statementB.input.document) {
        let inside = nested.get(pair);
        if (inside === undefined) {
          const a = bare(statementA.input.text);
          const b = bare(statementB.input.text);
          inside = a.includes(b) || b.includes(a);
          nested.set(pair, inside);
        }
        if (inside) continue;
      }
      const current = best.get(pair);
      if (current?.kind === 'verbatim' && (!hasShingle || current.score === 1)) continue;

      let found: Found | undefined;
      if (hasShingle) {
        comparisons++;
        found = verbatim(statementA, sentenceList[sentence]!, statementB, sentenceList[other]!, context);
      }
      if (!found && !(current?.kind === 'translation' && current.score === 1)) {
        comparisons++;
        found = translationOrParaphrase(statementA, sentenceList[sentence]!, statementB, sentenceList[other]!, context);
      }
      if (!found) continue;
      if (!current || KIND_RANK[found.kind] > KIND_RANK[current.kind] || (found.kind === current.kind && found.score > current.score)) {
        best.set(pair, { ...found, first, second });
      }
    }
    chosen.length = 0;
  }

  // 5. Relations, one per statement pair, a < b, sorted.
  const relations: Relation[] = [];
  for (const found of best.values()) {
    let statementA = prepared[found.first]!;
    let statementB = prepared[found.second]!;
    let rangeA = found.rangeA;
    let rangeB = found.rangeB;
    if (found.kind === 'verbatim') [rangeA, rangeB] = extendRun(statementA, rangeA, statementB, rangeB);
    if (statementB.input.id < statementA.input.id) {
      [statementA, statementB] = [statementB, statementA];
      [rangeA, rangeB] = [rangeB, rangeA];
    }
    relations.push({
      a: statementA.input.id,
      b: statementB.input.id,
      kind: found.kind,
      score: round3(found.score),
      passageA: passageOf(statementA, rangeA),
      passageB: passageOf(statementB, rangeB),
      origin: 'detected',
    });
  }
  relations.sort(compareRelations);

  return {
    relations,
    stats: {
      statements: prepared.length,
      sentences: sentenceCount,
      candidatePairs,
      comparisons,
      droppedKeys: shingles.dropped + stemPairs.dropped,
      postingsVisited: visits,
      relations: relations.length,
    },
  };
}

export function compareRelations(x: Relation, y: Relation): number {
  return x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0;
}

/** A statement's text for the "one is inside the other" test: spaces collapsed, outer quotes and end punctuation off. */
function bare(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^["“‘'\s]+|["”’'\s.,;:!?]+$/g, '');
}

interface Context {
  settings: Required<RelationOptions>;
  /** Rarity weight of each stem id. */
  stemWeight: Float64Array;
}

function verbatim(a: Prepared, sentenceA: Sentence, b: Prepared, sentenceB: Sentence, { settings }: Context): Found | undefined {
  const positionsA = range(sentenceA.from, sentenceA.to);
  const positionsB = range(sentenceB.from, sentenceB.to);
  const ones = (length: number) => new Array<number>(length).fill(1);
  const alignment = align(
    positionsA,
    positionsA.map((token) => a.words[token]!),
    ones(positionsA.length),
    positionsB,
    positionsB.map((token) => b.words[token]!),
    ones(positionsB.length),
    2,
  );
  if (!alignment || alignment.matchedA.length < settings.minVerbatimWords) return undefined;
  const matches = alignment.matchedA.length;
  const identity = matches / Math.max(alignment.regionA[1] - alignment.regionA[0], alignment.regionB[1] - alignment.regionB[0]);
  if (identity < settings.verbatimIdentity) return undefined;
  const one = () => 1;
  const coverage = Math.max(
    bestCoverage(unitsOf(sentenceA), alignment.matchedA, one, settings.minVerbatimWords).coverage,
    bestCoverage(unitsOf(sentenceB), alignment.matchedB, one, settings.minVerbatimWords).coverage,
  );
  if (coverage < settings.verbatimCoverage) return undefined;
  return { kind: 'verbatim', score: coverage * identity, rangeA: alignment.regionA, rangeB: alignment.regionB };
}

function translationOrParaphrase(
  a: Prepared,
  sentenceA: Sentence,
  b: Prepared,
  sentenceB: Sentence,
  { settings, stemWeight }: Context,
): Found | undefined {
  // Two renderings of one utterance have its speaker; the same formula in two mouths is not a relation.
  if (!shareSpeaker(a.input, b.input)) return undefined;
  const contentA = range(sentenceA.from, sentenceA.to).filter((token) => a.stems[token]! >= 0);
  const contentB = range(sentenceB.from, sentenceB.to).filter((token) => b.stems[token]! >= 0);
  const idsA = contentA.map((token) => a.stems[token]!);
  const idsB = contentB.map((token) => b.stems[token]!);
  const alignment = align(
    contentA,
    idsA,
    idsA.map((id) => stemWeight[id]!),
    contentB,
    idsB,
    idsB.map((id) => stemWeight[id]!),
    0.5,
  );
  const matchedCount = alignment?.matchedA.length ?? 0;
  if (!alignment || matchedCount < Math.min(settings.minTranslationStems, settings.minParaphraseStems)) return undefined;
  if (!reworded(a, alignment.regionA, b, alignment.regionB, settings.verbatimIdentity)) return undefined;

  const weightOfA = (token: number) => (a.stems[token]! >= 0 ? stemWeight[a.stems[token]!]! : 0);
  const weightOfB = (token: number) => (b.stems[token]! >= 0 ? stemWeight[b.stems[token]!]! : 0);
  const sum = ([from, to]: [number, number], weightOf: (token: number) => number) => {
    let total = 0;
    for (let token = from; token < to; token++) total += weightOf(token);
    return total;
  };
  const matched = alignment.matchedA.reduce((total, token) => total + weightOfA(token), 0);
  const windowA = sum(alignment.regionA, weightOfA);
  const windowB = sum(alignment.regionB, weightOfB);
  const dice = (2 * matched) / (windowA + windowB);
  const balance = Math.min(windowA, windowB) / Math.max(windowA, windowB);
  const minMatched = Math.min(settings.minTranslationStems, settings.minParaphraseStems);
  const coverA = bestCoverage(unitsOf(sentenceA), alignment.matchedA, weightOfA, minMatched);
  const coverB = bestCoverage(unitsOf(sentenceB), alignment.matchedB, weightOfB, minMatched);
  const coverage = Math.max(coverA.coverage, coverB.coverage);

  let kind: RelationKind | undefined;
  if (
    matchedCount >= settings.minTranslationStems &&
    dice >= settings.translationDice &&
    coverage >= settings.translationCoverage &&
    balance >= settings.translationBalance
  ) {
    kind = 'translation';
  } else if (
    matchedCount >= settings.minParaphraseStems &&
    dice >= settings.paraphraseDice &&
    coverage >= settings.paraphraseCoverage &&
    balance >= settings.paraphraseBalance
  ) {
    kind = 'paraphrase';
  }
  if (!kind) return undefined;
  return {
    kind,
    score: Math.sqrt(dice * coverage),
    rangeA: kind === 'paraphrase' ? [sentenceA.from, sentenceA.to] : passageRange(alignment.regionA, coverA.unit, weightOfA),
    rangeB: kind === 'paraphrase' ? [sentenceB.from, sentenceB.to] : passageRange(alignment.regionB, coverB.unit, weightOfB),
  };
}

/** Whether the statements have a speaker in common, or one of them is unattributed. */
function shareSpeaker(a: RelationInput, b: RelationInput): boolean {
  return a.speakers.length === 0 || b.speakers.length === 0 || a.speakers.some((speaker) => b.speakers.includes(speaker));
}

/**
 * Whether two aligned regions differ in wording: fewer than `verbatimIdentity`
 * of their words in common, in order. Nearly identical wording is a verbatim
 * phrase, already judged (and found too small for a quote) by the verbatim test.
 */
function reworded(a: Prepared, [fromA, toA]: [number, number], b: Prepared, [fromB, toB]: [number, number], identity: number): boolean {
  const lengthA = toA - fromA;
  const lengthB = toB - fromB;
  // Longest common subsequence of the words, one row at a time.
  let previous = new Int32Array(lengthB + 1);
  let current = new Int32Array(lengthB + 1);
  for (let i = 1; i <= lengthA; i++) {
    const word = a.words[fromA + i - 1];
    for (let j = 1; j <= lengthB; j++) {
      current[j] = word === b.words[fromB + j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, current[j - 1]!);
    }
    [previous, current] = [current, previous];
  }
  return previous[lengthB]! / Math.max(lengthA, lengthB) < identity;
}

/** The unit (sentence or quotation) when the match covers at least half of it, else the aligned region. */
function passageRange(region: [number, number], unit: Span | undefined, weightOf: (token: number) => number): [number, number] {
  if (!unit) return region;
  let inside = 0;
  let total = 0;
  for (let token = unit.from; token < unit.to; token++) {
    total += weightOf(token);
    if (token >= region[0] && token < region[1]) inside += weightOf(token);
  }
  return total > 0 && inside / total >= 0.5 ? [Math.min(unit.from, region[0]), Math.max(unit.to, region[1])] : region;
}

/** Extends a verbatim run over identical words on both sides, across sentence ends. */
function extendRun(a: Prepared, rangeA: [number, number], b: Prepared, rangeB: [number, number]): [[number, number], [number, number]] {
  let [startA, endA] = rangeA;
  let [startB, endB] = rangeB;
  while (startA > 0 && startB > 0 && a.words[startA - 1] === b.words[startB - 1]) {
    startA--;
    startB--;
  }
  while (endA < a.words.length && endB < b.words.length && a.words[endA] === b.words[endB]) {
    endA++;
    endB++;
  }
  return [
    [startA, endA],
    [startB, endB],
  ];
}

function passageOf(statement: Prepared, [from, to]: [number, number]): Passage {
  const { starts, ends } = statement.analysed;
  const text = statement.input.text;
  const start = starts[from]!;
  let end = ends[to - 1]!;
  if (/[.!?]/.test(text[end] ?? '')) end++;
  return { start, end, text: text.slice(start, end) };
}

function range(from: number, to: number): number[] {
  const values = new Array<number>(to - from);
  for (let index = from; index < to; index++) values[index - from] = index;
  return values;
}

/** For each statement id, the ids related to it (both directions), sorted. */
export function relatedIds(relations: readonly Relation[]): Map<string, string[]> {
  const related = new Map<string, Set<string>>();
  const link = (from: string, to: string) => {
    let set = related.get(from);
    if (!set) related.set(from, (set = new Set()));
    set.add(to);
  };
  for (const relation of relations) {
    link(relation.a, relation.b);
    link(relation.b, relation.a);
  }
  return new Map([...related].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)).map(([id, set]) => [id, [...set].sort()]));
}
