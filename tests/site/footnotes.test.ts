/** MEMRI's 16 notes in the built page: linked both ways, text unchanged, oddities flagged beside them. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findAll, hasClass, readPage, sourceText } from '../helpers/html.ts';
import { ROOT } from '../helpers/paths.ts';

const page = readPage('/documents/2021-03-24-memri-special-dispatch-9252/');
const raw = readFileSync(join(ROOT, 'content/sources/000_276af81184ed5b83.txt'), 'utf8');
const norm = (text: string) => text.replace(/\s+/gu, ' ').trim();

describe('MEMRI footnotes', () => {
  const references = findAll(page, (element) => element.tagName === 'a' && element.properties['dataFootnoteRef'] !== undefined);
  const backReferences = findAll(page, (element) => element.tagName === 'a' && element.properties['dataFootnoteBackref'] !== undefined);
  const notes = findAll(page, (element) => element.tagName === 'li' && String(element.properties['id'] ?? '').startsWith('user-content-fn-'));

  it('has 16 references, 16 notes and a way back from each', () => {
    expect(references).toHaveLength(16);
    expect(notes).toHaveLength(16);
    expect(backReferences).toHaveLength(16);
    for (const reference of references) {
      expect(reference.properties['ariaDescribedBy']).toEqual(['footnote-label']);
      const target = String(reference.properties['href']).slice(1);
      expect(notes.map((note) => note.properties['id'])).toContain(target);
    }
    for (const back of backReferences) expect(String(back.properties['ariaLabel'])).toMatch(/^Back to reference \d+/);
  });

  it('keeps each note text as received', () => {
    const received = [...raw.matchAll(/^\[(\d+)\](.*)$/gmu)].map((match) => [match[1], norm(match[2] ?? '')] as const);
    expect(received).toHaveLength(16);
    for (const [number, text] of received) {
      const note = notes.find((element) => element.properties['id'] === `user-content-fn-${number}`);
      expect(note, `note ${number}`).toBeDefined();
      expect(norm(sourceText(note!))).toBe(text);
    }
  });

  it('flags notes 3, 7 and 12, and no other', () => {
    const flagged = notes
      .filter((note) => findAll(note, (element) => hasClass(element, 'editorial-flag')).length > 0)
      .map((note) => String(note.properties['id']).replace('user-content-fn-', ''));
    expect(flagged).toEqual(['3', '7', '12']);
  });
});
