import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSite, openSite } from '../helpers/browser.ts';
import type { StaticServer } from '../helpers/static-server.ts';

let browser: Browser;
let server: StaticServer;
let page: Page;
const consoleErrors: string[] = [];

beforeAll(async () => ({ browser, server, page } = await openSite(consoleErrors)));
afterAll(() => closeSite({ browser, server }));

describe('a reader in Chromium', () => {
  it('opens the home page, follows a document link and sees its title', async () => {
    await page.goto(`${server.origin}/`);
    await expect(page.title()).resolves.toBe('Documents · Dispatch Reader');
    const items = page.locator('.document-list > li');
    expect(await items.count()).toBe(5);

    const link = page.getByRole('link', { name: 'Wang Yi Meets with Russian Foreign Minister Sergei Lavrov' });
    await link.click();
    await page.waitForURL('**/documents/2023-09-19-mfa-wang-yi-meets-lavrov/');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Wang Yi Meets with Russian Foreign Minister Sergei Lavrov');
    await expect(page.locator('.document-body').innerText()).resolves.toContain('Wang Yi said that China is committed to the right direction of peace talks');
  });

  it('follows a footnote reference to its note', async () => {
    await page.goto(`${server.origin}/documents/2021-03-24-memri-special-dispatch-9252/`);
    await page.locator('a[data-footnote-ref]').first().click();
    expect(new URL(page.url()).hash).toBe('#user-content-fn-1');
    await expect(page.locator('#user-content-fn-1').innerText()).resolves.toContain(', March 23, 2021.');
  });

  it('logs no console errors', () => {
    expect(consoleErrors).toEqual([]);
  });
});
