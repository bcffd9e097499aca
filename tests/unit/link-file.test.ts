/**
 * Files the build already has on disk, published by a hard link rather than written again (src/lib/link-file.ts),
 * and the raw sources published that way (parallel-outputs.ts). That a build's sources are the project's files is
 * checked on a cold build and a rebuild in tests/build/page-cache.test.ts.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCorpus } from '../../src/lib/corpus.ts';
import { linkOrCopyFile } from '../../src/lib/link-file.ts';
import { writeParallelOutputs } from '../../src/lib/parallel-outputs.ts';
import { ROOT } from '../helpers/paths.ts';
import { temporaryFolders } from '../helpers/temporary.ts';

const folder = temporaryFolders('dispatch-link-file-');

describe('linkOrCopyFile', () => {
  it('links: the target is the same file, not a second copy of its bytes', () => {
    const dir = folder();
    writeFileSync(join(dir, 'source.txt'), 'as received');
    linkOrCopyFile(join(dir, 'source.txt'), join(dir, 'target.txt'));
    expect(statSync(join(dir, 'target.txt')).ino).toBe(statSync(join(dir, 'source.txt')).ino);
    expect(readFileSync(join(dir, 'target.txt'), 'utf8')).toBe('as received');
  });

  it('never replaces a file already at the target', () => {
    const dir = folder();
    writeFileSync(join(dir, 'source.txt'), 'new');
    writeFileSync(join(dir, 'target.txt'), 'there before');
    expect(() => linkOrCopyFile(join(dir, 'source.txt'), join(dir, 'target.txt'))).toThrow(/EEXIST/u);
    expect(readFileSync(join(dir, 'target.txt'), 'utf8')).toBe('there before');
  });

  it('fails on a source that is not there, copy or no copy', () => {
    const dir = folder();
    expect(() => linkOrCopyFile(join(dir, 'missing.txt'), join(dir, 'target.txt'))).toThrow(/ENOENT/u);
  });
});

describe('the raw sources beside the pages', () => {
  it('are published once when two documents were edited from one text as received', async () => {
    const corpus = readCorpus(resolve(ROOT));
    const [first] = corpus.documents;
    // A second edition of the first document, from the same source file.
    const twin = { ...first!, document: { ...first!.document, slug: `${first!.document.slug}-second-edition` } };
    const out = folder();
    const report = await writeParallelOutputs(resolve(ROOT), { ...corpus, documents: [...corpus.documents, twin] }, [], out, new URL('https://example.org/'));
    expect(readdirSync(join(out, 'sources')).sort()).toEqual(readdirSync(join(ROOT, 'content/sources')).sort());
    expect(statSync(join(out, 'sources', first!.source)).ino).toBe(statSync(join(ROOT, 'content/sources', first!.source)).ino);
    // Three citation files for each of the six documents, and the five sources.
    expect(report.downloads).toBe(6 * 3 + 5);
    expect(readdirSync(join(out, 'cite'))).toContain(`${twin.document.slug}.bib`);
  }, 60_000);
});
