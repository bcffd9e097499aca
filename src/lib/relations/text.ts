/**
 * Text analysis for the relation stage: words with their character offsets,
 * their normalised form (for verbatim comparison), their stem (for
 * translations and paraphrases), and the passages a statement splits into
 * (sentences, and quotations inside a sentence). Pure functions; a
 * `Vocabulary` is the cache of one run, so that each distinct word is analysed once.
 */

export interface Token {
  /** Offsets of the word in the statement's text. */
  start: number;
  end: number;
  /**
   * The word as compared for verbatim matches: lowercase, straight
   * apostrophes, no hyphens, American spelling, `U.S.`/`US`/`USA` → `usa`.
   */
  norm: string;
  /** The stem of a content word; `undefined` for a function word ("the", "of", "should"). */
  stem: string | undefined;
}

export interface Span {
  /** Character offsets in the statement's text. */
  start: number;
  end: number;
  /** Token indices: tokens `from` .. `to - 1` lie in the span. */
  from: number;
  to: number;
}

export interface Sentence extends Span {
  /** Quotations inside the sentence (shorter than it), as token ranges. */
  quotes: Span[];
}

/** A statement's words as parallel arrays (a corpus has millions), and its sentences. */
export interface AnalysedText {
  /** Character offsets of each word. */
  starts: Int32Array;
  ends: Int32Array;
  /** Id of each word's normalised form in the `Vocabulary`. */
  words: Int32Array;
  /** Id of each word's stem in the `Vocabulary`; -1 for a function word. */
  stems: Int32Array;
  sentences: Sentence[];
}

