/**
 * Rule ids for located messages from our plugins (as remark-validate-links
 * keeps its own in one constant). A message whose rule is `fatal` stops the
 * build through the content check; the others are listed and counted.
 */
export const SOURCE = 'dispatch-reader';

export const RULES = {
  'raw-html': {
    fatal: true,
    hint: 'Write the text as Markdown. Raw HTML is refused because it would be published unchanged (scripts included).',
  },
  'unsafe-link': {
    fatal: true,
    hint: 'Links may only be http(s), mailto, or site-relative. Remove the link or fix its address.',
  },
  'footnote-undefined': {
    fatal: true,
    hint: 'Add the note as `[^n]: text` at the end of the document, or remove the reference.',
  },
  'footnote-unreferenced': {
    fatal: true,
    hint: 'Reference the note in the text with `[^n]` where the source has its marker, or remove the note.',
  },
  'override-unmatched': {
    fatal: true,
    hint: 'Each `attributions` entry in the frontmatter must quote words found in exactly one statement; lengthen or fix the snippet.',
  },
  'statement-unattributed': {
    fatal: false,
    hint: 'Listed, not an error: the rules could not name the speaker. If you know it, add an `attributions` entry with a reason.',
  },
  'footnote-date-mismatch': {
    fatal: false,
    hint: "Listed, not an error: the note dates what the text annotates differently from the text. Keep the source as printed; the page shows an editor's flag on the note.",
  },
  'footnote-after-document': {
    fatal: false,
    hint: "Listed, not an error: the note is dated after the document (the source was probably edited later). Keep it as printed; the page shows an editor's flag on the note.",
  },
} as const;

export type RuleId = keyof typeof RULES;
