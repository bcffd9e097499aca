/**
 * Lighthouse (mobile, its default: a simulated mid-range phone on a slow 4G
 * network) over the pages issue 7 names: the home page, a document, a speaker,
 * the timeline and the search page. `npm run lighthouse` prints the scores of
 * dist/; tests/browser/lighthouse.test.ts holds them to the budget.
 */
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { serveSite } from './serve.ts';

export const LIGHTHOUSE_CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type LighthouseCategory = (typeof LIGHTHOUSE_CATEGORIES)[number];

export interface LighthouseResult {
  path: string;
  scores: Record<LighthouseCategory, number>;
  /** Audits that cost points, with Lighthouse's figure: what to fix. */
  failing: string[];
}

export async function lighthouseScores(dist: string, paths: readonly string[]): Promise<LighthouseResult[]> {
  const site = await serveSite(dist);
  const chrome = await launch({
    chromePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const results: LighthouseResult[] = [];
    for (const path of paths) {
      const run = await lighthouse(`${site.origin}${path}`, { port: chrome.port, logLevel: 'error', output: 'json', onlyCategories: [...LIGHTHOUSE_CATEGORIES] });
      if (!run) throw new Error(`Lighthouse returned nothing for ${path}`);
      const { categories, audits } = run.lhr;
      const scores = Object.fromEntries(LIGHTHOUSE_CATEGORIES.map((id) => [id, Math.round((categories[id]?.score ?? 0) * 100)])) as Record<LighthouseCategory, number>;
      const failing = LIGHTHOUSE_CATEGORIES.flatMap((id) =>
        (categories[id]?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0 && audits[ref.id]?.score !== null && (audits[ref.id]?.score ?? 1) < 1)
          .map((ref) => `${id}: ${ref.id} ${audits[ref.id]?.displayValue ?? ''}`.trim()),
      );
      results.push({ path, scores, failing });
    }
    return results;
  } finally {
    chrome.kill();
    await site.close();
  }
}

export const BUDGET_PAGES = ['/', '/documents/2021-03-24-memri-special-dispatch-9252/', '/speakers/sergey-lavrov/', '/timeline/', '/search/'];

if (import.meta.main) {
  const results = await lighthouseScores(`${process.cwd()}/dist`, process.argv.slice(2).length > 0 ? process.argv.slice(2) : BUDGET_PAGES);
  for (const result of results) {
    console.log(`${result.path}  ${LIGHTHOUSE_CATEGORIES.map((id) => `${id} ${result.scores[id]}`).join(' · ')}`);
    for (const audit of result.failing) console.log(`    ${audit}`);
  }
}
