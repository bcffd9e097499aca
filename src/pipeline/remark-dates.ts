/**
 * Marks every date the text names as `<time datetime="…">`, without changing
 * a character of the text. Year-less and relative dates ("On March 22",
 * "yesterday") resolve against the date of their section (a press conference
 * "On March 23, 2021") or, failing that, the document's date; notes resolve
 * against the document's date. Each mention is recorded on the file
 * (`file.data.dates`) and on the statement that contains it, if any.
 */
import type { Data, Parent, PhrasingContent, Root, RootContent, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { findDates, lastDayMentioned, type DateMention } from '../lib/dates/find-dates.ts';
import { isoDateProblem } from '../lib/iso-date.ts';
import { SKIP, walkTree } from './walk-tree.ts';

export interface DateMentionData extends Data {
  hName: 'time';
  hProperties: { id: string; dateTime: string; dataUntil?: string };
}

/** A date in the text: rendered as `<time>`, its children are the original words. */
export interface DateMentionNode extends Parent {
  type: 'dateMention';
  children: PhrasingContent[];
  data: DateMentionData;
}

export interface DateRecord {
  /** The `id` of the `<time>` element, so a timeline can link to the very mention. */
  id: string;
  datetime: string;
  until?: string;
  /** The words as written. */
  text: string;
  /** The sentence or so around the mention, for a timeline entry. */
  context: string;
  /** The anchor of the statement that contains the mention, if any. */
  statement?: string;
  /** In a footnote: the date of a cited source, not of an event the text speaks of. */
  inNote: boolean;
  /** 1-based line in the Markdown body, when the text node has a position. */
  line?: number;
}

declare module 'mdast' {
  interface PhrasingContentMap {
    dateMention: DateMentionNode;
  }
  interface RootContentMap {
    dateMention: DateMentionNode;
  }
}

declare module 'vfile' {
  interface DataMap {
    /** Every date marked by remark-dates, in reading order. */
    dates: DateRecord[];
  }
}

export interface RemarkDatesOptions {
  /**
   * Node types whose text is never searched for dates (code has no text
   * children, so it is never searched). Default: dates already marked and the
   * words the site adds (`editorialFlag`, `addedText`). Nodes whose
   * `data.added` is true or whose `hProperties` have `dataAdded` are skipped too.
   */
  skip?: readonly string[];
}

const DEFAULT_SKIP = ['dateMention', 'editorialFlag', 'addedText'] as const;

type AnyNode = Root | RootContent;

/** The document's date (frontmatter `date`, as Astro passes it) as YYYY-MM-DD, or `undefined`. */
export function documentDate(file: VFile): string | undefined {
  const astro: unknown = file.data['astro'];
  if (!isRecord(astro) || !isRecord(astro['frontmatter'])) return undefined;
  const date = astro['frontmatter']['date'];
  const value = date instanceof Date ? date.toISOString().slice(0, 10) : date;
  return typeof value === 'string' && value.length === 10 && isoDateProblem(value) === undefined ? value : undefined;
}

export default function remarkDates(options: RemarkDatesOptions = {}) {
  const skip = new Set<string>(options.skip ?? DEFAULT_SKIP);

  return (tree: Root, file: VFile) => {
    const documentDay = documentDate(file);
    if (documentDay === undefined) return;

    const sectionAnchors = topLevelAnchors(tree, documentDay);
    const parents = new WeakMap<AnyNode, Parent | Root>();
    const anchors = new WeakMap<AnyNode, string>();
    const records: DateRecord[] = (file.data.dates ??= []);
    const idCounts = new Map<string, number>();
    const inNotes = new WeakSet<AnyNode>();
    let previousDay: string | undefined;

    walkTree<AnyNode>(tree, (node, index, parent) => {
      parents.set(node, parent);
      const anchor = node.type === 'footnoteDefinition'
        ? documentDay
        : parent === tree ? (sectionAnchors[index] ?? documentDay) : (anchors.get(parent) ?? documentDay);
      anchors.set(node, anchor);
      if (node.type === 'footnoteDefinition' || inNotes.has(parent as AnyNode)) inNotes.add(node);

      if (skip.has(node.type) || isAdded(node)) return SKIP;
      if (node.type !== 'text') return undefined;

      const mentions = findDates(node.value, { anchor, previousDay });
      if (mentions.length === 0) return undefined;

      const ids = mentions.map((mention) => {
        const count = (idCounts.get(mention.datetime) ?? 0) + 1;
        idCounts.set(mention.datetime, count);
        return count === 1 ? `t-${mention.datetime}` : `t-${mention.datetime}-${count}`;
      });
      const blockText = sourceString((nearestBlock(parent, parents) ?? parent) as AnyNode);
      const replacement = splitText(node, mentions, ids);
      (parent.children as RootContent[]).splice(index, 1, ...replacement);

      const statement = nearestStatement(parent, parents);
      const line = node.position?.start.line;
      mentions.forEach((mention, mentionIndex) => {
        previousDay = lastDayMentioned(mention) ?? previousDay;
        const words = node.value.slice(mention.start, mention.end);
        const record: DateRecord = {
          id: ids[mentionIndex]!,
          datetime: mention.datetime,
          text: words,
          context: contextAround(blockText, node.value, mention.start, words),
          inNote: inNotes.has(parent as AnyNode),
        };
        if (statement) record.statement = statement.id;
        if (mention.until !== undefined) record.until = mention.until;
        if (line !== undefined) record.line = line + countNewlines(node.value.slice(0, mention.start));
        records.push(record);
        if (statement) {
          for (const value of [mention.datetime, mention.until]) {
            if (value !== undefined && !statement.dates.includes(value)) statement.dates.push(value);
          }
        }
      });
      return [SKIP, index + replacement.length];
    });
    // Astro exposes a plugin's findings to pages through the frontmatter it returns from render().
    const astro: unknown = file.data['astro'];
    if (isRecord(astro) && isRecord(astro['frontmatter'])) astro['frontmatter']['dateMentions'] = records;
  };
}

/** The text of a node as the source has it: without the words the site adds (speaker labels, links to self). */
function sourceString(node: AnyNode): string {
  if (isAdded(node)) return '';
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as AnyNode[]).map(sourceString).join('');
  return '';
}

