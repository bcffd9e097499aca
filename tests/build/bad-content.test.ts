/**
 * Every kind of bad input the content check must refuse, each fed to a copy of
 * the content: the check exits 1, says where (file and line) and what, adds a
 * hint, and leaves the sources untouched.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copyContent, MEMRI, PHONE_CALL, type ContentCopy } from '../helpers/content-copy.ts';
import { ROOT } from '../helpers/paths.ts';

let copy: ContentCopy | undefined;
afterEach(() => copy?.remove());

function runCheck(root: string) {
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts/check-content.ts')], { cwd: root, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1;

interface BadInput {
  name: string;
  file: string;
  break(copy: ContentCopy): void;
  /** The text the located message must contain, and the line it must name (found after the edit). */
  message: string | RegExp;
  line?: (text: string) => number;
  hint: RegExp;
}

const DIPLOMAT = 'content/documents/2021-03-23-diplomat-china-russia-show-solidarity.md';
const SPEAKERS = 'content/speakers.yaml';
const RELATIONS = 'content/relations.yaml';
const TRACKER_SLUG = '2021-03-23-tracker-china-russia-ties-after-anchorage';

const cases: BadInput[] = [
  {
    name: 'an impossible date',
    file: PHONE_CALL,
    break: (c) => c.edit(PHONE_CALL, 'date: "2021-02-04"', 'date: "2021-02-30"'),
    message: '**date**: `2021-02-30` does not exist: 2021-02 has 28 days',
    line: () => 3,
    hint: /FrontmatterInvalid/u,
  },
  {
    name: 'an unknown outlet',
    file: PHONE_CALL,
    break: (c) => c.edit(PHONE_CALL, 'outlet: "china-mfa"', 'outlet: "china-mfaa"'),
    message: /unknown outlet `china-mfaa`.*did you mean `china-mfa`/u,
    line: () => 5,
    hint: /UnknownOutlet|UnknownSpeaker/u,
  },
  {
    name: 'a missing required field',
    file: PHONE_CALL,
    break: (c) => c.edit(PHONE_CALL, 'kind: "readout"\n', ''),
    message: /\*\*kind\*\*/u,
    hint: /FrontmatterInvalid/u,
  },
  {
    name: 'broken YAML frontmatter',
    file: PHONE_CALL,
    break: (c) => c.edit(PHONE_CALL, 'kind: "readout"', 'kind: "readout'),
    message: /not valid YAML/u,
    hint: /FrontmatterYamlInvalid/u,
  },
  {
    name: 'a note never referenced',
    file: MEMRI,
    break: (c) => c.edit(MEMRI, '[^16]', ''),
    message: /note `\[\^16\]` is never referenced/u,
    line: (text) => lineOf(text, '[^16]:'),
    hint: /MarkdownRuleViolated/u,
  },
  {
    name: 'an empty body',
    file: PHONE_CALL,
    break: (c) => c.write(PHONE_CALL, `${c.read(PHONE_CALL).split('\n---\n')[0]}\n---\n\n`),
    message: 'the body after the frontmatter is empty',
    hint: /\[EmptyBody\]/u,
  },
  {
    name: 'two documents with the same slug',
    file: 'content/documents/2021-02-04-MFA-wang-yi-lavrov-phone-call.md',
    break: (c) => c.write('content/documents/2021-02-04-MFA-wang-yi-lavrov-phone-call.md', c.read(PHONE_CALL)),
    message: /slug|same/iu,
    hint: /Slug/u,
  },
  {
    name: 'an alias claimed by two speakers',
    file: SPEAKERS,
    break: (c) => c.edit(SPEAKERS, 'aliases: [Sergey Lavrov, Sergei Lavrov,', 'aliases: [Sergey Lavrov, Wang Yi, Sergei Lavrov,'),
    message: /alias "Wang Yi" is claimed by both `wang-yi` and `sergey-lavrov`/u,
    line: (text) => lineOf(text, 'aliases: [Sergey Lavrov, Wang Yi'),
    hint: /\[AliasClaimedTwice\]/u,
  },
  {
    name: 'a display name used by two speakers',
    file: SPEAKERS,
    break: (c) => c.edit(SPEAKERS, 'name: Sergey Lavrov', 'name: Wang Yi'),
    message: /name "Wang Yi" is used by both `wang-yi` and `sergey-lavrov`/u,
    line: (text) => text.split('\n').findIndex((line, index, lines) => line.includes('name: Wang Yi') && lines.slice(0, index).some((before) => before.includes('name: Wang Yi'))) + 1,
    hint: /\[SpeakerNameTaken\]/u,
  },
  {
    // As when the tracker's paragraphs were renumbered: the id now names the next statement, whose words differ.
    name: 'a curated relation whose statement does not begin with its opening words',
    file: RELATIONS,
    break: (c) => c.edit(RELATIONS, `${TRACKER_SLUG}/p2"`, `${TRACKER_SLUG}/p3"`),
    message: `statement \`${TRACKER_SLUG}/p3\` in \`a\` now begins with \`"Our cooperation on the international stage is having…\`, not \`“We regard the new era of Russian-Chinese relations\` as \`a_opens\` says`,
    line: (text) => lineOf(text, '  a_opens: "“We regard'),
    hint: new RegExp(`hint: In the same document these words open \`${TRACKER_SLUG}/p2\`: if that is the statement meant, put its id in \`a\`\\. The anchor may have moved .*\\[StatementOpensOtherwise\\]`, 'u'),
  },
  {
    name: 'a curated relation without its opening words',
    file: RELATIONS,
    break: (c) => c.edit(RELATIONS, `  b_opens: 'CCTV: "Russian Foreign Minister Lavrov said in an interview'\n`, ''),
    message: '**0.b_opens**: required: the first words of statement `b` as printed (at least 4, or the whole statement if it is shorter)',
    line: (text) => lineOf(text, `- a: "${TRACKER_SLUG}/p2"`),
    hint: /\[RelationsInvalid\]/u,
  },
  {
    name: 'a <style> element',
    file: DIPLOMAT,
    break: (c) => c.write(DIPLOMAT, `${c.read(DIPLOMAT)}\n<style>body { display: none }</style>\n`),
    message: /raw HTML is not allowed: `<style>/u,
    line: (text) => lineOf(text, '<style>'),
    hint: /MarkdownRuleViolated/u,
  },
  {
    name: 'an <iframe>',
    file: DIPLOMAT,
    break: (c) => c.write(DIPLOMAT, `${c.read(DIPLOMAT)}\n<iframe src="https://example.org"></iframe>\n`),
    message: /raw HTML is not allowed: `<iframe/u,
    line: (text) => lineOf(text, '<iframe'),
    hint: /MarkdownRuleViolated/u,
  },
  {
    name: 'an on* handler',
    file: DIPLOMAT,
    break: (c) => c.write(DIPLOMAT, `${c.read(DIPLOMAT)}\nA picture <img src="x" onerror="alert(1)"> here.\n`),
    message: /raw HTML is not allowed: `<img src="x" onerror/u,
    line: (text) => lineOf(text, 'onerror'),
    hint: /MarkdownRuleViolated/u,
  },
  {
    name: 'a javascript: link',
    file: DIPLOMAT,
    break: (c) => c.write(DIPLOMAT, `${c.read(DIPLOMAT)}\nA [link](javascript:alert(document.cookie)) here.\n`),
    message: /link to `javascript:alert\(document.cookie\)` uses a protocol that is not allowed/u,
    line: (text) => lineOf(text, 'javascript:'),
    hint: /MarkdownRuleViolated/u,
  },
];

describe('bad content stops the build with a message a person can act on', () => {
  it.each(cases)('$name', (bad) => {
    copy = copyContent();
    bad.break(copy);
    const after = copy.read(bad.file);
    const { status, output } = runCheck(copy.root);
    expect(status).toBe(1);
    expect(output).toContain('Nothing was built.');
    if (typeof bad.message === 'string') expect(output).toContain(bad.message);
    else expect(output).toMatch(bad.message);
    const located = bad.line ? `${bad.file}:${bad.line(after)}` : bad.file;
    expect(output).toContain(located);
    expect(output).toMatch(bad.hint);
    // The check reads; it never rewrites a source.
    expect(copy.read(bad.file)).toBe(after);
  });
});
