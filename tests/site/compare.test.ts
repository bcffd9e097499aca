/**
 * Comparison pages in dist/: a pair of passages from two documents appears on
 * both documents' comparison pages, and both must mark the same words as
 * differing (each computes the diff in the relation's own order).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST } from '../helpers/paths.ts';

const folder = join(DIST, 'compare');
const pages = existsSync(folder) ? readdirSync(folder).map((slug) => readFileSync(join(folder, slug, 'index.html'), 'utf8')) : [];

/** Each pair on a page: its id, and the rendering (HTML) of each side by the statement it quotes. */
function pairsOf(html: string): { id: string; sides: Map<string, string> }[] {
  return [...html.matchAll(/<section class="compare-pair" id="(c-[^"]+)">([\s\S]*?)<\/section>/gu)].map(([, id, body]) => ({
    id: id!,
    sides: new Map([...body!.matchAll(/<blockquote cite="([^"]+)">\s*<p>([\s\S]*?)<\/p>\s*<\/blockquote>/gu)].map(([, cite, rendering]) => [cite!, rendering!])),
  }));
}

describe('comparison pages', () => {
  it('mark the same words on both pages of a pair', () => {
    const seen = new Map<string, Map<string, string>>();
    let compared = 0;
    for (const page of pages) {
      for (const { id, sides } of pairsOf(page)) {
        expect(sides.size, id).toBe(2);
        const other = seen.get(id);
        if (!other) {
          seen.set(id, sides);
          continue;
        }
        compared++;
        for (const [cite, rendering] of sides) expect(rendering, `${id} ${cite}`).toBe(other.get(cite));
      }
    }
    // The five documents' relations: most pairs join two documents and so appear on two pages.
    expect(compared).toBeGreaterThanOrEqual(10);
    expect([...seen.values()].some((sides) => [...sides.values()].some((rendering) => rendering.includes('<mark>')))).toBe(true);
  });
});
