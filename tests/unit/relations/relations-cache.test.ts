/**
 * The relations kept between builds (src/lib/relations/relations-cache.ts):
 * reused only when the statements, content/relations.yaml and the detection
 * code are what the last build found them from.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StatementRecord } from '../../../src/pipeline/remark-statements.ts';
import type { FoundRelations } from '../../../src/lib/relations/find-relations.ts';
import { hasKeptRelations, keepRelations, relationsKey, reuseRelations } from '../../../src/lib/relations/relations-cache.ts';
import { statementTexts } from '../../../src/lib/relations/find-relations.ts';
import { writeHandedRelations } from '../../../src/lib/relations/relations-handoff.ts';

let root: string;
const statement = (id: string, text: string, speakers = ['wang-yi']) => ({ id, text, speakers }) as StatementRecord;
const documents = (text = 'We oppose interference.', title = 'A readout') => [
  { document: { slug: 'a', date: '2021-03-23', title }, statements: [statement('s-we-oppose', text)] },
  { document: { slug: 'b', date: '2021-03-24', title: 'B' }, statements: [statement('s-we-also-oppose', 'We also oppose interference.', ['sergey-lavrov'])] },
];
const found: FoundRelations = {
  relations: [
    {
      a: 'a/s-we-oppose',
      b: 'b/s-we-also-oppose',
      kind: 'verbatim',
      score: 0.9,
      passageA: { start: 3, end: 23, text: 'oppose interference.' },
      passageB: { start: 8, end: 28, text: 'oppose interference.' },
      origin: 'detected',
    },
  ],
  stats: { statements: 2, sentences: 2, candidatePairs: 1, comparisons: 1, droppedKeys: 0, postingsVisited: 1, relations: 1 },
  curated: 0,
  milliseconds: 5,
};

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'relations-cache-'));
  mkdirSync(join(root, 'src/lib/relations'), { recursive: true });
  mkdirSync(join(root, 'content'), { recursive: true });
  mkdirSync(join(root, '.cache'), { recursive: true });
  writeFileSync(join(root, 'src/lib/relations/detect-relations.ts'), 'export const threshold = 0.8;');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('relationsKey', () => {
  it('changes with a statement, the relations file or the detection code, not with a title', () => {
    const key = relationsKey(root, documents());
    expect(relationsKey(root, documents(undefined, 'Another title'))).toBe(key);
    expect(relationsKey(root, documents('We firmly oppose interference.'))).not.toBe(key);
    writeFileSync(join(root, 'content/relations.yaml'), '- a: a/s-we-oppose\n');
    const withCurated = relationsKey(root, documents());
    expect(withCurated).not.toBe(key);
    writeFileSync(join(root, 'src/lib/relations/detect-relations.ts'), 'export const threshold = 0.7;');
    expect(relationsKey(root, documents())).not.toBe(withCurated);
  });
});

describe('reuseRelations and keepRelations', () => {
  it('hands the kept relations to Astro when the key matches, and nothing otherwise', () => {
    const handoff = join(root, '.cache/relations-handoff.json');
    const key = relationsKey(root, documents());
    const textOf = statementTexts(documents());
    expect(reuseRelations(root, key, handoff, textOf)).toBeUndefined();
    expect(hasKeptRelations(root)).toBe(false);
    writeHandedRelations(handoff, found);
    const handed = readFileSync(handoff, 'utf8');
    keepRelations(root, key, handoff);
    expect(hasKeptRelations(root)).toBe(true);
    expect(existsSync(handoff)).toBe(false);
    expect(reuseRelations(root, relationsKey(root, documents('Changed words.')), handoff, textOf)).toBeUndefined();
    expect(existsSync(handoff)).toBe(false);
    // The passages' words come back from the statements.
    expect(reuseRelations(root, key, handoff, textOf)).toEqual(found);
    expect(readFileSync(handoff, 'utf8')).toBe(handed);
  });

  it('drops a kept file that no longer reads back, so that the relations are found again', () => {
    const handoff = join(root, '.cache/relations-handoff.json');
    const key = relationsKey(root, documents());
    const textOf = statementTexts(documents());
    for (const damage of [(text: string) => text.slice(0, 40), (text: string) => {
      // A passage's end past its statement's text.
      const handed = JSON.parse(text);
      handed.relations[0][5] = 10_000;
      return JSON.stringify(handed);
    }]) {
      writeHandedRelations(handoff, found);
      keepRelations(root, key, handoff);
      const kept = join(root, '.cache/relations.json');
      writeFileSync(kept, damage(readFileSync(kept, 'utf8')));
      expect(reuseRelations(root, key, handoff, textOf)).toBeUndefined();
      expect(existsSync(kept)).toBe(false);
      expect(existsSync(join(root, '.cache/relations.key'))).toBe(false);
      expect(existsSync(handoff)).toBe(false);
    }
  });
});
