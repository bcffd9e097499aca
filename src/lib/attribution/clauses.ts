/**
 * Reported-speech clauses: who a sentence says is speaking. A clause is a
 * speech verb with a subject that resolves to registry speakers:
 *   "Wang Yi said, …"            "the two ministers expressed …"
 *   "“…,” Lavrov told …"         "spokesperson Hua Chunying said, “…”"
 *   "As Kuhrt and Kaczmarski highlight, …"   "…,” writes … Dmitri Trenin"
 *   "according to the Chinese Foreign Ministry, “…”"
 * Subjects it cannot resolve ("the two" with no antecedent, "Chinese
 * analysts", "The MoU") make the clause unresolved: never a guess.
 */
import type { SpeakerIndex } from './speaker-index.ts';

export const SPEECH_VERBS = [
  'said', 'says', 'say', 'told', 'tells', 'added', 'adds', 'stressed', 'stresses', 'noted', 'notes', 'stated', 'states',
  'emphasized', 'emphasised', 'emphasizes', 'underlined', 'pointed out', 'expressed', 'voiced', 'agreed', 'agree',
  'believe', 'believes', 'believed', 'urged', 'urging', 'urges', 'called for', 'called on', 'calls on', 'call on',
  'reiterated', 'reaffirmed', 'highlighted', 'highlight', 'highlights', 'remarked', 'commented', 'replied',
  'answered', 'asked', 'applauded', 'spoke highly', 'shared his views', 'shared her views', 'shared their views',
  'criticized', 'criticised', 'rejected', 'opposed', 'hope', 'hoped', 'hopes', 'welcomed', 'attached importance',
  'warned', 'insisted', 'argued', 'writes', 'wrote', 'announced', 'declared', 'explained', 'affirmed',
  'acknowledged', 'condemned', 'denied', 'emphasized',
] as const;

const VERB_PATTERN = new RegExp(
  `(?<![\\p{L}])(?:${[...new Set(SPEECH_VERBS)].sort((a, b) => b.length - a.length).join('|')})(?![\\p{L}])`,
  'gu',
);

/** Words that may stand between a subject and its verb ("Lavrov also said", "what Lavrov had said"). */
const AUXILIARY = /(?:\s+(?:also|further|then|again|once again|both|all|had|has|have|would|will|repeatedly|firmly|strongly|later|earlier))+\s*$/u;

