/**
 * Splits each document into statements and marks who speaks each one.
 * The rules live in src/lib/attribution/ (plain text in, character ranges
 * out); this plugin reads the Markdown tree into passages, applies the
 * frontmatter's rare `attributions` overrides, and writes the result back:
 * a `<p>` or `<span>` per statement with a stable `id`, `data-speakers`, a
 * visible speaker label and a link to itself. Facts go to `file.data`:
 * `statements` (also on Astro's frontmatter, for pages and the dataset).
 */
import type { Heading, Link, List, Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { VFile } from 'vfile';
import { attributeBlocks, type Block, type StatementKind, type StatementSpan } from '../lib/attribution/attribute.ts';
import { createSpeakerIndex, type SpeakerIndex } from '../lib/attribution/speaker-index.ts';
import { readSpeakers } from '../lib/read-content.ts';
import type { Speaker } from '../lib/schema.ts';
import { report } from './remark-content-rules.ts';

export interface StatementRecord {
  /** Anchor on the page (`p12`, `p12-2`): the paragraph's number, unique within the document (see statementAnchor). */
  id: string;
  speakers: string[];
  kind: StatementKind;
  /** Which rule attributed it (`override` when the frontmatter did). */
  rule: string;
  /** The statement's words as in the source (whitespace collapsed). */
  text: string;
  /** Line in the Markdown body. */
  line: number;
  /** ISO dates mentioned in it (filled by remark-dates). */
  dates: string[];
}

export interface StatementNode {
  type: 'statement';
  children: PhrasingContent[];
  data: { hName: 'span'; hProperties: Record<string, string | string[]>; statement: StatementRecord };
}

export interface AddedNode {
  type: 'addedText';
  children: PhrasingContent[];
  data: { hName: 'span'; hProperties: Record<string, string | string[]> };
}

declare module 'mdast' {
  interface PhrasingContentMap {
    statement: StatementNode;
    addedText: AddedNode;
  }
  interface RootContentMap {
    statement: StatementNode;
    addedText: AddedNode;
  }
  interface Data {
    statement?: StatementRecord;
    added?: true;
  }
}

declare module 'vfile' {
  interface DataMap {
    statements: StatementRecord[];
    overridesUsed: number;
  }
}

export interface RemarkStatementsOptions {
  /** The speaker registry. Default: content/speakers.yaml under the working directory. */
  speakers?: readonly Speaker[];
}

interface Passage {
  node: Paragraph | Heading;
  block: Block;
  /** The list the passage is an item of, if any. */
  list?: List | undefined;
}

function collectPassages(nodes: readonly RootContent[], passages: Passage[] = [], list?: List): Passage[] {
  for (const node of nodes) {
    if (node.type === 'heading') passages.push({ node, block: { type: 'heading', depth: node.depth, text: inlineText(node.children) } });
    else if (node.type === 'paragraph') passages.push({ node, block: { type: 'paragraph', depth: 0, text: inlineText(node.children) }, list });
    else if (node.type === 'list') collectPassages(node.children, passages, node);
    else if (node.type === 'listItem') collectPassages(node.children, passages, list);
    else if (node.type === 'blockquote') collectPassages(node.children, passages);
    // Footnote definitions are the outlet's apparatus, not anybody's statement.
  }
  return passages;
}

/** The source text of inline content; what the site adds (labels, links to self) and note markers count as nothing. */
function inlineText(nodes: readonly PhrasingContent[]): string {
  return nodes.map(nodeText).join('');
}

function nodeText(node: PhrasingContent): string {
  if (node.type === 'addedText' || (node.data as { added?: boolean } | undefined)?.added) return '';
  switch (node.type) {
    case 'text':
    case 'inlineCode':
    case 'html':
      return node.value;
    case 'break':
      return '\n';
    case 'footnoteReference':
    case 'image':
    case 'imageReference':
      return '';
    default:
      return 'children' in node ? inlineText(node.children as PhrasingContent[]) : '';
  }
}

/** Splits `nodes` so that [start, end) of their text is a run of whole nodes, and returns the index range of that run. */
function isolateRange(nodes: PhrasingContent[], start: number, end: number): [number, number] {
  const cutAt = (offset: number): number => {
    let position = 0;
    for (let index = 0; index < nodes.length; index++) {
      const node = nodes[index]!;
      const length = nodeText(node).length;
      if (offset <= position) return index;
      if (offset < position + length) {
        if (node.type !== 'text') return index + 1; // never split inside an element: keep it whole
        const head: Text = { type: 'text', value: node.value.slice(0, offset - position) };
        const tail: Text = { type: 'text', value: node.value.slice(offset - position) };
        nodes.splice(index, 1, head, tail);
        return index + 1;
      }
      position += length;
    }
    return nodes.length;
  };
  const from = cutAt(start);
  const to = cutAt(end);
  return [from, Math.max(from, to)];
}

function added(className: string, children: PhrasingContent[], extra: Record<string, string> = {}): AddedNode {
  return {
    type: 'addedText',
    children,
    // `data-added` keeps it out of quotes copied, texts checked and the search index (the index excludes `[data-added]`).
    data: { hName: 'span', hProperties: { className: [className], dataAdded: '', ...extra } },
  };
}

const KIND_SUFFIX: Record<StatementKind, string> = { statement: '', question: ' (question)', 'joint-statement': ' (joint statement)' };

/** The label's content: each speaker's name links to their page. */
function labelContent(record: StatementRecord, speakers: ReadonlyMap<string, Speaker>): PhrasingContent[] {
  if (record.speakers.length === 0) return [{ type: 'text', value: 'Unattributed ' }];
  const content: PhrasingContent[] = [];
  record.speakers.forEach((id, index) => {
    if (index > 0) content.push({ type: 'text', value: index === record.speakers.length - 1 ? ' and ' : ', ' });
    content.push({ type: 'link', url: `/speakers/${id}/`, children: [{ type: 'text', value: speakers.get(id)?.name ?? id }] });
  });
  content.push({ type: 'text', value: `${KIND_SUFFIX[record.kind]} ` });
  return content;
}

function decorate(children: PhrasingContent[], record: StatementRecord, speakers: ReadonlyMap<string, Speaker>): PhrasingContent[] {
  const permalink: Link = {
    type: 'link',
    url: `#${record.id}`,
    // Marked `data-added` itself, with no wrapping span and no space before it (CSS sets it apart): on a page of 59
    // statements the wrapper was 60 bytes of gzip, and its space would otherwise be text the source does not have.
    // One name for every ¶: the speaker label at the statement's start says whose it is (link purpose from context),
    // and naming the speakers again in each link cost 155 B of gzip on that page (issue 7's page budget). The Cite
    // button beside it, added by the page's script, still names them.
    data: { added: true, hProperties: { className: ['permalink'], dataAdded: '', ariaLabel: 'Link to this statement' } },
    children: [{ type: 'text', value: '¶' }],
  };
  return [
    // Attribution by rule is the default; only the editors' overrides say so.
    added('speaker-label', labelContent(record, speakers), record.rule === 'override' ? { title: 'Attribution set by the editors' } : {}),
    ...children,
    permalink,
  ];
}

/**
 * The kind is stated once, in `data-statement-kind` (the styles select on it too): a class per kind repeated it. The
 * common kind, a plain `statement`, goes unstated (on MEMRI's page 21 bytes of its gzip, measured after the anchors).
 */
function statementProperties(record: StatementRecord): Record<string, string | string[]> {
  const properties: Record<string, string | string[]> = { id: record.id, className: ['statement'], dataSpeakers: record.speakers.join(' ') };
  if (record.kind !== 'statement') properties['dataStatementKind'] = record.kind;
  return properties;
}

/**
 * A statement's anchor: `p` and the number of its paragraph among the document's text blocks (paragraphs and headings,
 * in lists and quotes too; not the notes), then `-2`, `-3` for a paragraph's later statements. The texts are
 * published as received, so a paragraph's number does not change; the words-based anchors this replaced
 * (`s-` and six words) cost MEMRI's page 1,139 B of its gzip: new text written once each, the ¶ link and JSON-LD id only referring back to it.
 */
function statementAnchor(block: number, inBlock: Map<number, number>): string {
  const count = (inBlock.get(block) ?? 0) + 1;
  inBlock.set(block, count);
  return count === 1 ? `p${block + 1}` : `p${block + 1}-${count}`;
}

export default function remarkStatements(options: RemarkStatementsOptions = {}) {
  let index: SpeakerIndex | undefined;
  const speakerIndex = (): SpeakerIndex => {
    index ??= createSpeakerIndex(options.speakers ?? readSpeakers(process.cwd()).speakers);
    return index;
  };

  return (tree: Root, file: VFile) => {
    const astro = (file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro;
    const frontmatter = astro?.frontmatter ?? {};
    const registry = speakerIndex();
    const declaredSpeakers = Array.isArray(frontmatter['speakers']) ? (frontmatter['speakers'] as string[]) : [];
    const parties = Array.isArray(frontmatter['parties'])
      ? (frontmatter['parties'] as string[])
      : ((persons) => (persons.length === 2 ? persons : []))(declaredSpeakers.filter((id) => registry.speakers.get(id)?.kind === 'person'));

    const passages = collectPassages(tree.children);
    const spans = attributeBlocks(passages.map((passage) => passage.block), { index: registry, parties });
    const records = new Map<StatementSpan, StatementRecord>();
    const inBlock = new Map<number, number>();

    // In reading order (an enclosing statement before the one it holds), so a paragraph's first statement is `p12`.
    for (const span of [...spans].sort((a, b) => a.block - b.block || a.start - b.start || b.end - a.end)) {
      const passage = passages[span.block]!;
      const text = passage.block.text.slice(span.start, span.end).replace(/\s+/gu, ' ').trim();
      records.set(span, { id: statementAnchor(span.block, inBlock), speakers: [...span.speakers], kind: span.kind, rule: span.rule, text, line: passage.node.position?.start.line ?? 0, dates: [] });
    }

    let overridesUsed = 0;
    const overrides = Array.isArray(frontmatter['attributions']) ? (frontmatter['attributions'] as { text: string; speakers: string[] }[]) : [];
    for (const override of overrides) {
      const targets = [...records.values()].filter((record) => record.text.includes(override.text));
      if (targets.length !== 1) {
        report(file, `the override for "${override.text}" matches ${targets.length} statements, not one`, tree, 'override-unmatched');
        continue;
      }
      targets[0]!.speakers = [...override.speakers];
      targets[0]!.rule = 'override';
      overridesUsed++;
    }

    // Innermost first, so the offsets of outer statements still count the same characters.
    const ordered = [...spans].sort((a, b) => a.end - a.start - (b.end - b.start));
    for (const span of ordered) {
      const passage = passages[span.block]!;
      const record = records.get(span)!;
      const node = passage.node;
      const wholeBlock = span.start === 0 && span.end === passage.block.text.length;
      if (wholeBlock && node.type === 'paragraph') {
        node.data = { ...node.data, statement: record, hProperties: statementProperties(record) };
        // A tight list's items lose their paragraphs in HTML (mdast-util-to-hast writes the paragraph's children
        // straight into the <li>), and this paragraph's id and class with them: its ¶ link, search results and the
        // dataset's URL would point at nothing. A loose list keeps each item's <p>; the words are the same.
        if (passage.list) passage.list.spread = true;
        node.children = decorate(node.children, record, registry.speakers);
        continue;
      }
      const [from, to] = isolateRange(node.children, span.start, span.end);
      const wrapper: StatementNode = {
        type: 'statement',
        children: [],
        data: { hName: 'span', hProperties: statementProperties(record), statement: record },
      };
      wrapper.children = decorate(node.children.slice(from, to), record, registry.speakers);
      node.children.splice(from, to - from, wrapper);
    }

    const statements = [...records.values()].sort((a, b) => a.line - b.line);
    for (const record of statements) {
      if (record.speakers.length === 0) {
        const message = file.message(`unattributed statement: "${record.text.slice(0, 70)}…"`, {
          place: { line: record.line, column: 1 },
          ruleId: 'statement-unattributed',
          source: 'dispatch-reader',
        });
        message.fatal = false;
      }
    }
    file.data.statements = statements;
    file.data.overridesUsed = overridesUsed;
    if (astro) astro.frontmatter = { ...frontmatter, statements, overridesUsed };
  };
}
