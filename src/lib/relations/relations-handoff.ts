/**
 * `npm run build` finds the relations in its own process while Astro starts up
 * (scripts/build.ts), and hands them to Astro as a JSON file named by an
 * environment variable (handoff.ts). Astro's pages wait for the file instead of
 * finding the relations again on their single thread. Without the variable
 * (Astro on its own, the dev server) Astro finds them itself.
 */
import { awaitHandoff, WAIT_LIMIT_MS, writeHandoff } from '../handoff.ts';
import type { FoundRelations } from './find-relations.ts';

/** The variable that names the file. */
export const RELATIONS_FILE_ENV = 'DISPATCH_RELATIONS_FILE';

export function writeHandedRelations(path: string, found: FoundRelations): void {
  writeHandoff(path, found);
}

export function awaitHandedRelations(path: string, waitLimitMs = WAIT_LIMIT_MS): Promise<FoundRelations> {
  return awaitHandoff<FoundRelations>(path, { name: 'RelationsNotHanded', what: 'the relations', variable: RELATIONS_FILE_ENV, waitLimitMs });
}
