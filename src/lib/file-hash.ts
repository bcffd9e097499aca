/**
 * A hash of files and folders under the project root: what the build's caches
 * (annotations, pages, relations) are keyed on besides their own data.
 */
import { createHash, type Hash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => filesUnder(join(path, name)));
}

/** Adds every file under `paths` (relative to `root`; a missing one is skipped) to `hash`: its path, then its bytes. */
export function hashFiles(root: string, paths: readonly string[], hash: Hash = createHash('sha256')): Hash {
  for (const path of paths) {
    for (const file of filesUnder(join(root, path))) {
      // Relative, so that `/project` and `/project/` give one hash.
      hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
    }
  }
  return hash;
}