// Abbreviations written with dots (U.S., U.N., i.e.) or a word with inner apostrophes and hyphens.
const WORD = /\p{L}\.(?:\p{L}\.)+|[\p{L}\p{N}]+(?:['’‘\-‐‑][\p{L}\p{N}]+)*/gu;
const HYPHENS = /[-‐‑]/g;
const US = /^(?:U\.S\.(?:A\.)?|US|USA)$/;

/** Words that carry no content of their own. Negations are kept: they change what is said. */
const STOPWORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between both
   but by can could did do does doing down during each either even ever every few for from further had has have having
   he her here hers herself him himself his how i if in into is it its itself just may me might more most much must my
   myself now of off on once only or other others our ours ourselves out over own same shall she should so some such
   than that the their theirs them themselves then there these they this those through to too under until up upon very
   was we were what when where which while who whom whose why will with within would you your yours yourself
   yourselves us let lets it's that's there's we're we've i'm i've they're whether though although however thus
   said say says saying`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * British spellings that are not covered by the `-ise` rule, mapped to the
 * American ones (the texts come from both sides of the Atlantic).
 */
const SPELLING: Record<string, string> = {
  centre: 'center', centres: 'centers', centred: 'centered', centring: 'centering',
  theatre: 'theater', theatres: 'theaters', metre: 'meter', metres: 'meters', litre: 'liter', litres: 'liters',
  fibre: 'fiber', calibre: 'caliber', spectre: 'specter', sombre: 'somber', lustre: 'luster', meagre: 'meager',
  defence: 'defense', offence: 'offense', licence: 'license', pretence: 'pretense',
  programme: 'program', programmes: 'programs', catalogue: 'catalog', analyse: 'analyze', analysed: 'analyzed',
  analysing: 'analyzing', paralyse: 'paralyze', paralysed: 'paralyzed', ageing: 'aging', judgement: 'judgment',
  acknowledgement: 'acknowledgment', fulfil: 'fulfill', fulfils: 'fulfills', fulfilment: 'fulfillment',
  enrol: 'enroll', skilful: 'skillful', wilful: 'willful', manoeuvre: 'maneuver', manoeuvres: 'maneuvers',
  travelled: 'traveled', travelling: 'traveling', labelled: 'labeled', labelling: 'labeling', cancelled: 'canceled',
  cancelling: 'canceling', modelling: 'modeling', modelled: 'modeled', fuelled: 'fueled', fuelling: 'fueling',
  signalled: 'signaled', signalling: 'signaling', channelled: 'channeled', levelled: 'leveled', counsellor: 'counselor',
  counsellors: 'counselors', towards: 'toward', amongst: 'among', whilst: 'while',
  grey: 'gray', tyre: 'tire', tyres: 'tires', kerb: 'curb', plough: 'plow', sceptical: 'skeptical', sceptic: 'skeptic',
};

/** British `-our` words; the `our` becomes `or` whatever follows (honourable, neighbourhood). */
const OUR_WORDS = [
  'ardour', 'armour', 'behaviour', 'candour', 'clamour', 'colour', 'demeanour', 'endeavour', 'favour', 'fervour',
  'flavour', 'harbour', 'honour', 'humour', 'labour', 'neighbour', 'odour', 'parlour', 'rigour', 'rumour', 'saviour',
  'savour', 'splendour', 'tumour', 'valour', 'vigour',
];

/** Words spelled `-ise` in American English too: the `-ise` → `-ize` rule leaves them alone. */
const ISE_WORDS = new Set(
  `advertise advise apprise arise chastise circumcise comprise compromise concise demise despise devise disguise
   enterprise excise exercise expertise franchise guise improvise incise likewise merchandise otherwise paradise poise
   praise precise premise promise raise reprise revise rise supervise surmise surprise televise treatise wise
   clockwise noise cruise bruise liaise mortise tortoise porpoise turquoise valise anise`.split(/\s+/).filter(Boolean),
);
const ISE = /^(\p{L}{3,})is(e|es|ed|ing|ation|ations|ational|er|ers)$/u;

/** Applies American spelling to one lowercase word. */
export function americanSpelling(word: string): string {
  const mapped = SPELLING[word];
  if (mapped !== undefined) return mapped;
  const ise = ISE.exec(word);
  if (ise && !ISE_WORDS.has(`${ise[1]}ise`) && !ise[1]!.endsWith('w')) return `${ise[1]}iz${ise[2]}`;
  for (const british of OUR_WORDS) {
    if (word.startsWith(british)) return `${british.slice(0, -3)}or${word.slice(british.length)}`;
  }
  return word;
}

/** Irregular forms the suffix rules cannot reach. */
const IRREGULAR: Record<string, string> = {
  truly: 'true', wholly: 'whole', duly: 'due', men: 'man', women: 'woman', children: 'child', people: 'people',
  peoples: 'people', countries: 'country', allies: 'ally', policies: 'policy', economies: 'economy',
};

// Derivational endings, longest first, with what replaces them. Applied once, when at least 4 letters remain.
const DERIVATIONAL: [string, string][] = [
  ['ization', 'ize'], ['ational', 'ate'], ['fulness', 'ful'], ['ousness', 'ous'], ['iveness', 'ive'],
  ['ation', 'ate'], ['ness', ''], ['ism', ''], ['ity', ''], ['ence', ''], ['ance', ''], ['ly', ''],
];

function hasVowel(text: string): boolean {
  return /[aeiouy]/.test(text);
}

function undouble(stem: string): string {
  const last = stem.at(-1);
  if (last && stem.at(-2) === last && !'lsz'.includes(last) && !hasVowel(last)) return stem.slice(0, -1);
  return stem;
}

/**
 * A light stemmer: plural and verb endings, then one derivational ending,
 * then a final `e` or `y`. It conflates what a translation changes
 * (interference/interfering, openness/open, equality/equal, truly/true) and
 * keeps apart what it should (internal/international, state/statement).
 */
export function stem(word: string): string {
  let w = IRREGULAR[word] ?? word;
  w = w.replace(/'s$/, '').replace(/'$/, '').replace(/'/g, '');
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ied') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('ed') && w.length > 4 && hasVowel(w.slice(0, -2))) w = undouble(w.slice(0, -2));
  else if (w.endsWith('ing') && w.length > 5 && hasVowel(w.slice(0, -3))) w = undouble(w.slice(0, -3));
  for (const [suffix, replacement] of DERIVATIONAL) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 4) {
      w = w.slice(0, -suffix.length) + replacement;
      break;
    }
  }
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  else if (w.length > 3 && w.endsWith('y')) w = `${w.slice(0, -1)}i`;
  return w;
}

/** The normalised form of one word as it appears in the text. */
export function normaliseWord(raw: string): string {
  if (US.test(raw)) return 'usa';
  let word = raw.toLowerCase().replace(/[’‘]/g, "'").replace(HYPHENS, '');
  if (word.includes('.')) word = word.replace(/\./g, '');
  const apostrophe = word.indexOf("'");
  if (apostrophe > 0) return americanSpelling(word.slice(0, apostrophe)) + word.slice(apostrophe);
  return americanSpelling(word);
}

interface WordForm {
  normId: number;
  stemId: number;
}

/**
 * The words seen so far, each analysed once: a corpus repeats a few thousand
 * words millions of times. Gives each normalised form and stem a dense id.
 */
export class Vocabulary {
  readonly #forms = new Map<string, WordForm>();
  readonly #normIds = new Map<string, number>();
  readonly #stemIds = new Map<string, number>();
  readonly #norms: string[] = [];
  readonly #stems: string[] = [];

  form(raw: string): WordForm {
    let form = this.#forms.get(raw);
    if (!form) {
      const norm = normaliseWord(raw);
      const isContent = !STOPWORDS.has(norm) && (norm.length > 1 || /\d/.test(norm));
      form = { normId: this.normId(norm), stemId: isContent ? this.stemId(stem(norm)) : -1 };
      this.#forms.set(raw, form);
    }
    return form;
  }

  normId(norm: string): number {
    return intern(this.#normIds, this.#norms, norm);
  }

  stemId(value: string): number {
    return intern(this.#stemIds, this.#stems, value);
  }

  norm(id: number): string {
    return this.#norms[id] ?? '';
  }

  stem(id: number): string | undefined {
    return this.#stems[id];
  }

  /** How many distinct stems have ids. */
  get stemCount(): number {
    return this.#stems.length;
  }
}

function intern(ids: Map<string, number>, values: string[], value: string): number {
  let id = ids.get(value);
  if (id === undefined) {
    id = values.length;
    ids.set(value, id);
    values.push(value);
  }
  return id;
}

/** The words of a text, as parallel arrays. */
function scan(text: string, vocabulary: Vocabulary): Omit<AnalysedText, 'sentences'> {
  const starts: number[] = [];
  const ends: number[] = [];
  const words: number[] = [];
  const stems: number[] = [];
  WORD.lastIndex = 0;
  for (let match = WORD.exec(text); match; match = WORD.exec(text)) {
    const raw = match[0];
    const form = vocabulary.form(raw);
    starts.push(match.index);
    ends.push(match.index + raw.length);
    words.push(form.normId);
    stems.push(form.stemId);
  }
  // "United States" is the same content as "US".
  const united = vocabulary.normId('united');
  const states = vocabulary.normId('states');
  const statesPossessive = vocabulary.normId("states'");
  for (let index = 0; index + 1 < words.length; index++) {
    if (words[index] === united && (words[index + 1] === states || words[index + 1] === statesPossessive)) {
      stems[index] = vocabulary.stemId('usa');
      stems[index + 1] = -1;
    }
  }
  return { starts: new Int32Array(starts), ends: new Int32Array(ends), words: new Int32Array(words), stems: new Int32Array(stems) };
}

/** The words of a text with their normalised forms and stems (for reading; `analyse` is the compact form). */
export function tokenize(text: string, vocabulary: Vocabulary = new Vocabulary()): Token[] {
  const { starts, ends, words, stems } = scan(text, vocabulary);
  return Array.from(starts, (start, index) => ({
    start,
    end: ends[index]!,
    norm: vocabulary.norm(words[index]!),
    stem: vocabulary.stem(stems[index]!),
  }));
}

const ABBREVIATIONS = new Set(
  `mr mrs ms dr st no nos jr sr prof gen gov sen rep vs etc inc ltd co corp jan feb mar apr jun jul aug sep sept oct
   nov dec art para fig vol pp op cf approx est dept`.split(/\s+/).filter(Boolean),
);
const CLOSERS = `"'”’»)]`;
/** What follows the end of a sentence: the end of the text, or space and a capital, digit or opening quote. */
const NEXT_SENTENCE = /\s*$|\s+["“‘'(\[]?[\p{Lu}\p{N}]/uy;
const MISSING_SPACE = /\p{Lu}\p{Ll}/uy;

/** Offsets where a sentence ends (just after its final punctuation and closing quotes). */
function sentenceEnds(text: string): number[] {
  const ends: number[] = [];
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (char !== '.' && char !== '!' && char !== '?') continue;
    let end = index + 1;
    while (end < text.length && '.!?'.includes(text[end]!)) end++;
    while (end < text.length && CLOSERS.includes(text[end]!)) end++;
    if (char === '.') {
      const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, index - 12), index))?.[1] ?? '';
      // U.S., i.e., a single initial, Mr., No.: not the end of a sentence.
      if (word.includes('.') || /^\p{L}$/u.test(word) || ABBREVIATIONS.has(word.toLowerCase())) {
        index = end - 1;
        continue;
      }
    }
    NEXT_SENTENCE.lastIndex = end;
    MISSING_SPACE.lastIndex = end;
    // "upper limit.The two countries": a missing space after a full stop.
    const unspaced = end === index + 1 && MISSING_SPACE.test(text) && /\p{Ll}{3}$/u.test(text.slice(Math.max(0, index - 3), index));
    if (end === text.length || NEXT_SENTENCE.test(text) || unspaced) ends.push(end);
    index = end - 1;
  }
  if (ends.at(-1) !== text.length) ends.push(text.length);
  return ends;
}

