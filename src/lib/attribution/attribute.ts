/**
 * Attribution: splits a document's passages into statements and says who
 * speaks each one, by rules over plain text (no unified types here, so the
 * rules can be tested on strings). Where the rules cannot decide, a statement
 * stays unattributed: a wrong attribution is worse than none.
 *
 * Block rules, in order:
 *  1. turn label: `Sergey Lavrov: "…"`, `Question (…): "…"`, `CCTV: "…"` (a question is the questioner's);
 *  2. a paragraph that opens with a quotation continues the current turn, or follows an introduction
 *     ("Here’s what Lavrov had said to Chinese media:"), or belongs to the section's voice:
 *     a heading naming the speaker ("Russian FM Lavrov's Opening Remarks…") or a joint statement's signatories;
 *  3. otherwise sentence rules: reported-speech clauses (clauses.ts), continued by the following sentences
 *     of the paragraph until another speaker's clause; quotations inside a quoted speaker's words that are
 *     introduced by "you" are the addressee's.
 */
import { findClause, type ClauseContext } from './clauses.ts';
import type { SpeakerIndex } from './speaker-index.ts';
import { findQuotes, findSentences, maskQuotes, trimRange, wordCount, type Quote, type Range } from './text-spans.ts';

export interface Block {
  type: 'heading' | 'paragraph';
  /** Heading depth (1–6); 0 for paragraphs. */
  depth: number;
  text: string;
}

export const STATEMENT_KINDS = ['statement', 'question', 'joint-statement'] as const;
export type StatementKind = (typeof STATEMENT_KINDS)[number];

export type AttributionRule =
  | 'turn-label'
  | 'turn-continued'
  | 'introduced-quotation'
  | 'section-voice'
  | 'joint-statement'
  | 'reported-speech'
  | 'reported-speech-continued'
  | 'quotation-of-addressee'
  | 'unattributed-quotation'
  | 'unresolved-speaker'
  | 'override';

export interface StatementSpan {
  block: number;
  /** Character range in the block's text; the whole block when it spans it all. */
  start: number;
  end: number;
  /** Speaker ids; empty when the rules could not decide. */
  speakers: string[];
  kind: StatementKind;
  rule: AttributionRule;
}

export interface AttributionContext {
  index: SpeakerIndex;
  parties: readonly string[];
}

interface Voice {
  speakers: string[];
  kind: StatementKind;
  /** A person's own words (remarks, answers): reported speech inside stays theirs. An organisation's report: its clauses override. */
  firstPerson: boolean;
  rule: AttributionRule;
}

