/**
 * How `npm run build` (scripts/build.ts) hands Astro what it has already
 * computed: a JSON file whose path is in an environment variable, written
 * whole and renamed into place, and waited for by Astro if it is not there yet
 * (the relations are found while Astro starts up). Used for the documents the
 * content check has read (content-handoff.ts) and for the relations
 * (relations/relations-handoff.ts).
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

/** How long Astro waits for a file before it gives up. */
export const WAIT_LIMIT_MS = 10 * 60 * 1000;
const POLL_MS = 25;

export function writeHandoff(path: string, value: unknown): void {
  // Written whole, then renamed: the reader never sees half a file.
  writeFileSync(`${path}.tmp`, JSON.stringify(value));
  renameSync(`${path}.tmp`, path);
}

/**
 * The value in `path`, once the build has written it. `name` and `variable` make the error a person can act on:
 * without the variable, Astro computes the value itself.
 */
export async function awaitHandoff<T>(path: string, { name, what, variable, waitLimitMs = WAIT_LIMIT_MS }: { name: string; what: string; variable: string; waitLimitMs?: number }): Promise<T> {
  const started = Date.now();
  while (!existsSync(path)) {
    if (Date.now() - started > waitLimitMs) {
      throw new Error(
        `${name}: the build did not hand over ${what} in ${Math.round(waitLimitMs / 1000)} s (expected ${path}).\n` +
          `Hint: run \`npm run build\` again; \`${variable}\` is set only by scripts/build.ts, so unset it to let Astro compute ${what} itself.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}
