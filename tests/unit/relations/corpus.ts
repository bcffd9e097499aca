/**
 * Inputs for the relation tests: the built dataset (dist/data), and synthetic
 * corpora of any size made from the words of the real documents.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RelationInput } from '../../../src/lib/relations/detect-relations.ts';
import { DIST, ROOT } from '../../helpers/paths.ts';

interface DatasetStatement {
  id: string;
  document: string;
  speakers: string[];
  text: string;
}

interface DatasetDocument {
  slug: string;
  date: string;
}

/** The statements of dist/data/statements.json as relation inputs, or `undefined` before a build. */
export function builtStatements(): RelationInput[] | undefined {
  const statementsFile = join(DIST, 'data', 'statements.json');
  const documentsFile = join(DIST, 'data', 'documents.json');
  if (!existsSync(statementsFile) || !existsSync(documentsFile)) return undefined;
  const { statements } = JSON.parse(readFileSync(statementsFile, 'utf8')) as { statements: DatasetStatement[] };
  const { documents } = JSON.parse(readFileSync(documentsFile, 'utf8')) as { documents: DatasetDocument[] };
  const dates = new Map(documents.map((document) => [document.slug, document.date]));
  return statements.map(({ id, document, speakers, text }) => ({ id, document, speakers, text, date: dates.get(document) ?? '' }));
}

/** Seeded PRNG (mulberry32): the same seed, the same corpus. */
export function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The words of the document bodies (frontmatter off), in reading order. */
function realWords(): string[] {
  const folder = join(ROOT, 'content', 'documents');
  const bodies = readdirSync(folder)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => readFileSync(join(folder, name), 'utf8').replace(/^---[\s\S]*?\n---\n/, ''));
  return bodies.join('\n').match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];
}

export interface SyntheticCorpus {
  statements: RelationInput[];
  /** Pairs [copy, source] of statement ids where the copy reproduces sentences of the source verbatim. */
  copies: [string, string][];
}

/**
 * `count` statements of 1–5 sentences. Sentences follow the word-to-next-word
 * transitions of the real documents (so they are made of diplomatic phrases),
 * jumping to a random word 30% of the time; a few carry one of `count / 5` made-up
 * names, as a growing corpus meets new people and places. About 10% of the
 * statements also reproduce one or two sentences of a statement of another
 * document, verbatim.
 */
export function syntheticCorpus(count: number, seed: number): SyntheticCorpus {
  const random = mulberry32(seed);
  const words = realWords();
  const next = new Map<string, string[]>();
  for (let index = 0; index + 1 < words.length; index++) {
    const list = next.get(words[index]!) ?? [];
    list.push(words[index + 1]!);
    next.set(words[index]!, list);
  }
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const names = Math.max(50, Math.floor(count / 5));
  const sentence = (): string => {
    const length = 8 + Math.floor(random() * 25);
    const out: string[] = [];
    let word = pick(words);
    for (let index = 0; index < length; index++) {
      out.push(word);
      if (random() < 0.03) out.push(`Zan${Math.floor(random() * names).toString(36)}`);
      const follow = next.get(word);
      word = !follow || random() < 0.3 ? pick(words) : pick(follow);
    }
    const text = out.join(' ');
    return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
  };

  const statements: RelationInput[] = [];
  const sentencesOf: string[][] = [];
  const copies: [string, string][] = [];
  for (let index = 0; index < count; index++) {
    const document = `d${Math.floor(index / 20)}`;
    const id = `${document}/s-${index}`;
    const parts = Array.from({ length: 1 + Math.floor(random() * 5) }, sentence);
    if (index >= 40 && random() < 0.1) {
      let source = Math.floor(random() * index);
      if (statements[source]!.document === document) source = Math.max(0, source - 20);
      const from = sentencesOf[source]!;
      const start = Math.floor(random() * from.length);
      parts.splice(Math.floor(random() * (parts.length + 1)), 0, ...from.slice(start, start + 1 + Math.floor(random() * 2)));
      copies.push([id, statements[source]!.id]);
    }
    sentencesOf.push(parts);
    statements.push({ id, document, speakers: [pick(['wang-yi', 'sergey-lavrov', 'hua-chunying', 'xinhua'])], text: parts.join(' '), date: '2021-03-23' });
  }
  return { statements, copies };
}
