/**
 * Attribution fixtures: tests/fixtures/attribution/<behaviour>/input.md and
 * expected.json (every statement in reading order: speakers, kind, and the
 * opening words of its text). Expectations were written by reading the text,
 * not by copying output. Run through the same plugins as the build.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processForCheck } from '../../src/pipeline/check-processor.ts';
import { ROOT } from '../helpers/paths.ts';

const FIXTURES = join(ROOT, 'tests/fixtures/attribution');
const FRONTMATTER = { date: '2021-03-24', speakers: ['wang-yi', 'sergey-lavrov'], parties: ['wang-yi', 'sergey-lavrov'] };

interface Expected {
  speakers: string[];
  kind: string;
  text: string;
}

describe.each(readdirSync(FIXTURES).sort())('%s', (name) => {
  it('attributes every statement as a careful reader would', async () => {
    const input = readFileSync(join(FIXTURES, name, 'input.md'), 'utf8');
    const expected = JSON.parse(readFileSync(join(FIXTURES, name, 'expected.json'), 'utf8')) as Expected[];
    const file = await processForCheck(input, `${name}.md`, { ...FRONTMATTER });
    const actual = (file.data.statements ?? []).map((statement) => ({
      speakers: statement.speakers,
      kind: statement.kind,
      text: statement.text,
    }));
    expect(actual.map((statement, index) => ({ ...statement, text: statement.text.slice(0, expected[index]?.text.length ?? 40) }))).toEqual(expected);
  });
});

describe('rendered statements', () => {
  it('carry an id, data-speakers, a visible label and a link to themselves', async () => {
    const file = await processForCheck('Wang Yi said, the situation is at an important watershed.\n', 'x.md', { ...FRONTMATTER });
    const html = String(file.value);
    // A plain statement's kind goes unstated; the other kinds are written out (the styles select on them).
    expect(html).toContain('<p id="p1" class="statement" data-speakers="wang-yi">');
    expect(html).toMatch(/<span class="speaker-label" data-added=""[^>]*><a href="\/speakers\/wang-yi\/">Wang Yi<\/a> <\/span>Wang Yi said,/);
    // The ¶ link is the site's, not the source's: marked so, with nothing (not even a space) added outside it.
    expect(html).toMatch(/watershed\.<a href="#p1" class="permalink" data-added=""[^>]*>¶<\/a><\/p>/);
  });

  it('keep their element in a tight list, whose items would otherwise lose their paragraphs and the ids with them', async () => {
    const markdown = 'Intro.\n\n- Wang Yi said that the two sides are partners in all things.\n- Wang Yi stressed that they agree on all points.\n';
    const file = await processForCheck(markdown, 'x.md', { ...FRONTMATTER });
    const html = String(file.value);
    const ids = file.data.statements?.map((statement) => statement.id) ?? [];
    expect(ids).toEqual(['p2', 'p3']);
    for (const id of ids) {
      expect(html).toContain(`<p id="${id}" class="statement"`);
      expect(html).toContain(`href="#${id}" class="permalink"`);
    }
    // The words are the list's, item by item, as before.
    expect(html.match(/<li>/gu)).toHaveLength(2);
    expect(html).toMatch(/<\/span>Wang Yi said that the two sides are partners in all things\.<a href/u);
    // A tight list with no whole-paragraph statement stays tight.
    const plain = String((await processForCheck('Intro.\n\n- one point\n- another point\n', 'y.md', { ...FRONTMATTER })).value);
    expect(plain).toContain('<li>one point</li>');
  });

  it('gives statements in one document distinct ids: the paragraph\'s number, headings and list items counted', async () => {
    const file = await processForCheck('Wang Yi said, yes.\n\nWang Yi said, yes.\n', 'x.md', { ...FRONTMATTER });
    expect(file.data.statements?.map((statement) => statement.id)).toEqual(['p1', 'p2']);
    const markdown = '## Readout\n\n- A point.\n\nIntro.\n\nWang Yi noted, as you put it in your annual press conference "we can talk endlessly about Russian-Chinese cooperation that embraces a very wide range of spheres". China totally agrees with what you said.\n';
    const nested = await processForCheck(markdown, 'y.md', { ...FRONTMATTER });
    const statements = nested.data.statements ?? [];
    // The fourth block; the statement that holds the quote comes first, the quote is the paragraph's second.
    expect(statements.map((statement) => [statement.id, statement.text.slice(0, 20)])).toEqual([
      ['p4', 'Wang Yi noted, as yo'],
      ['p4-2', '"we can talk endless'],
    ]);
    expect(String(nested.value)).toContain('<span id="p4-2" class="statement"');
  });

  it('states a kind other than a plain statement on the element', async () => {
    const markdown = readFileSync(join(FIXTURES, 'an-outlet-asking-is-a-question', 'input.md'), 'utf8');
    const file = await processForCheck(markdown, 'x.md', { ...FRONTMATTER });
    expect((file.data.statements ?? []).map((statement) => [statement.id, statement.kind])).toEqual([
      ['p1', 'question'],
      ['p2', 'statement'],
    ]);
    const html = String(file.value);
    expect(html).toMatch(/<p id="p1" class="statement" data-speakers="[^"]+" data-statement-kind="question">/u);
    expect(html).toMatch(/<p id="p2" class="statement" data-speakers="[^"]+">/u);
  });

  it('an override in the frontmatter replaces the rule and is counted; one that matches nothing stops the build', async () => {
    const text = 'Although no timeline was provided, the two said the base would be “open to all interested countries and partners.”\n';
    const fixed = await processForCheck(text, 'x.md', { ...FRONTMATTER, attributions: [{ text: 'open to all interested', speakers: ['cnsa', 'roscosmos'], reason: 'r' }] });
    expect(fixed.data.statements?.map((s) => [s.speakers, s.rule])).toEqual([[['cnsa', 'roscosmos'], 'override']]);
    expect(fixed.data.overridesUsed).toBe(1);
    const unmatched = await processForCheck(text, 'x.md', { ...FRONTMATTER, attributions: [{ text: 'words that are not there', speakers: ['cnsa'], reason: 'r' }] });
    expect(unmatched.messages.filter((m) => m.fatal).map((m) => m.ruleId)).toEqual(['override-unmatched']);
  });
});