/** Quotations as character ranges of their inner text: “…”, and "…" paired by position. */
function quotations(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let curly = -1;
  let straight = -1;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '“') curly = index + 1;
    else if (char === '”' && curly >= 0) {
      spans.push([curly, index]);
      curly = -1;
    } else if (char === '"') {
      const before = index === 0 ? ' ' : text[index - 1]!;
      const opening = /[\s(\[—–-]/.test(before);
      if (opening) straight = index + 1;
      else if (straight >= 0) {
        spans.push([straight, index]);
        straight = -1;
      }
    }
  }
  return spans;
}

function tokenRange(starts: Int32Array, ends: Int32Array, start: number, end: number, from = 0): [number, number] {
  let first = from;
  while (first < starts.length && starts[first]! < start) first++;
  let last = first;
  while (last < ends.length && ends[last]! <= end) last++;
  return [first, last];
}

/** Sentences longer than this many words are cut at a clause boundary (the longest in the corpus has 69). */
export const MAX_SENTENCE_WORDS = 100;

/** Splits a statement into words and sentences (with the quotations inside each), keeping character and word offsets. */
export function analyse(text: string, vocabulary: Vocabulary = new Vocabulary()): AnalysedText {
  const words = scan(text, vocabulary);
  const { starts, ends } = words;
  const sentences: Sentence[] = [];
  let start = 0;
  let from = 0;
  for (const end of sentenceEnds(text)) {
    const [first, last] = tokenRange(starts, ends, start, end, from);
    // A run-on "sentence" (a list, text without full stops) is cut into clauses: alignment is quadratic in its length.
    let piece = first;
    while (last - piece > MAX_SENTENCE_WORDS) {
      let cut = piece + MAX_SENTENCE_WORDS;
      for (let word = cut; word > piece + MAX_SENTENCE_WORDS / 2; word--) {
        if (/[,;:—–]/.test(text.slice(ends[word - 1]!, starts[word]!))) {
          cut = word;
          break;
        }
      }
      sentences.push({ start: starts[piece]!, end: ends[cut - 1]!, from: piece, to: cut, quotes: [] });
      piece = cut;
    }
    if (last > piece) sentences.push({ start: starts[piece]!, end, from: piece, to: last, quotes: [] });
    start = end;
    from = last;
  }
  if (text.includes('"') || text.includes('“')) {
    for (const [quoteStart, quoteEnd] of quotations(text)) {
      const sentence = sentences.find((s) => s.start <= quoteStart && quoteEnd <= s.end);
      if (!sentence) continue;
      const [first, last] = tokenRange(starts, ends, quoteStart, quoteEnd, sentence.from);
      if (last > first && last - first < sentence.to - sentence.from) {
        sentence.quotes.push({ start: starts[first]!, end: ends[last - 1]!, from: first, to: last });
      }
    }
  }
  return { ...words, sentences };
}