const TURN_LABEL = /^([A-Z][\p{L}.'’ -]{0,60}?)(?:\s*\([^)]*\))?:\s*(?=["“])/u;
const SIGNED = /^\(Signed\)\s+(.+)$/u;
const SIGNED_BY = /\bsigned by (.+?)(?: in | on |[,.:]|$)/u;
const POSSESSIVE_HEADING = /(?:'s|’s|')(?=\s)/u;
const OPENS_WITH_QUOTE = /^["“]/u;
const MIN_QUOTATION_WORDS = 8;

function isPersonVoice(speakers: readonly string[], index: SpeakerIndex): boolean {
  return speakers.every((id) => index.speakers.get(id)?.kind === 'person');
}

/** The section's voice from its heading: a possessive speaker, or a joint statement's signatories. */
function sectionVoice(blocks: readonly Block[], headingAt: number, context: AttributionContext): Voice | undefined {
  const heading = blocks[headingAt]!;
  const sectionEnd = blocks.findIndex((block, at) => at > headingAt && block.type === 'heading' && block.depth <= heading.depth);
  const section = blocks.slice(headingAt + 1, sectionEnd < 0 ? undefined : sectionEnd);
  if (/\bJoint Statement\b/iu.test(heading.text)) {
    const signatories: string[] = [];
    for (const block of section) {
      const signed = SIGNED.exec(block.text.trim());
      const id = signed ? context.index.mentions(signed[1] ?? '')[0]?.speakerId : undefined;
      if (id && !signatories.includes(id)) signatories.push(id);
    }
    if (signatories.length === 0) {
      const intro = section.find((block) => block.type === 'paragraph' && SIGNED_BY.test(block.text));
      const names = intro ? (SIGNED_BY.exec(intro.text)?.[1] ?? '') : '';
      for (const mention of context.index.mentions(names)) if (!signatories.includes(mention.speakerId)) signatories.push(mention.speakerId);
    }
    return signatories.length > 0 ? { speakers: signatories, kind: 'joint-statement', firstPerson: true, rule: 'joint-statement' } : undefined;
  }
  const possessive = POSSESSIVE_HEADING.exec(heading.text);
  if (!possessive) return undefined;
  const owner = context.index.mentions(heading.text.slice(0, possessive.index)).at(-1);
  if (!owner || owner.end !== possessive.index) return undefined;
  return { speakers: [owner.speakerId], kind: 'statement', firstPerson: isPersonVoice([owner.speakerId], context.index), rule: 'section-voice' };
}

function turnSpeaker(label: string, context: AttributionContext): { speakers: string[]; kind: StatementKind } | undefined {
  const trimmed = label.trim();
  const id = context.index.byAlias(trimmed);
  if (!id) return undefined;
  const speaker = context.index.speakers.get(id);
  // An outlet or an unidentified journalist at a press conference asks; it does not answer.
  const asks = speaker?.kind === 'outlet' || speaker?.kind === 'group' || /^Q(?:uestion)?$/u.test(trimmed);
  return { speakers: [id], kind: asks ? 'question' : 'statement' };
}

/** The range a sentence's statement covers: the quotation when it carries the words, else the sentence. */
function statementRange(text: string, sentence: Range, quotes: readonly Quote[], verbAt?: number): Range {
  const inside = quotes.filter((quote) => quote.start >= sentence.start && quote.end <= sentence.end);
  if (inside.length === 0) return sentence;
  const quoted = inside.reduce((sum, quote) => sum + quote.end - quote.start, 0);
  if (quoted * 2 < sentence.end - sentence.start) return sentence;
  const first = inside[0]!;
  const last = inside.at(-1)!;
  // Only a quotation the clause frames directly ("said that his “…”", "“…,” Lavrov told") carries the words;
  // "Wang Yi noted, as you put it in your annual press conference “…”" is his sentence, quoting another.
  if (verbAt !== undefined) {
    const verb = sentence.start + verbAt;
    const framed = (verb < first.start && first.start - verb <= 40) || (verb >= last.end && verb - last.end <= 40);
    if (!framed) return sentence;
  }
  return trimRange(text, { start: first.start, end: last.end });
}

/** For a paragraph that is one quotation (MEMRI's `"…` paragraphs), the text inside it, so its own clauses can be read. */
function insideOuterQuotation(text: string): string {
  const outer = findQuotes(text)[0];
  if (!outer || outer.start !== 0 || (outer.end < text.trimEnd().length && !outer.unclosed)) return text;
  const closeAt = outer.unclosed ? -1 : outer.end - 1;
  return [...text].map((char, at) => (at === 0 || at === closeAt ? ' ' : char)).join('');
}

export function attributeBlocks(blocks: readonly Block[], context: AttributionContext): StatementSpan[] {
  const spans: StatementSpan[] = [];
  const lastByPronoun = new Map<'he' | 'she', string>();
  let voice: Voice | undefined;
  let turn: Voice | undefined;
  let introduced: Voice | undefined;

  const remember = (speakers: readonly string[]) => {
    for (const id of speakers) {
      const pronoun = context.index.speakers.get(id)?.pronoun;
      if (pronoun) lastByPronoun.set(pronoun, id);
    }
  };

  const push = (span: StatementSpan) => {
    spans.push(span);
    remember(span.speakers);
  };

  blocks.forEach((block, at) => {
    const text = block.text;
    if (block.type === 'heading') {
      turn = undefined;
      introduced = undefined;
      if (block.depth <= 2) voice = sectionVoice(blocks, at, context);
      return;
    }
    if (text.trim() === '') return;
    const whole = { start: 0, end: text.length };

    const label = TURN_LABEL.exec(text);
    const labelled = label ? turnSpeaker(label[1] ?? '', context) : undefined;
    if (labelled) {
      turn = { ...labelled, firstPerson: true, rule: 'turn-label' };
      introduced = undefined;
      push({ block: at, ...whole, speakers: labelled.speakers, kind: labelled.kind, rule: 'turn-label' });
      addQuotationsOfAddressee(text, whole, labelled.speakers, at);
      return;
    }
    if (OPENS_WITH_QUOTE.test(text)) {
      const owner = turn ? { ...turn, rule: 'turn-continued' as const } : introduced ?? voice;
      if (owner) {
        if (owner.firstPerson) {
          push({ block: at, ...whole, speakers: owner.speakers, kind: owner.kind, rule: owner.rule });
          addQuotationsOfAddressee(text, whole, owner.speakers, at);
        } else {
          attributeSentences(at, text, owner);
        }
        if (introduced) turn = introduced;
        return;
      }
    }
    turn = undefined;
    introduced = undefined;
    attributeSentences(at, text, undefined);
  });

  /** Sentence rules over one paragraph, with `voice` as the default speaker of sentences with no clause. */
  function attributeSentences(at: number, source: string, defaultVoice: Voice | undefined) {
    // A quoted report (an organisation's voice) is read from inside its quotation marks.
    const text = defaultVoice ? insideOuterQuotation(source) : source;
    const quotes = findQuotes(text);
    const sentences = findSentences(text, quotes);
    const masked = maskQuotes(text, quotes);
    let current: { speakers: string[]; rule: AttributionRule; kind: StatementKind } | undefined;
    let partiesInFocus = false;
    const runs: StatementSpan[] = [];

    for (const sentence of sentences) {
      const clauseContext: ClauseContext = { index: context.index, parties: context.parties, partiesInFocus, lastByPronoun };
      const sentenceText = masked.slice(sentence.start, sentence.end);
      const clause = findClause(sentenceText, clauseContext);

      // An introduction ("Here’s what Lavrov had said to Chinese media:") hands the next quoted paragraphs over.
      if (sentence.end === text.trimEnd().length && /:\s*$/u.test(sentenceText) && clause?.speakers) {
        remember(clause.speakers);
        introduced = { speakers: clause.speakers, kind: 'statement', firstPerson: true, rule: 'introduced-quotation' };
        current = undefined;
        continue;
      }
      // "he"/"she" in a later sentence: the first person named outside quotations, the grammatical subject as a rule.
      const subjectPerson = context.index.mentions(sentenceText).find((mention) => context.index.speakers.get(mention.speakerId)?.pronoun);
      if (clause?.speakers) {
        if (clause.namesParties) partiesInFocus = true;
        remember(clause.speakers);
        const range = statementRange(text, sentence, quotes, clause.verbAt);
        current = { speakers: clause.speakers, rule: 'reported-speech', kind: 'statement' };
        runs.push({ block: at, ...range, ...current });
        current = { ...current, rule: 'reported-speech-continued' };
        continue;
      }
      if (subjectPerson) remember([subjectPerson.speakerId]);
      if (current) {
        // Reported speech runs on ("Wang Yi said, … . At such a time, …") until another speaker's clause.
        runs.push({ block: at, ...sentence, ...current });
        continue;
      }
      if (defaultVoice) {
        runs.push({ block: at, ...sentence, speakers: defaultVoice.speakers, kind: defaultVoice.kind, rule: defaultVoice.rule });
        continue;
      }
      // Words quoted with no speaker the rules can name: a statement, listed as unattributed.
      const quoted = quotes.filter((quote) => quote.start >= sentence.start && quote.end <= sentence.end);
      const substantial = quoted.filter((quote) => wordCount(text.slice(quote.start, quote.end)) >= MIN_QUOTATION_WORDS);
      if (substantial.length > 0 || clause) {
        const range = substantial.length > 0 ? statementRange(text, sentence, substantial) : sentence;
        if (substantial.length > 0 || clause?.rule === 'unresolved') {
          runs.push({ block: at, ...range, speakers: [], kind: 'statement', rule: substantial.length > 0 ? 'unattributed-quotation' : 'unresolved-speaker' });
        }
      }
    }
    for (const run of mergeRuns(runs, text)) {
      spans.push(run);
      if (run.speakers.length > 0) addQuotationsOfAddressee(source, run, run.speakers, at);
    }
  }

  /** "as you put it … “we can talk endlessly…”": in the words of one party, a quotation of "you" is the other party's. */
  function addQuotationsOfAddressee(text: string, range: Range, speakers: readonly string[], at: number) {
    if (speakers.length !== 1 || context.parties.length !== 2 || !context.parties.includes(speakers[0]!)) return;
    const addressee = context.parties.find((id) => id !== speakers[0]);
    if (!addressee) return;
    const quotes = findQuotes(text).filter((quote) => quote.start > range.start && quote.end <= range.end && !(quote.start === range.start));
    for (const quote of quotes) {
      const lead = text.slice(Math.max(range.start, quote.start - 80), quote.start);
      const sentenceLead = lead.split(/[.?!]\s/u).at(-1) ?? lead;
      if (/\byou(?:r)?\b/u.test(sentenceLead)) {
        spans.push({ block: at, start: quote.start, end: quote.end, speakers: [addressee], kind: 'statement', rule: 'quotation-of-addressee' });
      }
    }
  }

  return spans;
}

/** Joins neighbouring sentences of the same speakers into one statement; a run that covers the block becomes the block. */
function mergeRuns(runs: readonly StatementSpan[], text: string): StatementSpan[] {
  const merged: StatementSpan[] = [];
  for (const run of runs) {
    const previous = merged.at(-1);
    const between = previous ? text.slice(previous.end, run.start) : '';
    if (previous && previous.speakers.join() === run.speakers.join() && previous.speakers.length > 0 && between.trim() === '') {
      previous.end = run.end;
      continue;
    }
    merged.push({ ...run });
  }
  const onlyRun = merged.length === 1 ? merged[0] : undefined;
  if (onlyRun && text.slice(0, onlyRun.start).trim() === '' && text.slice(onlyRun.end).trim() === '') {
    onlyRun.start = 0;
    onlyRun.end = text.length;
  }
  return merged;
}
