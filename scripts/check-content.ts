/**
 * `npm run check:content`: runs before `astro build` and exits non-zero on any
 * content problem, so bad content never becomes a published page.
 */
import { runContentCheck } from './content-check-report.ts';

if (!(await runContentCheck(process.cwd()))) process.exit(1);