/** Title words that may precede a name: "spokesperson Hua Chunying", "Carnegie Moscow Center Director Dmitri Trenin". */
const TITLE_WORDS = /^(?:(?:[A-Z][\p{L}.'’-]*|spokesperson|spokeswoman|spokesman|minister|foreign|president|director|councilor|the)\s+)*$/u;

const PARTY_GROUP = /^(?:the|both|The|Both)\s+(?:two\s+)?(?:sides|ministers|foreign ministers|Foreign Ministers|parties|countries' foreign ministers)$/u;
const JOINT_STATEMENT = /^(?:their|the|Their|The)\s+joint statement$/u;
const BARE_TWO = /^(?:the|The)\s+two$/u;
const THEY = /^(?:they|They)$/u;
const PRONOUN = /^(?:he|He|she|She)$/u;
const DOCUMENT_NOUN = /^(?:report|statement|press release|readout|comments?|spokesperson)\b/u;

export interface ClauseContext {
  index: SpeakerIndex;
  /** The two sides of the meeting reported; empty if unknown. */
  parties: readonly string[];
  /** Whether "the two" / "they" currently refer to the parties (set by an explicit party subject earlier in the paragraph). */
  partiesInFocus: boolean;
  /** The most recent attributed person for each pronoun. */
  lastByPronoun: ReadonlyMap<'he' | 'she', string>;
}

export interface Clause {
  /** Speaker ids, or undefined when the subject could not be resolved. */
  speakers: string[] | undefined;
  /** Offset of the verb in the sentence. */
  verbAt: number;
  /** What resolved the subject, for the build summary and tests. */
  rule: ClauseRule;
  /** True when the subject named the parties explicitly ("the two sides"), which puts them in focus. */
  namesParties: boolean;
}

export type ClauseRule =
  | 'named-subject'
  | 'pronoun-subject'
  | 'party-subject'
  | 'possessive-subject'
  | 'inverted-subject'
  | 'as-clause'
  | 'according-to'
  | 'unresolved';

/** Resolves a subject noun phrase to speakers, or undefined. */
export function resolveSubject(subject: string, context: ClauseContext): { speakers: string[]; rule: ClauseRule; namesParties: boolean } | undefined {
  const phrase = subject.replace(/^(?:As|as|that|That|and|And|(?:Here(?:’s|'s| is)\s+)?what)\s+/u, '').trim();
  if (phrase === '') return undefined;
  const parties = context.parties.length > 0 ? [...context.parties] : undefined;
  if (PARTY_GROUP.test(phrase) || JOINT_STATEMENT.test(phrase)) {
    return parties ? { speakers: parties, rule: 'party-subject', namesParties: true } : undefined;
  }
  if (BARE_TWO.test(phrase) || THEY.test(phrase)) {
    return parties && context.partiesInFocus ? { speakers: parties, rule: 'party-subject', namesParties: false } : undefined;
  }
  if (PRONOUN.test(phrase)) {
    const person = context.lastByPronoun.get(phrase.toLowerCase() as 'he' | 'she');
    return person ? { speakers: [person], rule: 'pronoun-subject', namesParties: false } : undefined;
  }
  const mentions = context.index.mentions(phrase);
  if (mentions.length === 0) return undefined;
  // "Xinhua’s report of the talks so far": the possessor of a document noun speaks.
  const first = mentions[0]!;
  const afterFirst = phrase.slice(first.end);
  const possessive = /^(?:'s|’s|')\s+(.*)$/u.exec(afterFirst);
  if (possessive && TITLE_WORDS.test(phrase.slice(0, first.start)) && DOCUMENT_NOUN.test(possessive[1] ?? '')) {
    return { speakers: [first.speakerId], rule: 'possessive-subject', namesParties: false };
  }
  // "Natasha Kuhrt and Marcin Kaczmarski", "Wang Yi": names, titles before them, joined by "and" or commas.
  let rest = phrase;
  const speakers: string[] = [];
  let cursor = 0;
  for (const mention of mentions) {
    const between = rest.slice(cursor, mention.start);
    const allowed = speakers.length === 0 ? TITLE_WORDS.test(between) : /^\s*(?:,|and|,\s*and)\s*(?:[A-Z][\p{L}.'’-]*\s+)*$/u.test(between);
    if (!allowed) return undefined;
    if (!speakers.includes(mention.speakerId)) speakers.push(mention.speakerId);
    cursor = mention.end;
  }
  rest = rest.slice(cursor).trim();
  if (rest !== '') return undefined;
  return { speakers, rule: 'named-subject', namesParties: false };
}

const BOUNDARY_BEFORE = /[,;:”"]\s*|\(\s*/gu;

/** The subject text that directly precedes a verb at `verbAt` in `masked`. */
function subjectBefore(masked: string, verbAt: number): string {
  let before = masked.slice(0, verbAt).replace(AUXILIARY, ' ');
  // Drop one parenthetical between commas first: "The two sides, both under … violations, called for".
  const appositive = /^(.*\S),\s[^,]+,\s*$/u.exec(before);
  const candidates = appositive ? [`${appositive[1]} `, before] : [before];
  for (const candidate of candidates) {
    before = candidate;
    // "That said, added pressure …": nothing stands between the last comma and the verb.
    if (candidate === candidates.at(-1) && /[,;:]\s*$/u.test(candidate)) return '';
    let cut = 0;
    for (const match of before.matchAll(BOUNDARY_BEFORE)) {
      if (match.index + match[0].length < before.length) cut = match.index + match[0].length;
    }
    const subject = before.slice(cut).trim();
    if (subject !== '' && subject.split(/\s+/u).length <= 9) return subject;
  }
  return before.trim();
}

/**
 * Finds the reported-speech clause of a sentence. `masked` is the sentence
 * with quotation contents masked (so verbs inside quotes are not read).
 */
export function findClause(masked: string, context: ClauseContext): Clause | undefined {
  // "according to X, …"
  const according = /\baccording to ([^,]+),/u.exec(masked);
  let unresolved: Clause | undefined;
  for (const match of masked.matchAll(VERB_PATTERN)) {
    const verbAt = match.index;
    // "That said," opens a sentence; it is not speech.
    if (/^\s*That\s*$/u.test(masked.slice(0, verbAt)) && masked[verbAt + match[0].length] === ',') continue;
    const subject = subjectBefore(masked, verbAt);
    // No subject at all ("That said, added pressure …"): the word is not a speech verb here.
    if (subject === '' || /^[,;:]?$/u.test(subject)) continue;
    const resolved = resolveSubject(subject, context);
    if (resolved) return { ...resolved, verbAt };
    // Coordinated verbs: "the two ministers discussed … and, according to …, criticized": the clause's subject.
    const clauseStart = masked.slice(0, verbAt).lastIndexOf(', ') + 2;
    const leading = /^(?:[^,]*?,\s)?((?:the|both|The|Both)\s+(?:two\s+)?(?:sides|ministers|foreign ministers))\s+\p{L}+/u.exec(masked.slice(0, verbAt));
    if (leading && clauseStart >= 0) {
      const coordinated = resolveSubject(leading[1] ?? '', context);
      if (coordinated) return { ...coordinated, verbAt };
    }
    // Inverted after a quotation: "…,” writes Carnegie Moscow Center Director Dmitri Trenin in an op-ed".
    if (/[”"],?\s*$/u.test(masked.slice(0, verbAt))) {
      const after = masked.slice(verbAt + match[0].length);
      const name = /^\s+((?:[A-Z][\p{L}.'’-]*\s+)*?[A-Z][\p{L}'’-]*(?:\s+[A-Z][\p{L}'’-]*)*)/u.exec(after);
      const mentions = name ? context.index.mentions(name[1] ?? '') : [];
      const last = mentions.at(-1);
      if (last && name && last.end === (name[1] ?? '').length) {
        return { speakers: [last.speakerId], verbAt, rule: 'inverted-subject', namesParties: false };
      }
    }
    unresolved ??= { speakers: undefined, verbAt, rule: 'unresolved', namesParties: false };
  }
  if (according) {
    const source = according[1] ?? '';
    const mentions = context.index.mentions(source);
    const only = mentions.length === 1 ? mentions[0] : undefined;
    // The words attributed follow the comma: that is where a framing quotation starts.
    const verbAt = according.index + according[0].length;
    if (only) return { speakers: [only.speakerId], verbAt, rule: 'according-to', namesParties: false };
    return { speakers: undefined, verbAt: according.index, rule: 'unresolved', namesParties: false };
  }
  return unresolved;
}
