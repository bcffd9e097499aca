/**
 * Curated relations, content/relations.yaml: the editors add a relation the
 * detection misses, or suppress one it gets wrong. Read and validated like the
 * rest of the content, each problem located at a line of the file. Each id
 * comes with its statement's opening words (`a_opens`, `b_opens`), checked
 * against the statement's text: paragraph anchors can move, and an entry must
 * not silently come to name another statement.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import { closest, problem, type ContentProblem } from '../content-errors.ts';
// Opening words are compared with any run of whitespace (no-break spaces too) as one space, none at the ends.
import { normaliseSpace as collapseWhitespace } from '../read-content.ts';
import { compareRelations, RELATION_KINDS, type Relation, type RelationKind } from './detect-relations.ts';

/** Path from the project root. */
export const RELATIONS_FILE = 'content/relations.yaml';

/**
 * The fewest words `a_opens` and `b_opens` may give, unless the statement itself is shorter (`"Thank you."` is
 * quoted whole): fewer would open too many statements to tell a moved anchor from the right one.
 */
export const MIN_OPENING_WORDS = 4;

function wordCount(text: string): number {
  const collapsed = collapseWhitespace(text);
  return collapsed === '' ? 0 : collapsed.split(' ').length;
}

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/**
 * Whether `text` begins with the words `opens`: a prefix once whitespace is collapsed in both, ending where a word
 * ends (`We regard the ne` opens nothing). Quotes, apostrophes and dashes count as printed: `"We` does not open `“We`.
 */
export function opensWith(text: string, opens: string): boolean {
  const whole = collapseWhitespace(text);
  const start = collapseWhitespace(opens);
  if (start === '' || !whole.startsWith(start)) return false;
  const next = whole[start.length];
  return next === undefined || !(WORD_CHARACTER.test(start.at(-1) ?? '') && WORD_CHARACTER.test(next));
}

/** The first `count` words of `text` (whitespace collapsed), with `…` when more follow: what a statement now begins with. */
function firstWords(text: string, count: number): string {
  const words = collapseWhitespace(text).split(' ');
  return words.length > count ? `${words.slice(0, count).join(' ')}…` : words.join(' ');
}

interface CuratedBase {
  /** The smaller statement id of the pair (string order), whatever order the file gives. */
  a: string;
  b: string;
  /** 1-based line of the entry in content/relations.yaml. */
  line: number;
}

export type CuratedRelation =
  | (CuratedBase & { action: 'add'; kind: RelationKind; note?: string })
  | (CuratedBase & { action: 'suppress'; note: string });

const statementId = z
  .string()
  .regex(/^[^/\s]+\/[^/\s]+$/, 'must be a statement id, `<document slug>/<anchor>`');

const openingWords = (field: 'a' | 'b') =>
  z.string({
    error: (issue) =>
      issue.input === undefined
        ? `required: the first words of statement \`${field}\` as printed (at least ${MIN_OPENING_WORDS}, or the whole statement if it is shorter), so that a moved anchor is caught`
        : `must be the first words of statement \`${field}\` as printed, a string`,
  });

/**
 * One entry: `kind` adds a relation, `suppress: true` removes a detected one (and says why in `note`).
 * `statementText` gives a known statement's text, for the one rule that needs it: a statement shorter than
 * MIN_OPENING_WORDS is quoted whole.
 */
