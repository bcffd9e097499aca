/**
 * Document pages as light as the text (issue 7's budget): the gzipped HTML and
 * render-blocking CSS of each document page at most 8 KiB more than the
 * gzipped source text it publishes. Every page holds it; the closest is
 * MEMRI's dispatch (59 statements, 18 related lists, 16 notes): 7.8 KiB over
 * its source since the statements' anchors became paragraph numbers (8.9
 * KiB with anchors of six words).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DIST, ROOT } from '../helpers/paths.ts';

const BUDGET = 8 * 1024;
const documents = JSON.parse(readFileSync(join(DIST, 'data/documents.json'), 'utf8')).documents as { slug: string; source: string }[];
const gzip = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length;

function pageWeight(slug: string): { over: number; blockingCss: string[] } {
  const html = readFileSync(join(DIST, 'documents', slug, 'index.html'));
  // Render-blocking: a stylesheet without a media query that rules it out on screen.
  const links = [...html.toString('utf8').matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*>/gu)].map((match) => match[0]);
  const blockingCss = links.filter((link) => !/\bmedia="print"/u.test(link)).map((link) => /href="([^"]+)"/u.exec(link)![1]!);
  const source = readFileSync(join(ROOT, 'content', documents.find((document) => document.slug === slug)!.source));
  const css = blockingCss.reduce((sum, href) => sum + gzip(readFileSync(join(DIST, href))), 0);
  return { over: gzip(html) + css - gzip(source), blockingCss };
}

describe('document page weight', () => {
  it.each(documents.map((document) => [document.slug]))('%s: gzipped HTML and blocking CSS within the source + 8 KiB', (slug) => {
    const { over, blockingCss } = pageWeight(slug);
    expect(blockingCss.length).toBeGreaterThan(0);
    expect(over).toBeLessThanOrEqual(BUDGET);
    console.info(`${slug}: ${(over / 1024).toFixed(1)} KiB over its source`);
  });

  it('keeps the print stylesheet and the search and comparison styles off document pages’ critical path', () => {
    const html = readFileSync(join(DIST, 'documents', documents[0]!.slug, 'index.html'), 'utf8');
    expect(html).toMatch(/<link rel="stylesheet" href="\/styles\/print.css" media="print">/u);
    const { blockingCss } = pageWeight(documents[0]!.slug);
    const css = blockingCss.map((href) => readFileSync(join(DIST, href), 'utf8')).join('');
    expect(css).not.toContain('.facets');
    expect(css).not.toContain('.compare');
    expect(css).not.toContain('@media print');
    // And no script is inlined into the page: the site's script is one cached file.
    expect(html).not.toMatch(/<script type="module">/u);
  });
});
