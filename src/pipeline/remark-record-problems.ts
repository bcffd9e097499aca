/**
 * Last in the chain: copies every fatal message of the plugins before it onto
 * the frontmatter Astro returns (`contentProblems`). Astro neither prints a
 * plugin's messages nor fails on them; recorded there, they reach the content
 * check (which prints them and stops the build) and the page, which refuses
 * to render (src/lib/site-data.ts), even when the check was skipped.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';

export interface RecordedProblem {
  /** 1-based line in the Markdown body. */
  line?: number | undefined;
  reason: string;
  rule?: string | undefined;
}

export default function remarkRecordProblems() {
  return (_tree: Root, file: VFile) => {
    const problems: RecordedProblem[] = file.messages
      .filter((message) => message.fatal)
      .map((message) => ({ line: message.line, reason: message.reason, rule: message.ruleId }));
    const astro = (file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro;
    if (astro && problems.length > 0) astro.frontmatter = { ...astro.frontmatter, contentProblems: problems };
  };
}
