import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { FoundRelations } from '../../src/lib/relations/find-relations.ts';
import { awaitHandedRelations, writeHandedRelations } from '../../src/lib/relations/relations-handoff.ts';
import { awaitContentHandoff, writeContentHandoff, type HandedDocument } from '../../src/lib/content-handoff.ts';

const folder = mkdtempSync(join(tmpdir(), 'dispatch-handoff-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const found: FoundRelations = {
  relations: [
    {
      a: 'doc-a/s-1',
      b: 'doc-b/s-1',
      kind: 'verbatim',
      score: 1,
      passageA: { start: 0, end: 10, text: 'Same words' },
      passageB: { start: 8, end: 18, text: 'Same words' },
      origin: 'detected',
    },
    {
      a: 'doc-a/s-1',
      b: 'doc-c/s-2',
      kind: 'paraphrase',
      score: 1,
      passageA: { start: 0, end: 19, text: 'Same words, said A.' },
      passageB: { start: 0, end: 14, text: 'Other words, C' },
      origin: 'curated',
      note: 'An editor’s note',
    },
  ],
  stats: { statements: 3, sentences: 2, candidatePairs: 1, comparisons: 1, droppedKeys: 0, postingsVisited: 1, relations: 1 },
  curated: 0,
  milliseconds: 3,
};

const texts = new Map([
  ['doc-a/s-1', 'Same words, said A.'],
  ['doc-b/s-1', 'We say: Same words'],
  ['doc-c/s-2', 'Other words, C.'],
]);
const textOf = (id: string) => texts.get(id);

describe('the relations handed from the build to Astro', () => {
  it('are waited for until the build writes them, then read whole, their passages cut from the statements', async () => {
    const path = join(folder, 'later.json');
    const waiting = awaitHandedRelations(path, textOf, 5_000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(existsSync(path)).toBe(false);
    writeHandedRelations(path, found);
    await expect(waiting).resolves.toEqual(found);
    // The file holds offsets, not the passages' words: the reader has the statements. And each statement's id once.
    const file = readFileSync(path, 'utf8');
    expect(file).not.toContain('Same words');
    expect(file.split('doc-a/s-1').length - 1).toBe(1);
    // Written through a temporary file that is renamed: none is left behind.
    expect(existsSync(`${path}.tmp`)).toBe(false);
  });

  it('are refused, with what to do, when they name a statement the content does not have', async () => {
    const path = join(folder, 'stale.json');
    writeHandedRelations(path, found);
    const without = (id: string) => (id === 'doc-b/s-1' ? undefined : textOf(id));
    await expect(awaitHandedRelations(path, without, 100)).rejects.toThrow(/RelationsOutOfDate: .*`doc-b\/s-1`, which the content does not have[\s\S]*Hint: /u);
    const shorter = (id: string) => (id === 'doc-b/s-1' ? 'We say' : textOf(id));
    await expect(awaitHandedRelations(path, shorter, 100)).rejects.toThrow(/`doc-b\/s-1`, which has no characters 8 to 18/u);
    // A row naming a statement the file does not list, an unknown kind, a file of the older form: refused, not guessed.
    const rows = JSON.parse(readFileSync(path, 'utf8'));
    writeFileSync(path, JSON.stringify({ ...rows, relations: [[0, 7, ...rows.relations[0].slice(2)]] }));
    await expect(awaitHandedRelations(path, textOf, 100)).rejects.toThrow(/RelationsOutOfDate: .*statement number 7, which the file does not list/u);
    writeFileSync(path, JSON.stringify({ ...rows, relations: [[0, 1, 'echo', ...rows.relations[0].slice(3)]] }));
    await expect(awaitHandedRelations(path, textOf, 100)).rejects.toThrow(/the kind `echo`/u);
    writeFileSync(path, JSON.stringify({ ...rows, statements: undefined }));
    await expect(awaitHandedRelations(path, textOf, 100)).rejects.toThrow(/not in the form this build reads/u);
    writeFileSync(path, '');
  });

  it('fail with the file and what to do when the build never writes them', async () => {
    await expect(awaitHandedRelations(join(folder, 'never.json'), textOf, 100)).rejects.toThrow(/RelationsNotHanded: .*never\.json[\s\S]*Hint: run `npm run build` again/u);
  });
});

describe('the checked documents handed from the build to Astro’s loader', () => {
  const documents: HandedDocument[] = [{ slug: 'doc', file: 'content/documents/doc.md', frontmatter: { title: 'A document', speakers: ['wang-yi'] }, key: 'a'.repeat(64) }];

  it('are waited for while the content check runs, then read whole', async () => {
    const path = join(folder, 'content.json');
    const waiting = awaitContentHandoff(path, 5_000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    writeContentHandoff(path, documents);
    await expect(waiting).resolves.toEqual(documents);
  });

  it('fail with their own name and what to do when the build never writes them', async () => {
    await expect(awaitContentHandoff(join(folder, 'missing.json'), 100)).rejects.toThrow(
      /ContentNotHanded: the build did not hand over the checked documents in 0 s \(expected .*missing\.json\)\.\nHint: .*DISPATCH_CONTENT_FILE/u,
    );
  });
});
