/**
 * The Content-Security-Policy of every page: a `<meta http-equiv>` that
 * BaseLayout writes first in the head, so that it governs everything after it,
 * the inline theme script included. No inline script runs unless its hash is
 * here (there is one, the theme script), no inline style at all, and every
 * script, style, image and fetch comes from this site.
 *
 * Written by us rather than by Astro's `security.csp`, which put the same
 * policy at the end of the head (after the inline script and the stylesheets
 * it should govern) and added to every page the SHA-256 of Astro's five
 * client-directive scripts (client:load and the rest, for framework islands,
 * which this site has none of) and of an empty stylesheet: 285 bytes of gzip
 * on each page, since digests do not compress (issue 7's page-weight budget).
 * tests/site/valid-html.test.ts checks that every inline script on every page
 * is hashed here; the browser tests fail on any CSP violation.
 */
import { THEME_SCRIPT_HASH } from './theme-script.ts';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  // Pagefind searches in a worker started from a blob, and compiles WebAssembly ('wasm-unsafe-eval' below).
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  `script-src 'self' 'wasm-unsafe-eval' '${THEME_SCRIPT_HASH}'`,
  "style-src 'self'",
].join(';');
