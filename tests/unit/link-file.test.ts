/** Files the build already has on disk, published by a hard link rather than written again (src/lib/link-file.ts). */
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { linkOrCopyFile } from '../../src/lib/link-file.ts';
import { DIST, ROOT } from '../helpers/paths.ts';
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

describe('the built site’s raw sources', () => {
  it('are the project’s files themselves, linked into dist/sources/', () => {
    const names = readdirSync(join(DIST, 'sources'));
    expect(names.length).toBe(readdirSync(join(ROOT, 'content/sources')).length);
    for (const name of names) expect(statSync(join(DIST, 'sources', name)).ino, name).toBe(statSync(join(ROOT, 'content/sources', name)).ino);
  });
});
