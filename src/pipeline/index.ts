/**
 * The per-document Markdown pipeline, in order. Astro runs it through
 * `markdown.processor: unified(markdownOptions)`; the content check runs the
 * same plugins first (scripts/check-content.ts) because Astro does not fail a
 * build on a plugin's messages or errors.
 */
import type { RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';
import remarkContentRules from './remark-content-rules.ts';
import remarkDates from './remark-dates.ts';
import remarkFootnoteFlags from './remark-footnote-flags.ts';
import remarkRecordProblems from './remark-record-problems.ts';
import remarkNarration from './remark-narration.ts';
import remarkStatements from './remark-statements.ts';
import rehypeHeadingIds from './rehype-heading-ids.ts';
import rehypeRelatedSlots from './rehype-related-slots.ts';

export const remarkPlugins: RemarkPlugins = [
  // First: refuse what must not be published before anything else reads the tree.
  remarkContentRules,
  // Statements before dates and footnote flags: those record into the statement that contains them.
  remarkStatements,
  // After statements: the document's own words are what no statement holds.
  remarkNarration,
  remarkDates,
  // After dates: a flag compares the dates a note gives with those of the sentence that cites it.
  remarkFootnoteFlags,
  // Last: what the others refused, recorded where the check and the pages can read it.
  remarkRecordProblems,
];

export const rehypePlugins: RehypePlugins = [
  // Short heading anchors, before Astro's own step slugs whole headings (it keeps an id that is there).
  rehypeHeadingIds,
  // Where the second stage puts each statement's related list, so pages need not parse the HTML again.
  rehypeRelatedSlots,
];

export const markdownOptions = {
  remarkPlugins,
  rehypePlugins,
  gfm: true,
  // Never: SmartyPants would rewrite the sources' quotes and dashes.
  smartypants: false,
} as const;
