/**
 * `npm run build` finds the relations in its own process while Astro starts up
 * (scripts/build.ts), and hands them to Astro as a JSON file named by an
 * environment variable. Astro's pages wait for the file instead of finding
 * the relations again on their single thread. Without the variable (Astro on
 * its own, the dev server) Astro finds them itself.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { FoundRelations } from './find-relations.ts';

/** The variable that names the file. */
export const RELATIONS_FILE_ENV = 'DISPATCH_RELATIONS_FILE';

/** How long Astro waits for the file before it gives up. */
const WAIT_LIMIT_MS = 10 * 60 * 1000;
const POLL_MS = 25;

export function writeHandedRelations(path: string, found: FoundRelations): void {
  // Written whole, then renamed: the reader never sees half a file.
  writeFileSync(`${path}.tmp`, JSON.stringify(found));
  renameSync(`${path}.tmp`, path);
}

export async function awaitHandedRelations(path: string, waitLimitMs = WAIT_LIMIT_MS): Promise<FoundRelations> {
  const started = Date.now();
  while (!existsSync(path)) {
    if (Date.now() - started > waitLimitMs) {
      throw new Error(
        `RelationsNotHanded: the build did not hand over the relations in ${Math.round(waitLimitMs / 1000)} s (expected ${path}).\n` +
          `Hint: run \`npm run build\` again; \`${RELATIONS_FILE_ENV}\` is set only by scripts/build.ts, so unset it to let Astro find the relations itself.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return JSON.parse(readFileSync(path, 'utf8')) as FoundRelations;
}
