/**
 * The page cache (src/lib/page-cache.ts): a rebuild renders again only the
 * pages whose data changed and links the others from the last build. What it
 * publishes must be exactly what a cold build of the same content publishes,
 * including the pages that show a changed document without being its page
 * (neighbours' previous/next links, comparisons, speaker pages).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyProject, type ProjectCopy } from '../helpers/project-copy.ts';

let project: ProjectCopy;
const builds: { status: number | null; output: string }[] = [];
const inodes = new Map<string, number>();

const TRACKER = 'content/documents/2021-03-23-tracker-china-russia-ties-after-anchorage.md';
const READOUT_2023 = 'content/documents/2023-09-19-mfa-wang-yi-meets-lavrov.md';
const UNCHANGED_PAGE = 'documents/2021-02-04-mfa-wang-yi-lavrov-phone-call/index.html';
const NEIGHBOUR_PAGE = 'documents/2021-03-23-diplomat-china-russia-show-solidarity/index.html';
/** Downloads of a document neither edit touches; and one of the retitled document's (its citations carry the title). */
const UNCHANGED_DOWNLOADS = ['cite/2021-02-04-mfa-wang-yi-lavrov-phone-call.bib', 'cite/2021-02-04-mfa-wang-yi-lavrov-phone-call.json'];
/**
 * Raw sources, the retitled tracker's among them (the edits are in the Markdown, not the text as received): links to
 * the project's own files in every build, so their inode cannot tell reused from written; the counts below do.
 */
const SOURCES = ['sources/003_894007f0d8bd6792.txt', 'sources/001_f4d8336379fcbed1.txt'];
const RETITLED_DOWNLOAD = 'cite/2021-03-23-tracker-china-russia-ties-after-anchorage.ris';

function build() {
  const result = spawnSync(process.execPath, ['scripts/build.ts'], { cwd: project.root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  builds.push({ status: result.status, output: `${result.stdout}${result.stderr}` });
}

function files(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(folder.length + 1))
    .sort();
}

const inode = (path: string) => statSync(join(project.root, 'dist', path)).ino;
const downloadsLine = (output: string) => /; downloads: (\d+) written, (\d+) reused\.$/mu.exec(output)?.slice(1).map(Number);
const cacheLine = (output: string) => /^Page cache: (\d+) pages rendered, (\d+) unchanged/mu.exec(output)?.slice(1).map(Number);

beforeAll(() => {
  project = copyProject();
  build();
  for (const path of [UNCHANGED_PAGE, NEIGHBOUR_PAGE, ...UNCHANGED_DOWNLOADS, ...SOURCES, RETITLED_DOWNLOAD]) inodes.set(path, inode(path));
  // One document retitled (its neighbours and comparisons show the title), one given a closing line.
  project.write(TRACKER, project.read(TRACKER).replace('title: "China-Russia Ties after Anchorage Talks"', 'title: "China-Russia Ties after the Anchorage Talks"'));
  project.write(READOUT_2023, `${project.read(READOUT_2023)}\nAn added closing line of narration.\n`);
  build();
  renameSync(join(project.root, 'dist'), join(project.root, 'dist-incremental'));
  // The same content, cold: no last build to reuse.
  rmSync(join(project.root, '.cache/page-cache.json'), { force: true });
  build();
  // Kept aside: the next build starts from it, and retires it.
  cpSync(join(project.root, 'dist'), join(project.root, 'dist-cold'), { recursive: true });
  // A speaker renamed in the registry: every page that names her must follow, though no document changed.
  project.write('content/speakers.yaml', project.read('content/speakers.yaml').replace('name: Hua Chunying', 'name: Hua Chunying (spokesperson)'));
  build();
  renameSync(join(project.root, 'dist'), join(project.root, 'dist-renamed'));
  rmSync(join(project.root, '.cache/page-cache.json'), { force: true });
  build();
}, 420_000);
afterAll(() => project?.remove());

describe('page cache', () => {
  it('renders every page of a first build, and only the changed ones of a rebuild', () => {
    for (const { status, output } of builds) expect(status, output.slice(-2000)).toBe(0);
    const [first, second, cold, renamed, renamedCold] = builds.map(({ output }) => cacheLine(output));
    expect(first![1]).toBe(0);
    expect(cold).toEqual(first);
    expect(renamedCold![1]).toBe(0);
    // The registry is part of every annotation's key, so all five document pages render again, and so does every
    // other page that names her; the byte-for-byte comparison below checks that none was missed.
    expect(renamed![0]! + renamed![1]!).toBe(renamedCold![0]);
    expect(renamed![0]).toBeGreaterThanOrEqual(5);
    const [rendered, reused] = second!;
    expect(rendered! + reused!).toBe(first![0]);
    expect(reused).toBeGreaterThan(0);
    expect(rendered).toBeGreaterThan(0);
  });

  it('links an unchanged page from the last build and renders a changed one', () => {
    const incremental = (path: string) => statSync(join(project.root, 'dist-incremental', path)).ino;
    expect(incremental(UNCHANGED_PAGE)).toBe(inodes.get(UNCHANGED_PAGE));
    // The Diplomat's page is not the retitled one, but its "Newer" link shows the new title.
    expect(incremental(NEIGHBOUR_PAGE)).not.toBe(inodes.get(NEIGHBOUR_PAGE));
    expect(readFileSync(join(project.root, 'dist-incremental', NEIGHBOUR_PAGE), 'utf8')).toContain('China-Russia Ties after the Anchorage Talks');
  });

  it('reuses the downloads of unchanged documents and writes those whose citations changed', () => {
    const incremental = (path: string) => statSync(join(project.root, 'dist-incremental', path)).ino;
    for (const path of UNCHANGED_DOWNLOADS) expect(incremental(path), path).toBe(inodes.get(path));
    expect(incremental(RETITLED_DOWNLOAD)).not.toBe(inodes.get(RETITLED_DOWNLOAD));
    expect(readFileSync(join(project.root, 'dist-incremental', RETITLED_DOWNLOAD), 'utf8')).toContain('China-Russia Ties after the Anchorage Talks');
    // Five documents: three citation files and a source each. The two edited documents' citations are written again;
    // their sources, and everything of the other three, are reused.
    const [first, second] = builds.map(({ output }) => downloadsLine(output));
    expect(first).toEqual([20, 0]);
    expect(second).toEqual([6, 14]);
  });

  it('publishes the raw sources as the project’s files themselves, in a first build and a rebuild', () => {
    const content = (path: string) => statSync(join(project.root, 'content', path)).ino;
    for (const path of SOURCES) {
      expect(inodes.get(path), path).toBe(content(path));
      expect(statSync(join(project.root, 'dist-incremental', path)).ino, path).toBe(content(path));
    }
  });

  it.each([
    ['a retitled and an edited document', 'dist-incremental', 'dist-cold'],
    ['a speaker renamed in the registry', 'dist-renamed', 'dist'],
  ])('publishes after %s what a cold build of the same content publishes, byte for byte', (_, incremental, cold) => {
    const incrementalDir = join(project.root, incremental);
    const coldDir = join(project.root, cold);
    const list = files(coldDir);
    expect(files(incrementalDir)).toEqual(list);
    expect(list.length).toBeGreaterThan(60);
    for (const path of list) {
      expect(readFileSync(join(incrementalDir, path)).equals(readFileSync(join(coldDir, path))), path).toBe(true);
    }
  });
});
