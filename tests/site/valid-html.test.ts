/**
 * Every page in dist/ is valid HTML (html-validate's recommended rules) and
 * carries a Content-Security-Policy that runs no inline script unless hashed.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { DIST } from '../helpers/paths.ts';

const pages = readdirSync(DIST, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.html'))
  .map((file) => join(DIST, file));

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // A search-engine length advice, not validity: document pages carry the sources' own titles, as printed.
    'long-title': 'off',
    // A facet is a group of checkboxes sharing one name: `?speaker=A&speaker=B`.
    'form-dup-name': ['error', { shared: ['radio', 'checkbox', 'button', 'reset', 'submit'] }],
  },
});

describe('every page', () => {
  it('there are pages to check', () => {
    expect(pages.length).toBeGreaterThan(25);
  });

  it.each(pages.map((page) => [relative(DIST, page), page]))('%s is valid HTML', async (_name, page) => {
    const report = await validator.validateString(readFileSync(page, 'utf8'), page);
    const messages = report.results.flatMap((result) => result.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}: ${message.message}`));
    expect(messages).toEqual([]);
  });

  it.each(pages.map((page) => [relative(DIST, page), page]))('%s has a CSP that hashes every inline script', (_name, page) => {
    const html = readFileSync(page, 'utf8');
    const policy = /<meta http-equiv="content-security-policy" content="([^"]+)"/u.exec(html)?.[1];
    expect(policy).toBeDefined();
    // A policy in a <meta> governs only what comes after it: it must precede every script and stylesheet.
    expect(html.indexOf('<meta http-equiv="content-security-policy"')).toBeLessThan(html.search(/<script|<link rel="stylesheet"/u));
    const scriptSrc = policy!.split(';').map((directive) => directive.trim()).find((directive) => directive.startsWith('script-src '))!;
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    expect(policy).toContain("object-src 'none'");
    // JSON-LD is data, never run: CSP does not apply to it.
    for (const [, body] of html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*application\/ld\+json)[^>]*>([\s\S]*?)<\/script>/gu)) {
      const hash = `'sha256-${createHash('sha256').update(body!).digest('base64')}'`;
      expect(scriptSrc).toContain(hash);
    }
    // No inline event handler anywhere: CSP would block it, and it would mean unsafe HTML got through.
    expect(html).not.toMatch(/\son[a-z]+=/u);
  });
});
