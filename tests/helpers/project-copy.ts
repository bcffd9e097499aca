/** A throwaway copy of the whole project (node_modules linked), to build on purpose with something broken. */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './paths.ts';

const COPIED = ['src', 'content', 'scripts', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json'];

export interface ProjectCopy {
  root: string;
  read(path: string): string;
  write(path: string, text: string): void;
  remove(): void;
}

export function copyProject(): ProjectCopy {
  const root = mkdtempSync(join(tmpdir(), 'dispatch-project-'));
  for (const entry of COPIED) cpSync(join(ROOT, entry), join(root, entry), { recursive: true });
  // Package by package, without Astro's and Vite's caches: a copy's build must not write the project's content store.
  mkdirSync(join(root, 'node_modules'));
  for (const entry of readdirSync(join(ROOT, 'node_modules'))) {
    if (entry !== '.astro' && entry !== '.vite') symlinkSync(join(ROOT, 'node_modules', entry), join(root, 'node_modules', entry), 'dir');
  }
  return {
    root,
    read: (path) => readFileSync(join(root, path), 'utf8'),
    write: (path, text) => writeFileSync(join(root, path), text),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