const BLOCK_TYPES = new Set(['paragraph', 'heading', 'listItem', 'tableCell', 'footnoteDefinition']);

function nearestBlock(parent: Parent | Root, parents: WeakMap<AnyNode, Parent | Root>): Parent | undefined {
  for (let node: Parent | Root | undefined = parent; node; node = parents.get(node as AnyNode)) {
    if (BLOCK_TYPES.has(node.type)) return node as Parent;
  }
  return undefined;
}

/** The sentence of the block that holds the mention, cut to a readable length. */
function contextAround(blockText: string, nodeText: string, offsetInNode: number, words: string): string {
  const nodeAt = blockText.indexOf(nodeText);
  const at = nodeAt >= 0 ? nodeAt + offsetInNode : Math.max(0, blockText.indexOf(words));
  const sentenceStart = Math.max(0, ...['. ', '? ', '! '].map((end) => blockText.lastIndexOf(end, at) + 2).filter((value) => value > 1));
  const nextEnd = ['. ', '? ', '! '].map((end) => blockText.indexOf(end, at + words.length)).filter((value) => value >= 0);
  const sentenceEnd = nextEnd.length > 0 ? Math.min(...nextEnd) + 1 : blockText.length;
  const sentence = blockText.slice(sentenceStart, sentenceEnd).replace(/\s+/gu, ' ').trim();
  return sentence.length <= 240 ? sentence : `${sentence.slice(0, 237)}…`;
}

/**
 * The anchor of each top-level node: a level-1 or level-2 heading starts a
 * section dated by the first full date in the heading, else in the first
 * paragraph after it, else the document's date.
 */
function topLevelAnchors(tree: Root, documentDay: string): string[] {
  const anchors: string[] = [];
  let anchor = documentDay;
  tree.children.forEach((node, index) => {
    if (node.type === 'heading' && node.depth <= 2) {
      anchor = firstFullDay(toString(node), documentDay) ?? firstParagraphDay(tree, index, documentDay) ?? documentDay;
    }
    anchors.push(anchor);
  });
  return anchors;
}

function firstParagraphDay(tree: Root, headingIndex: number, documentDay: string): string | undefined {
  for (const node of tree.children.slice(headingIndex + 1)) {
    if (node.type === 'heading' && node.depth <= 2) return undefined;
    if (node.type === 'paragraph') return firstFullDay(toString(node), documentDay);
  }
  return undefined;
}

function firstFullDay(text: string, documentDay: string): string | undefined {
  return findDates(text, { anchor: documentDay }).find((mention) => mention.kind === 'full' || mention.kind === 'range')?.datetime;
}

function splitText(node: Text, mentions: DateMention[], ids: readonly string[]): PhrasingContent[] {
  const nodes: PhrasingContent[] = [];
  let offset = 0;
  for (const [index, mention] of mentions.entries()) {
    if (mention.start > offset) nodes.push({ type: 'text', value: node.value.slice(offset, mention.start) });
    const hProperties: DateMentionData['hProperties'] = { id: ids[index]!, dateTime: mention.datetime };
    if (mention.until !== undefined) hProperties.dataUntil = mention.until;
    nodes.push({
      type: 'dateMention',
      data: { hName: 'time', hProperties },
      children: [{ type: 'text', value: node.value.slice(mention.start, mention.end) }],
    });
    offset = mention.end;
  }
  if (offset < node.value.length) nodes.push({ type: 'text', value: node.value.slice(offset) });
  return nodes;
}

interface Statement {
  id: string;
  dates: string[];
}

/** The `data.statement` of the nearest ancestor that has one (set by remark-statements). */
function nearestStatement(parent: Parent | Root, parents: WeakMap<AnyNode, Parent | Root>): Statement | undefined {
  for (let node: Parent | Root | undefined = parent; node; node = parents.get(node as AnyNode)) {
    const statement: unknown = (node.data as Record<string, unknown> | undefined)?.['statement'];
    if (isStatement(statement)) return statement;
  }
  return undefined;
}

/** Words the site adds (a speaker label, a permalink), not the source's. */
export function isAdded(node: AnyNode): boolean {
  const data: unknown = node.data;
  if (!isRecord(data)) return false;
  return data['added'] === true || (isRecord(data['hProperties']) && data['hProperties']['dataAdded'] !== undefined);
}

function isStatement(value: unknown): value is Statement {
  return isRecord(value) && typeof value['id'] === 'string' && Array.isArray(value['dates']);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function countNewlines(text: string): number {
  let count = 0;
  for (const character of text) if (character === '\n') count += 1;
  return count;
}
