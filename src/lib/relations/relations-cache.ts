/**
 * The relations of the last `npm run build`, kept for the next. Relation
 * detection is a plain function of each statement's id, document, speakers,
 * text and date, of the editors' content/relations.yaml and of its own code
 * (find-relations.ts reads nothing else), so when none of these changed (a
 * retitled document, a frontmatter field other than the date, a template),
 * the last build's relations are this build's, and a rebuild skips the stage
 * (6 to 10 s at 1,000 documents). A paragraph no rule can attribute is an
 * unattributed statement, so adding one does change them. The file kept is
 * the one handed to Astro (relations-handoff.ts), renamed once Astro is done.
 */
import { copyFileSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashFiles } from '../file-hash.ts';
import { RELATIONS_FILE } from './curated.ts';
import { relationInputs, type FoundRelations, type RelationDocuments } from './find-relations.ts';
import { restoreHanded, type HandedRelations, type StatementText } from './relations-handoff.ts';

const CACHE_FILE = '.cache/relations.json';
const KEY_FILE = '.cache/relations.key';
/** The code that decides what is related (text.ts, detect-relations.ts, curated.ts, …). */
const CODE_FOLDER = 'src/lib/relations';

/** A hash of everything the relations depend on. */
export function relationsKey(root: string, documents: RelationDocuments): string {
  return hashFiles(root, [CODE_FOLDER, RELATIONS_FILE]).update(JSON.stringify(relationInputs(documents))).digest('base64url');
}

/** Whether a last build's relations are kept: if not, nothing needs their key before they are found. */
export function hasKeptRelations(root: string): boolean {
  return existsSync(join(root, KEY_FILE)) && existsSync(join(root, CACHE_FILE));
}

/**
 * The last build's relations if they were found from the same inputs, copied to `handoffFile` for Astro (written
 * whole, then renamed, as every handoff is). The file holds passages by offset; `textOf` gives the statements' texts.
 * A kept file that cannot be read back (damaged, or edited by hand; its key covers every input) is deleted with its
 * key, so that this build finds the relations again instead of every build failing on it.
 */
export function reuseRelations(root: string, key: string, handoffFile: string, textOf: StatementText): FoundRelations | undefined {
  const keyFile = join(root, KEY_FILE);
  const cacheFile = join(root, CACHE_FILE);
  if (!existsSync(keyFile) || !existsSync(cacheFile) || readFileSync(keyFile, 'utf8') !== key) return undefined;
  try {
    const found = restoreHanded(JSON.parse(readFileSync(cacheFile, 'utf8')) as HandedRelations, textOf);
    copyFileSync(cacheFile, `${handoffFile}.tmp`);
    renameSync(`${handoffFile}.tmp`, handoffFile);
    return found;
  } catch {
    rmSync(keyFile, { force: true });
    rmSync(cacheFile, { force: true });
    return undefined;
  }
}

/** Keeps the relations this build handed to Astro for the next build. */
export function keepRelations(root: string, key: string, handoffFile: string): void {
  // The key goes last, so that a build stopped in between never pairs a key with other relations.
  rmSync(join(root, KEY_FILE), { force: true });
  renameSync(handoffFile, join(root, CACHE_FILE));
  writeFileSync(join(root, KEY_FILE), key);
}
