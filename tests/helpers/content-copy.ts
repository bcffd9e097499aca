/** A throwaway copy of the project's content, to break on purpose. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './paths.ts';

export interface ContentCopy {
  root: string;
  read(path: string): string;
  write(path: string, text: string): void;
  /** Replaces the first occurrence of `from`, failing loudly if it is absent (so a test cannot silently test nothing). */
  edit(path: string, from: string, to: string): void;
  remove(): void;
}

export function copyContent(): ContentCopy {
  const root = mkdtempSync(join(tmpdir(), 'dispatch-content-'));
  cpSync(join(ROOT, 'content'), join(root, 'content'), { recursive: true });
  const copy: ContentCopy = {
    root,
    read: (path) => readFileSync(join(root, path), 'utf8'),
    write: (path, text) => writeFileSync(join(root, path), text),
    edit(path, from, to) {
      const text = copy.read(path);
      if (!text.includes(from)) throw new Error(`${path} does not contain ${JSON.stringify(from)}`);
      copy.write(path, text.replace(from, to));
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
  return copy;
}

export const PHONE_CALL = 'content/documents/2021-02-04-mfa-wang-yi-lavrov-phone-call.md';
export const MEMRI = 'content/documents/2021-03-24-memri-special-dispatch-9252.md';