const entrySchema = (statementText: (id: string) => string | undefined) =>
  z
    .strictObject({
      /** A statement id, `<document slug>/<anchor>`. */
      a: statementId,
      /** Statement `a`'s first words as printed (at least MIN_OPENING_WORDS), checked against its text: anchors can move. */
      a_opens: openingWords('a'),
      /** The other statement id; the order of `a` and `b` does not matter. */
      b: statementId,
      /** Statement `b`'s first words as printed, as `a_opens`. */
      b_opens: openingWords('b'),
      /** Add the relation, of this kind. */
      kind: z.enum(RELATION_KINDS).optional(),
      /** Remove the relation the detection found. */
      suppress: z.literal(true).optional(),
      /** Why: shown to no reader, kept for the next editor. Required to suppress. */
      note: z.string().min(1).optional(),
    })
    .superRefine((entry, context) => {
      if (entry.a === entry.b) context.addIssue({ code: 'custom', path: ['b'], message: 'must differ from `a`: a statement is not related to itself' });
      if (entry.kind !== undefined && entry.suppress) {
        context.addIssue({ code: 'custom', path: ['suppress'], message: 'an entry adds a relation (`kind`) or suppresses one (`suppress: true`), not both' });
      } else if (entry.kind === undefined && !entry.suppress) {
        context.addIssue({ code: 'custom', path: [], message: 'give `kind` (verbatim, translation or paraphrase) to add a relation, or `suppress: true` to remove one' });
      }
      if (entry.suppress && entry.note === undefined) context.addIssue({ code: 'custom', path: ['note'], message: 'say why the relation is suppressed' });
      for (const field of ['a', 'b'] as const) {
        const opens = entry[`${field}_opens`];
        const text = statementText(entry[field]);
        const needed = text === undefined ? MIN_OPENING_WORDS : Math.min(MIN_OPENING_WORDS, wordCount(text));
        if (wordCount(opens) < needed) {
          context.addIssue({
            code: 'custom',
            path: [`${field}_opens`],
            message: `give at least the first ${MIN_OPENING_WORDS} words of statement \`${field}\` as printed, or the whole statement if it is shorter (\`${collapseWhitespace(opens)}\` is ${wordCount(opens) === 1 ? 'one word' : `${wordCount(opens)} words`})`,
          });
        }
      }
    });

function lineOf(document: Document.Parsed, lines: LineCounter, path: readonly (string | number)[]): number {
  for (let length = path.length; length >= 0; length--) {
    const node = (length === 0 ? document.contents : document.getIn(path.slice(0, length), true)) as
      | { range?: [number, number, number] }
      | null
      | undefined;
    if (node?.range) return lines.linePos(node.range[0]).line;
  }
  return 1;
}

/**
 * A known id for a mistyped document slug: the same anchor in the document whose slug is closest. None when the
 * document exists: anchors are paragraph numbers, and the nearest number is another paragraph, not the one meant.
 */
function suggestion(id: string, known: ReadonlyMap<string, string>): string | undefined {
  const slash = id.indexOf('/');
  if (slash <= 0) return undefined;
  const slug = id.slice(0, slash);
  const anchor = id.slice(slash);
  const slugs = new Set([...known.keys()].map((candidate) => candidate.slice(0, candidate.indexOf('/'))));
  if (slugs.has(slug)) return undefined;
  const found = closest(slug, slugs);
  return found !== undefined && known.has(`${found}${anchor}`) ? `${found}${anchor}` : undefined;
}

/**
 * The statements of `id`'s document that the words open, other than `id`: where a moved anchor's statement is now.
 * Only exact openings (as `opensWith`), never a nearest match.
 */
function openedInDocument(id: string, opens: string, known: ReadonlyMap<string, string>): string[] {
  const prefix = id.slice(0, id.indexOf('/') + 1);
  return [...known].filter(([other, text]) => other !== id && other.startsWith(prefix) && opensWith(text, opens)).map(([other]) => other);
}

/**
 * Reads content/relations.yaml under `root`, against the known statements (each one's text by its id). A missing
 * file means no entries. Entries with problems (schema, unknown statement, opening words that are not the
 * statement's, pair given twice) are left out.
 */
