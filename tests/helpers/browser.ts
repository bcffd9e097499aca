/**
 * Debian's Chromium driven by playwright-core (Playwright's own browser
 * download does not work here). Set CHROMIUM_PATH to use another binary.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { serveDist, type StaticServer } from './static-server.ts';

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}. Install it (Debian: \`apt-get install -y chromium\`) or set CHROMIUM_PATH to a Chromium binary.`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Collects what the page logs as an error, and uncaught exceptions (a CSP violation is logged as one). */
export function recordConsoleErrors(page: Page, errors: string[] = []): string[] {
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

export interface OpenSite {
  browser: Browser;
  server: StaticServer;
  page: Page;
}

/** Chromium, dist/ (or another built site) on a loopback server, and a page whose console errors are collected in `errors`. */
export async function openSite(errors: string[] = [], root?: string): Promise<OpenSite> {
  const [browser, server] = await Promise.all([launchChromium(), serveDist(root)]);
  const page = await browser.newPage();
  recordConsoleErrors(page, errors);
  return { browser, server, page };
}

export async function closeSite(site: Partial<OpenSite>): Promise<void> {
  await site.browser?.close();
  await site.server?.close();
}
