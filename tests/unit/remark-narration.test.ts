/**
 * remark-narration: the document's own words (narration, headings, notes) are
 * recorded, and the statements' words and the site's labels are not.
 */
import { describe, expect, it } from 'vitest';
import { processForCheck } from '../../src/pipeline/check-processor.ts';
import { readContent } from '../../src/lib/read-content.ts';
import { ROOT } from '../helpers/paths.ts';

const { documents } = readContent(ROOT);

async function narrationOf(slugPart: string) {
  const document = documents.find((candidate) => candidate.slug.includes(slugPart))!;
  const file = await processForCheck(document.body, document.file, { ...document.frontmatter });
  return { narration: file.data.narration ?? [], statements: file.data.statements ?? [], frontmatter: (file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro?.frontmatter };
}

describe('remark-narration', () => {
  it('records the narration of a readout and none of its statements', async () => {
    const { narration, statements, frontmatter } = await narrationOf('phone-call');
    expect(narration.join(' ')).toContain('On February 4, 2021, State Councilor and Foreign Minister Wang Yi had a phone conversation with Russian Foreign Minister Sergey Lavrov.');
    expect(statements.length).toBeGreaterThan(0);
    for (const statement of statements) expect(narration.join(' ')).not.toContain(statement.text.replace(/\s+/gu, ' ').trim());
    // Nor the labels the site adds to statements.
    expect(narration.join(' ')).not.toMatch(/¶|Unattributed/u);
    expect(frontmatter?.['narration']).toEqual(narration);
  });

  it('records headings and notes, and keeps the narration around a quotation inside a paragraph', async () => {
    const { narration } = await narrationOf('memri');
    expect(narration).toContain("Russian FM Lavrov's Opening Remarks During Talks With Chinese FM Wang Yi");
    expect(narration.some((block) => block.startsWith('See MEMRI Inquiry and Analysis No. 1536'))).toBe(true);
    const diplomat = await narrationOf('diplomat');
    expect(diplomat.narration.join(' ')).toContain('the two said in a joint statement.');
  });
});
