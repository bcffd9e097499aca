import { afterEach, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/lib/content-errors.ts';
import { readContent } from '../../src/lib/read-content.ts';
import { copyContent, PHONE_CALL, type ContentCopy } from '../helpers/content-copy.ts';
import { ROOT } from '../helpers/paths.ts';

let copy: ContentCopy | undefined;
afterEach(() => copy?.remove());

function problemsAfter(edit: (copy: ContentCopy) => void) {
  copy = copyContent();
  edit(copy);
  return readContent(copy.root).problems;
}

describe('the content as committed', () => {
  it('has no problems', () => {
    const { problems, documents, speakers } = readContent(ROOT);
    expect(problems.map(formatProblem)).toEqual([]);
    expect(documents).toHaveLength(5);
    expect(speakers.map((speaker) => speaker.id)).toEqual(expect.arrayContaining(['wang-yi', 'sergey-lavrov', 'hua-chunying']));
  });
});

describe('frontmatter problems name the file and line', () => {
  it('an impossible date', () => {
    const problems = problemsAfter((c) => c.edit(PHONE_CALL, 'date: "2021-02-04"', 'date: "2021-02-30"'));
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^content\/documents\/2021-02-04-mfa-wang-yi-lavrov-phone-call\.md:3  \*\*date\*\*: `2021-02-30` does not exist/),
    ]);
  });

  it('an unquoted impossible date is read as written, not shifted to another day', () => {
    const problems = problemsAfter((c) => c.edit(PHONE_CALL, 'date: "2021-02-04"', 'date: 2021-02-30'));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toContain('`2021-02-30` does not exist');
  });

  it('an unknown speaker id, with a suggestion', () => {
    const problems = problemsAfter((c) => c.edit(PHONE_CALL, '"sergey-lavrov"]', '"sergei-lavorv"]'));
    expect(problems).toHaveLength(1);
    expect(formatProblem(problems[0]!)).toMatch(
      /^content\/documents\/2021-02-04-mfa-wang-yi-lavrov-phone-call\.md:7  unknown speaker `sergei-lavorv` in `speakers`; did you mean `sergey-lavrov`\?\n  hint: Use an id from content\/speakers\.yaml/,
    );
  });

  it('a missing required field', () => {
    const problems = problemsAfter((c) => c.edit(PHONE_CALL, 'outlet: "china-mfa"\n', ''));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ name: 'FrontmatterInvalid', file: PHONE_CALL });
    expect(problems[0]?.message).toMatch(/^\*\*outlet\*\*: /);
  });

  it('an unknown outlet', () => {
    const problems = problemsAfter((c) => c.edit(PHONE_CALL, 'outlet: "china-mfa"', 'outlet: "china-mfaa"'));
    expect(problems.map((p) => p.message)).toEqual(['unknown outlet `china-mfaa`; did you mean `china-mfa`?']);
  });

  it('broken YAML', () => {
    const problems = problemsAfter((c) => c.edit(PHONE_CALL, 'kind: "readout"', 'kind: "readout'));
    expect(problems[0]).toMatchObject({ name: 'FrontmatterYamlInvalid', file: PHONE_CALL });
    expect(problems[0]?.line).toBeGreaterThan(1);
  });

  it('a chrome line that is not in the source (it would hide text)', () => {
    const problems = problemsAfter((c) => c.edit(PHONE_CALL, 'chrome: ["Home > China News"]', 'chrome: ["Wang Yi said"]'));
    expect(problems.map((p) => p.name)).toEqual(['DroppedLineNotInSource']);
  });

  it('a chrome line that is a source line but for its spacing is accepted; one that only starts like it is not', () => {
    expect(problemsAfter((c) => c.edit(PHONE_CALL, 'chrome: ["Home > China News"]', 'chrome: ["  Home \u00a0>   China News "]'))).toEqual([]);
    const problems = problemsAfter((c) => c.edit(PHONE_CALL, 'chrome: ["Home > China News"]', 'chrome: ["Home > China"]'));
    expect(problems.map((p) => p.name)).toEqual(['DroppedLineNotInSource']);
  });

  it('an empty body', () => {
    const problems = problemsAfter((c) => c.write(PHONE_CALL, c.read(PHONE_CALL).replace(/\n---\n[\s\S]*$/, '\n---\n\n')));
    expect(problems.map((p) => p.name)).toEqual(['EmptyBody']);
  });

  it('a missing raw source', () => {
    const problems = problemsAfter((c) => c.edit(PHONE_CALL, 'source: "003_894007f0d8bd6792.txt"', 'source: "missing.txt"'));
    expect(problems.map((p) => p.name)).toEqual(['SourceFileMissing']);
  });
});

describe('registry problems', () => {
  it('an alias claimed by two speakers', () => {
    const problems = problemsAfter((c) => c.edit('content/speakers.yaml', 'aliases: [Hua Chunying,', 'aliases: [Lavrov, Hua Chunying,'));
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^content\/speakers\.yaml:\d+  alias "Lavrov" is claimed by both `sergey-lavrov` and `hua-chunying`/),
    ]);
  });

  it('a duplicate id', () => {
    const problems = problemsAfter((c) => c.edit('content/speakers.yaml', '- id: natasha-kuhrt', '- id: dmitri-trenin'));
    expect(problems.map((p) => p.name)).toContain('DuplicateSpeakerId');
  });
});

describe('events problems', () => {
  it('an unknown participant, located, with a suggestion', () => {
    const problems = problemsAfter((c) => c.edit('content/events.yaml', 'participants: [jiang-zemin, vladimir-putin]', 'participants: [jiang-zemin, vladimir-puttin]'));
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^content\/events\.yaml:\d+  unknown speaker `vladimir-puttin` in `participants`; did you mean `vladimir-putin`\?/),
    ]);
  });

  it('an impossible date and an end before the start', () => {
    const problems = problemsAfter((c) => {
      c.edit('content/events.yaml', 'date: "2001-07-16"', 'date: "2001-02-30"');
      c.edit('content/events.yaml', 'until: "2021-03-19"', 'until: "2021-03-17"');
    });
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^\*\*0\.date\*\*: `2001-02-30` does not exist/),
      '**5.until**: `until` is before `date`',
    ]);
    expect(problems.every((p) => p.file === 'content/events.yaml' && (p.line ?? 0) > 1)).toBe(true);
  });
});
