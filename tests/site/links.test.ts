/** Every internal link in dist/ resolves to a file, and every #fragment to an id on its page. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findAll, htmlFiles, parseHtml } from '../helpers/html.ts';
import { DIST } from '../helpers/paths.ts';

const pages = new Map(htmlFiles().map((path) => [path, parseHtml(readFileSync(join(DIST, path), 'utf8'))]));

function fileFor(pathname: string): string | undefined {
  const candidates = pathname.endsWith('/') ? [`${pathname}index.html`] : [pathname, `${pathname}/index.html`, `${pathname}.html`];
  return candidates.find((candidate) => existsSync(join(DIST, decodeURIComponent(candidate))));
}

function idsOf(path: string): Set<string> {
  const tree = pages.get(path);
  if (!tree) return new Set();
  return new Set(findAll(tree, (element) => typeof element.properties['id'] === 'string').map((element) => String(element.properties['id'])));
}

describe('internal links', () => {
  it('finds the pages', () => {
    expect(pages.size).toBeGreaterThanOrEqual(6);
  });

  it.each([...pages.keys()])('%s: every link and fragment resolves', (path) => {
    const broken: string[] = [];
    for (const anchor of findAll(pages.get(path)!, (element) => element.tagName === 'a' || element.tagName === 'link')) {
      const href = anchor.properties['href'];
      if (typeof href !== 'string' || /^(?:https?:)?\/\//.test(href) || href.startsWith('mailto:')) continue;
      const url = new URL(href, `http://site${path}`);
      const target = fileFor(url.pathname);
      if (!target) {
        broken.push(href);
        continue;
      }
      if (url.hash && !idsOf(target).has(decodeURIComponent(url.hash.slice(1)))) broken.push(href);
    }
    expect(broken).toEqual([]);
  });
});
