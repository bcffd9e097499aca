/**
 * Lighthouse (mobile) on the five pages of issue 7's budget: 100 in
 * accessibility, best practices and SEO. Performance is scored from a
 * simulation fed by this machine's own timings, which a busy shared runner
 * slows; the test holds it to 95 so that a loaded machine cannot fail a
 * build, and `npm run lighthouse` reports the figure (100 on every page when
 * last measured, README).
 */
import { describe, expect, it } from 'vitest';
import { BUDGET_PAGES, lighthouseScores } from '../../scripts/bench/lighthouse.ts';
import { DIST } from '../helpers/paths.ts';

describe('Lighthouse, mobile', () => {
  it('scores 100 in accessibility, best practices and SEO, and at least 95 in performance, on each budget page', async () => {
    const results = await lighthouseScores(DIST, BUDGET_PAGES);
    expect(results.map((result) => result.path)).toEqual(BUDGET_PAGES);
    for (const { path, scores, failing } of results) {
      console.info(`${path}: ${JSON.stringify(scores)}${failing.length > 0 ? ` (${failing.join('; ')})` : ''}`);
      expect({ path, accessibility: scores.accessibility, 'best-practices': scores['best-practices'], seo: scores.seo }).toEqual({ path, accessibility: 100, 'best-practices': 100, seo: 100 });
      expect(scores.performance, `${path}: ${failing.join('; ')}`).toBeGreaterThanOrEqual(95);
    }
  }, 240_000);
});
