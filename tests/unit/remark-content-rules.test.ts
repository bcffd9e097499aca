import { describe, expect, it } from 'vitest';
import { processForCheck } from '../../src/pipeline/check-processor.ts';

async function fatalMessages(markdown: string) {
  const file = await processForCheck(markdown, 'fixture.md', {});
  return file.messages.filter((message) => message.fatal).map((message) => `${message.line}:${message.ruleId}`);
}

describe('remark-content-rules', () => {
  it('passes plain text with paired footnotes', async () => {
    expect(await fatalMessages('Said so.[^1]\n\n[^1]: , March 23, 2021.\n')).toEqual([]);
  });

  it.each([
    ['a script', 'Text.\n\n<script>alert(1)</script>\n', ['3:raw-html']],
    ['an inline handler', 'Text <img src=x onerror="alert(1)"> here.\n', ['1:raw-html']],
    ['an iframe', '<iframe src="https://example.org"></iframe>\n', ['1:raw-html']],
    ['a javascript: link', 'A [link](javascript:alert(1)).\n', ['1:unsafe-link']],
    ['a data: link definition', 'A [link][x].\n\n[x]: data:text/html,hi\n', ['3:unsafe-link']],
    ['a reference with no note', 'Said so.[^9]\n', ['1:footnote-undefined']],
    ['a note never referenced', 'Said so.\n\n[^2]: A note.\n', ['3:footnote-unreferenced']],
  ])('refuses %s', async (_case, markdown, expected) => {
    expect(await fatalMessages(markdown)).toEqual(expected);
  });

  it('allows http(s), mailto and site-relative links', async () => {
    expect(await fatalMessages('[a](https://example.org) [b](mailto:x@example.org) [c](/documents/) [d](#n)\n')).toEqual([]);
  });
});
