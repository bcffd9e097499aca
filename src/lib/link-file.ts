/**
 * A file put at a second path without writing its bytes again: a hard link where the file system allows one (the
 * same file, no new inode), a copy where it does not (another file system, or one without hard links). The build
 * publishes many files whose bytes it already has on disk: the raw sources, and a rebuild's unchanged pages and index.
 */
import { copyFileSync, linkSync } from 'node:fs';

export function linkOrCopyFile(source: string, target: string): void {
  try {
    linkSync(source, target);
  } catch (error) {
    // A target already there is a mistake of the caller's, not a reason to copy over it.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw error;
    copyFileSync(source, target);
  }
}
