/**
 * Flags notes whose dates look wrong, without changing their text: a note
 * dated after the document itself, or a note that dates what the text
 * annotates differently from the text. The flag is a span the site adds
 * (`data-added`) at the end of the note, plus a located, non-fatal message.
 * Notes that read exactly like a flagged note get the same flag (MEMRI
 * repeats ", July 24, 2001." for the same treaty).
 */
import type { Data, FootnoteDefinition, Nodes, Paragraph, PhrasingContent, Root, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { findDates } from '../lib/dates/find-dates.ts';
import { formatIsoDate } from '../lib/iso-date.ts';
import { documentDate, isAdded } from './remark-dates.ts';
import { report } from './remark-content-rules.ts';
import type { RuleId } from './rules.ts';
import { walkTree } from './walk-tree.ts';

export interface EditorialFlagData extends Data {
  hName: 'span';
  hProperties: { className: string[]; dataAdded: '' };
}

/** Words the site adds to a note; never part of the source's text. */
export interface EditorialFlagNode {
  type: 'editorialFlag';
  children: Text[];
  data: EditorialFlagData;
}

export interface FootnoteFlag {
  identifier: string;
  message: string;
}

declare module 'mdast' {
  interface PhrasingContentMap {
    editorialFlag: EditorialFlagNode;
  }
  interface RootContentMap {
    editorialFlag: EditorialFlagNode;
  }
}

declare module 'vfile' {
  interface DataMap {
    /** Every flag remark-footnote-flags added, in the order of the notes. */
    footnoteFlags: FootnoteFlag[];
  }
}

type FlagRule = Extract<RuleId, 'footnote-date-mismatch' | 'footnote-after-document'>;

interface Flag {
  ruleId: FlagRule;
  message: string;
}

/**
 * A note's date and the text's date this far apart (or less) read as two dates
 * for the same event. Further apart, the note's date is the date of the cited
 * publication (", March 23, 2021." after a treaty "signed July 16, 2001"), not
 * a different account of the event.
 */
const SAME_EVENT_DAYS = 183;
const DAY_MS = 86_400_000;

export default function remarkFootnoteFlags() {
  return (tree: Root, file: VFile) => {
    const documentDay = documentDate(file);
    if (documentDay === undefined) return;

    const definitions: FootnoteDefinition[] = [];
    // The text before the first reference to each note, in its paragraph.
    const annotated = new Map<string, string>();
    const parents = new WeakMap<Nodes, Nodes>();
    walkTree<Nodes>(tree, (node, _index, parent) => {
      parents.set(node, parent);
      if (node.type === 'footnoteDefinition') definitions.push(node);
      if (node.type === 'footnoteReference' && !annotated.has(node.identifier)) {
        const block = enclosingBlock(node, parents);
        const text = block && textBefore(block, node);
        if (text !== undefined) annotated.set(node.identifier, text);
      }
      return undefined;
    });

    const flagsByNote = new Map<FootnoteDefinition, Flag[]>();
    for (const definition of definitions) {
      const flags = noteFlags(definition, annotated.get(definition.identifier), documentDay);
      if (flags.length > 0) flagsByNote.set(definition, flags);
    }

    // Notes that read the same as a flagged note carry the same flags.
    const flaggedTexts = new Map<string, Flag[]>();
    for (const [definition, flags] of flagsByNote) {
      const key = noteKey(definition);
      flaggedTexts.set(key, unique([...(flaggedTexts.get(key) ?? []), ...flags]));
    }
    const records: FootnoteFlag[] = (file.data.footnoteFlags ??= []);
    for (const definition of definitions) {
      const flags = flaggedTexts.get(noteKey(definition));
      if (!flags) continue;
      for (const flag of flags) {
        appendFlag(definition, flag.message);
        report(file, flag.message, definition, flag.ruleId);
        records.push({ identifier: definition.identifier, message: flag.message });
      }
    }
  };
}

function noteFlags(definition: FootnoteDefinition, annotatedText: string | undefined, documentDay: string): Flag[] {
  const flags: Flag[] = [];
  const noteDays = fullDays(noteText(definition), documentDay);
  const later = noteDays.find((day) => day > documentDay);
  if (later !== undefined) {
    flags.push({
      ruleId: 'footnote-after-document',
      message: `Editor's flag: this note is dated ${formatIsoDate(later)}, after the document's own date (${formatIsoDate(documentDay)}).`,
    });
  }
  const noteDay = noteDays[0];
  const textDay = annotatedText === undefined ? undefined : fullDays(annotatedText, documentDay).at(-1);
  if (noteDay !== undefined && textDay !== undefined && noteDay !== textDay && daysApart(noteDay, textDay) <= SAME_EVENT_DAYS) {
    flags.push({
      ruleId: 'footnote-date-mismatch',
      message: `Editor's flag: this note gives ${formatIsoDate(noteDay)}, but the text it annotates gives ${formatIsoDate(textDay)}.`,
    });
  }
  return flags;
}

function fullDays(text: string, anchor: string): string[] {
  return findDates(text, { anchor }).filter((mention) => mention.kind === 'full').map((mention) => mention.datetime);
}

function daysApart(a: string, b: string): number {
  return Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / DAY_MS;
}

/** The note's own words: flags and anything else the site added are left out. */
function noteText(definition: FootnoteDefinition): string {
  return definition.children.map((child) => toString(withoutAdded(child))).join(' ');
}

function noteKey(definition: FootnoteDefinition): string {
  return noteText(definition).replace(/\s+/g, ' ').trim();
}

function withoutAdded(node: Nodes): Nodes {
  if (!('children' in node)) return node;
  const children = (node.children as Nodes[]).filter((child) => !isAdded(child)).map(withoutAdded);
  return { ...node, children } as Nodes;
}

const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

/** The nearest paragraph (or heading, table cell) that holds `node`. */
function enclosingBlock(node: Nodes, parents: WeakMap<Nodes, Nodes>): Nodes | undefined {
  for (let ancestor = parents.get(node); ancestor; ancestor = parents.get(ancestor)) {
    if (BLOCKS.has(ancestor.type)) return ancestor;
  }
  return undefined;
}

/** The text of `block` up to `target`, or `undefined` if `target` is not in it. */
function textBefore(block: Nodes, target: Nodes): string | undefined {
  let text = '';
  let reached = false;
  const walk = (node: Nodes): void => {
    if (reached) return;
    if (node === target) {
      reached = true;
      return;
    }
    if (isAdded(node)) return;
    if ('value' in node && node.type !== 'html') text += node.value;
    if ('children' in node) for (const child of node.children as Nodes[]) walk(child);
  };
  walk(block);
  return reached ? text : undefined;
}

function appendFlag(definition: FootnoteDefinition, message: string): void {
  const flag: EditorialFlagNode = {
    type: 'editorialFlag',
    data: { hName: 'span', hProperties: { className: ['editorial-flag'], dataAdded: '' } },
    children: [{ type: 'text', value: ` ${message}` }],
  };
  const last = definition.children.at(-1);
  if (last?.type === 'paragraph') {
    (last.children as PhrasingContent[]).push(flag);
  } else {
    const paragraph: Paragraph = { type: 'paragraph', children: [flag] };
    definition.children.push(paragraph);
  }
}

function unique(flags: Flag[]): Flag[] {
  return flags.filter((flag, index) => flags.findIndex((other) => other.message === flag.message) === index);
}
