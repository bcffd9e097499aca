/**
 * Reading the built site the way a reader sees it: parse dist/ HTML and take
 * its text, leaving out what the site adds around the source's words (footnote
 * numbers, back-links, anything marked `data-added`).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Element, Root, RootContent } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { DIST } from './paths.ts';

const parser = unified().use(rehypeParse);

export function parseHtml(html: string): Root {
  return parser.parse(html);
}

export function readPage(path: string): Root {
  const file = join(DIST, path, path.endsWith('.html') ? '' : 'index.html');
  if (!existsSync(file)) throw new Error(`${relative(DIST, file)} is not in dist/: run \`npm run build\` first`);
  return parseHtml(readFileSync(file, 'utf8'));
}

const BLOCK = new Set(['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'div', 'section', 'article', 'header', 'footer', 'dd', 'dt', 'br', 'blockquote', 'ol', 'ul', 'dl', 'main', 'nav', 'figure', 'figcaption', 'aside']);

function isAdded(element: Element): boolean {
  const props = element.properties;
  return (
    props['dataAdded'] !== undefined ||
    props['dataFootnoteBackref'] !== undefined ||
    (element.tagName === 'sup' && element.children.some((child) => child.type === 'element' && child.properties['dataFootnoteRef'] !== undefined))
  );
}

/** The text of a subtree as a reader sees it, without what the site adds. */
export function sourceText(node: Root | RootContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'root') return node.children.map(sourceText).join('');
  if (node.type !== 'element') return '';
  if (isAdded(node) || node.tagName === 'script' || node.tagName === 'style') return '';
  const inner = node.children.map(sourceText).join('');
  return BLOCK.has(node.tagName) ? `\n${inner}\n` : inner;
}

export function findAll(node: Root | RootContent, test: (element: Element) => boolean, found: Element[] = []): Element[] {
  if (node.type === 'element' && test(node)) found.push(node);
  if ('children' in node) for (const child of node.children) findAll(child, test, found);
  return found;
}

export function findOne(node: Root | RootContent, test: (element: Element) => boolean): Element | undefined {
  return findAll(node, test)[0];
}

export const byTag = (tagName: string) => (element: Element) => element.tagName === tagName;

/** Every HTML file under dist/, as site paths ("/documents/x/index.html"). */
export function htmlFiles(folder = DIST): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...htmlFiles(path));
    else if (entry.name.endsWith('.html')) files.push(`/${relative(DIST, path).split('\\').join('/')}`);
  }
  return files;
}

export function hasClass(element: Element, name: string): boolean {
  const className = element.properties['className'];
  return Array.isArray(className) && className.includes(name);
}
