/**
 * The content check as both `npm run check:content` and `npm run build` run
 * it: checks, prints the outcome, and returns the check when it passed.
 */
import { checkContent, type ContentCheck } from '../src/lib/check-content.ts';
import { formatProblem } from '../src/lib/content-errors.ts';
import { invalidateStaleRenders } from '../src/lib/render-cache.ts';

export async function runContentCheck(root: string): Promise<ContentCheck | undefined> {
  const started = performance.now();
  const check = await checkContent(root);
  const { documents, speakers, problems, summary } = check;
  const seconds = ((performance.now() - started) / 1000).toFixed(2);

  if (problems.length > 0) {
    console.error(`Content check failed: ${problems.length} problem(s). Nothing was built.\n`);
    for (const p of problems) console.error(`${formatProblem(p)}\n`);
    return undefined;
  }
  if (invalidateStaleRenders(root)) console.log('The pipeline or the speaker registry changed: cached renders dropped.');
  console.log(`Content check passed: ${documents.length} documents, ${speakers.length} speakers (${seconds} s; ${summary.cached} annotations from the cache).`);
  console.log(
    `Annotation: ${summary.statements} statements, ${summary.attributed} attributed, ${summary.unattributed.length} unattributed, ` +
      `${summary.overrides} overrides used, ${summary.dates} dates tagged.`,
  );
  if (summary.unattributed.length > 0) {
    console.log('Unattributed (the rules could not name the speaker; add an `attributions` entry only if you know it):');
    for (const statement of summary.unattributed) console.log(`  ${statement.file}:${statement.line}  ${statement.text.slice(0, 90)}…`);
  }
  return check;
}