export function readCuratedRelations(
  root: string,
  statementTexts: ReadonlyMap<string, string>,
): { entries: CuratedRelation[]; problems: ContentProblem[] } {
  const file = RELATIONS_FILE;
  const path = join(root, file);
  if (!existsSync(path)) return { entries: [], problems: [] };
  const lines = new LineCounter();
  const document = parseDocument(readFileSync(path, 'utf8'), { lineCounter: lines, schema: 'core', prettyErrors: true, uniqueKeys: true });
  if (document.errors.length) {
    return {
      entries: [],
      problems: document.errors.map((error) =>
        problem('RelationsYamlInvalid', { file, line: error.linePos?.[0].line }, error.message.split('\n')[0] ?? error.message),
      ),
    };
  }
  const data = document.toJS() as unknown;
  if (data === null || data === undefined) return { entries: [], problems: [] };
  if (!Array.isArray(data)) {
    return { entries: [], problems: [problem('RelationsInvalid', { file, line: lineOf(document, lines, []) }, '(root)', 'expected a list of relations (`[]` for none)')] };
  }

  const entries: CuratedRelation[] = [];
  const problems: ContentProblem[] = [];
  const pairLine = new Map<string, number>();
  const schema = entrySchema((id) => statementTexts.get(id));
  data.forEach((raw: unknown, index) => {
    const at = (...path: (string | number)[]) => ({ file, line: lineOf(document, lines, [index, ...path]) });
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const issuePath = [index, ...issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part))];
        // A misspelt field is reported at its own line.
        const where = issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined ? [...issuePath, issue.keys[0]] : issuePath;
        problems.push(problem('RelationsInvalid', { file, line: lineOf(document, lines, where) }, issuePath.join('.'), issue.message));
      }
      return;
    }
    const entry = parsed.data;
    let known = true;
    for (const field of ['a', 'b'] as const) {
      const id = entry[field];
      const text = statementTexts.get(id);
      const opens = entry[`${field}_opens`];
      if (text === undefined) {
        problems.push(problem('UnknownStatement', at(field), id, field, suggestion(id, statementTexts)));
        known = false;
      } else if (!opensWith(text, opens)) {
        // The anchor may have moved (a paragraph split differently, the blocks edited): the id now names another statement.
        const given = collapseWhitespace(opens);
        const now = firstWords(text, Math.max(wordCount(given), MIN_OPENING_WORDS));
        problems.push(problem('StatementOpensOtherwise', at(`${field}_opens`), id, field, given, now, openedInDocument(id, opens, statementTexts)));
        known = false;
      }
    }
    if (!known) return;
    const [a, b] = entry.a < entry.b ? [entry.a, entry.b] : [entry.b, entry.a];
    const line = at().line;
    const pair = `${a}\n${b}`;
    const earlier = pairLine.get(pair);
    if (earlier !== undefined) {
      problems.push(problem('DuplicateRelation', { file, line }, a, b, earlier));
      return;
    }
    pairLine.set(pair, line);
    if (entry.suppress) entries.push({ action: 'suppress', a, b, line, note: entry.note ?? '' });
    else if (entry.kind) entries.push({ action: 'add', a, b, line, kind: entry.kind, ...(entry.note === undefined ? {} : { note: entry.note }) });
  });
  return { entries, problems };
}

/**
 * The detected relations with the curated entries applied: a suppressed pair is
 * removed; an added pair replaces whatever was detected for it, with score 1
 * and the two whole statements as its passages (`textById` gives the texts).
 */
export function applyCuratedRelations(
  detected: readonly Relation[],
  curated: readonly CuratedRelation[],
  textById: ReadonlyMap<string, string>,
): Relation[] {
  const curatedPairs = new Set(curated.map((entry) => `${entry.a}\n${entry.b}`));
  const relations = detected.filter((relation) => !curatedPairs.has(`${relation.a}\n${relation.b}`));
  for (const entry of curated) {
    if (entry.action !== 'add') continue;
    const whole = (id: string) => {
      const text = textById.get(id);
      if (text === undefined) throw new Error(`applyCuratedRelations: no text for statement \`${id}\` (content/relations.yaml:${entry.line})`);
      return { start: 0, end: text.length, text };
    };
    relations.push({
      a: entry.a,
      b: entry.b,
      kind: entry.kind,
      score: 1,
      passageA: whole(entry.a),
      passageB: whole(entry.b),
      origin: 'curated',
      ...(entry.note === undefined ? {} : { note: entry.note }),
    });
  }
  return relations.sort(compareRelations);
}
