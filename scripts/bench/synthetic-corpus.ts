/**
 * Synthetic corpora for the benchmark, grown from the five documents: each
 * synthetic document copies one of them with its structure intact (headings,
 * speaker turns, quotations, footnotes, dates, frontmatter and overrides) and
 * its ordinary words varied at random with a fixed seed. About one paragraph
 * in ten is left verbatim, so re-reported statements exist for the relation
 * stage to find, as they do in a real corpus.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { SPEECH_VERBS } from '../../src/lib/attribution/clauses.ts';

export interface CorpusOptions {
  /** Number of documents to write. */
  size: number;
  /** Seed of the random variation: the same seed gives the same corpus. */
  seed?: number;
  /** The project whose content/ is the template. */
  from: string;
  /** Folder to write `content/` into. */
  to: string;
  /** Share of paragraphs copied verbatim (0.1). */
  verbatimShare?: number;
  /** Chance that an eligible word is replaced (0.5). */
  replaceChance?: number;
}

/** Small, fast, seedable (mulberry32). */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Words the attribution and date rules read: varying them would change who speaks or when, not just the wording.
const PROTECTED = new Set([
  ...SPEECH_VERBS,
  ...'january february march april may june july august september october november december yesterday today tomorrow week month year years earlier later last next this that these those their there they them which where while whose other another sides side ministers minister foreign question questions answer joint statement statements signed according both heads state spokesperson remarks report press conference opening talks meeting meetings quoted quote words'.split(
    ' ',
  ),
]);
// Whole lowercase words only: a run inside "Chunying" is part of a name.
const WORD = /(?<![\p{L}\p{N}])\p{Ll}{5,}(?![\p{L}\p{N}])/gu;

function isVaried(word: string): boolean {
  return !PROTECTED.has(word);
}

interface Template {
  slug: string;
  frontmatter: Record<string, unknown>;
  body: string;
  overrides: string[];
}

function readTemplates(root: string): Template[] {
  const folder = join(root, 'content/documents');
  return readdirSync(folder)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => {
      const text = readFileSync(join(folder, name), 'utf8');
      const end = text.indexOf('\n---\n', 4);
      const frontmatter = parseYaml(text.slice(4, end)) as Record<string, unknown>;
      const overrides = ((frontmatter['attributions'] as { text: string }[] | undefined) ?? []).map((entry) => entry.text);
      return { slug: name.slice(0, -3), frontmatter, body: text.slice(end + 5), overrides };
    });
}

function vocabularyOf(templates: readonly Template[]): string[] {
  const words = new Set<string>();
  for (const template of templates) for (const word of template.body.match(WORD) ?? []) if (isVaried(word)) words.add(word);
  return [...words].sort();
}

// A turn label ("Question (translated from Chinese and addressed to Wang Yi):") says who speaks: kept as printed.
const TURN_LABEL = /^\p{Lu}[^:\n"“]{0,100}:\s/u;

function varyParagraph(paragraph: string, vocabulary: readonly string[], next: () => number, replaceChance: number): string {
  const label = TURN_LABEL.exec(paragraph)?.[0] ?? '';
  return label + paragraph.slice(label.length).replace(WORD, (word) => (isVaried(word) && next() < replaceChance ? vocabulary[Math.floor(next() * vocabulary.length)]! : word));
}

function varyBody(template: Template, vocabulary: readonly string[], next: () => number, verbatimShare: number, replaceChance: number): string {
  return template.body
    .split('\n\n')
    .map((paragraph) => {
      // Headings name the section's voice; overrides must still find their snippet.
      if (paragraph.startsWith('#') || template.overrides.some((snippet) => paragraph.includes(snippet))) return paragraph;
      if (next() < verbatimShare) return paragraph;
      return varyParagraph(paragraph, vocabulary, next, replaceChance);
    })
    .join('\n\n');
}

export interface CorpusSummary {
  documents: number;
  bytes: number;
}

/** Writes `content/` (documents, sources, registries) for a corpus of `size` documents into `to`. */
export function writeSyntheticCorpus(options: CorpusOptions): CorpusSummary {
  const { size, from, to } = options;
  const next = random(options.seed ?? 20210323);
  const verbatimShare = options.verbatimShare ?? 0.1;
  const replaceChance = options.replaceChance ?? 0.5;
  const templates = readTemplates(from);
  const vocabulary = vocabularyOf(templates);
  const documents = join(to, 'content/documents');
  const sources = join(to, 'content/sources');
  mkdirSync(documents, { recursive: true });
  mkdirSync(sources, { recursive: true });
  for (const registry of ['speakers.yaml', 'events.yaml']) writeFileSync(join(to, 'content', registry), readFileSync(join(from, 'content', registry)));
  // Curated relations name statements of the real corpus.
  writeFileSync(join(to, 'content/relations.yaml'), '[]\n');

  let bytes = 0;
  for (let index = 0; index < size; index++) {
    const template = templates[index % templates.length]!;
    const number = String(index + 1).padStart(5, '0');
    const slug = `${template.slug}-synthetic-${number}`;
    const body = varyBody(template, vocabulary, next, verbatimShare, replaceChance);
    const source = `synthetic-${number}.txt`;
    const masthead = (template.frontmatter['masthead'] as string[] | undefined) ?? [];
    const frontmatter = {
      ...template.frontmatter,
      title: `${String(template.frontmatter['title'])} (synthetic ${number})`,
      source,
      // Site navigation of the original is not in the synthetic source.
      chrome: [],
    };
    const markdown = `---\n${stringifyYaml(frontmatter)}---\n${body}`;
    writeFileSync(join(documents, `${slug}.md`), markdown);
    writeFileSync(join(sources, source), `${masthead.join('\n')}\n${body}`);
    bytes += Buffer.byteLength(markdown);
  }
  return { documents: size, bytes };
}
