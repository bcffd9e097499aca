/**
 * The gate in front of `astro build`, run as `npm run build` runs it: on a
 * copy of the content with one thing broken, it must exit non-zero and say
 * where and what, and the source must be left as it was.
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

describe('npm run check:content', () => {
  it('passes on the committed content', () => {
    const { status, output } = runCheck(ROOT);
    expect(output).toMatch(/Content check passed: 5 documents/);
    expect(status).toBe(0);
  });

  it('fails on an unknown speaker, naming file, line and a fix', () => {
    copy = copyContent();
    copy.edit(PHONE_CALL, '"wang-yi"', '"wang-yii"');
    const { status, output } = runCheck(copy.root);
    expect(status).toBe(1);
    expect(output).toContain('Nothing was built.');
    expect(output).toContain(`${PHONE_CALL}:7  unknown speaker \`wang-yii\` in \`speakers\`; did you mean \`wang-yi\`?`);
  });

  it('fails on raw HTML in a body, at the line of the body, and leaves the file unchanged', () => {
    copy = copyContent();
    copy.edit(MEMRI, '"Thank you."\n', '"Thank you."\n\n<script>alert(1)</script>\n');
    const before = copy.read(MEMRI);
    const line = before.split('\n').indexOf('<script>alert(1)</script>') + 1;
    const { status, output } = runCheck(copy.root);
    expect(status).toBe(1);
    expect(output).toContain(`${MEMRI}:${line}  raw HTML is not allowed`);
    expect(output).toContain('[MarkdownRuleViolated]');
    expect(copy.read(MEMRI)).toBe(before);
  });

  it('fails on a footnote reference that has no note', () => {
    copy = copyContent();
    copy.edit(MEMRI, 'Washington.[^1]', 'Washington.[^17]');
    const { status, output } = runCheck(copy.root);
    expect(status).toBe(1);
    expect(output).toContain('footnote reference `[^17]` has no note');
    expect(output).toContain('note `[^1]` is never referenced');
  });

  it('fails on a curated relation naming an unknown statement, at its line, with a suggestion', () => {
    copy = copyContent();
    copy.edit('content/relations.yaml', '2021-03-24-memri-special-dispatch-9252/p74"', '2021-03-24-memri-special-dispach-9252/p74"');
    const line = copy.read('content/relations.yaml').split('\n').findIndex((text) => text.includes('dispach')) + 1;
    const { status, output } = runCheck(copy.root);
    expect(status).toBe(1);
    expect(output).toContain(`content/relations.yaml:${line}`);
    expect(output).toContain('did you mean `2021-03-24-memri-special-dispatch-9252/p74`?');
  });

  it('fails on a timeline event whose date no text mentions, at the event, and on an unknown participant', () => {
    copy = copyContent();
    copy.edit('content/events.yaml', 'date: "2016"', 'date: "1999"');
    copy.edit('content/events.yaml', 'participants: [jiang-zemin, vladimir-putin]', 'participants: [jiang-zemin, vladimir-puttin]');
    const lines = copy.read('content/events.yaml').split('\n');
    const idLine = lines.findIndex((text) => text.includes('id: declaration-international-law-2016')) + 1;
    const participantLine = lines.findIndex((text) => text.includes('vladimir-puttin')) + 1;
    const { status, output } = runCheck(copy.root);
    expect(status).toBe(1);
    expect(output).toContain(`content/events.yaml:${participantLine}  unknown speaker \`vladimir-puttin\``);
    expect(output).toContain('did you mean `vladimir-putin`?');
    // Participants are checked with the registry, before the documents; fix that one to reach the date check.
    copy.edit('content/events.yaml', 'vladimir-puttin', 'vladimir-putin');
    const second = runCheck(copy.root);
    expect(second.status).toBe(1);
    expect(second.output).toContain(`content/events.yaml:${idLine}  event \`declaration-international-law-2016\` (1999) falls on no date tagged in the documents`);
  });

  it('annotates a document once per change: a second run takes all from the cache, an edit re-annotates only that one', () => {
    copy = copyContent();
    expect(runCheck(copy.root).output).toMatch(/; 0 annotations from the cache/u);
    expect(runCheck(copy.root).output).toMatch(/5 annotations from the cache/u);
    copy.edit(PHONE_CALL, 'Lavrov said, the importance', 'Lavrov said, the great importance');
    const edited = runCheck(copy.root);
    expect(edited.status).toBe(0);
    expect(edited.output).toMatch(/4 annotations from the cache/u);
  });
});
