/**
 * The shape of the content: document frontmatter and the speaker registry.
 * Shared by Astro's content collections (src/content.config.ts) and by the
 * content check that runs before the build (scripts/check-content.ts), so the
 * two can never disagree.
 */
import { z } from 'zod';
import { isoDateProblem } from './iso-date.ts';

/** Lowercase words joined by hyphens: `wang-yi`, `china-mfa`. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const id = z.string().regex(ID_PATTERN, 'must be lowercase words joined by hyphens, e.g. `sergey-lavrov`');

/**
 * An ISO date string (YYYY, YYYY-MM or YYYY-MM-DD) that exists on the calendar.
 * Astro's YAML parser turns an unquoted `2021-03-24` into a Date; it is turned
 * back into its string. (An impossible unquoted date would be shifted by that
 * parser, which is why the content check reads the YAML itself first.)
 */
export const isoDate = z.preprocess(
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
  z.string().superRefine((value, context) => {
    const problem = isoDateProblem(value);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  }),
);

export const DOCUMENT_KINDS = ['dispatch', 'readout', 'article', 'blog-post', 'transcript', 'statement'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const documentSchema = z.strictObject({
  /** The title as printed. */
  title: z.string().min(1),
  /** Publication date (ISO). Not the date of the events it reports: see `eventDates`. */
  date: isoDate,
  /** `printed` when the source shows the date; `inferred` when the editors worked it out (say how in `dateNote`). */
  dateBasis: z.enum(['printed', 'inferred']).default('printed'),
  /** How an inferred date was worked out, shown beside the date. */
  dateNote: z.string().min(1).optional(),
  /** Id of the publishing outlet or organisation in content/speakers.yaml. */
  outlet: id,
  /** What sort of text this is. */
  kind: z.enum(DOCUMENT_KINDS),
  /** Ids of everyone who speaks in the document (content/speakers.yaml). */
  speakers: z.array(id).min(1),
  /** The two sides of the meeting or call reported ("the two sides", "both ministers"). Default: the `speakers` who are persons, if there are exactly two. */
  parties: z.array(id).optional(),
  /**
   * Corrections for the rare passage the attribution rules get wrong: `text` is a snippet that occurs in exactly
   * one statement, `speakers` its speakers (empty: mark it unattributed). Counted in the build summary.
   */
  attributions: z
    .array(z.strictObject({ text: z.string().min(8), speakers: z.array(id), reason: z.string().min(1) }))
    .default([]),
  /** Dates (ISO) of the meetings or calls the document reports. */
  eventDates: z.array(isoDate).default([]),
  /** The outlet's own reference, e.g. "Special Dispatch No. 9252". */
  reference: z.string().min(1).optional(),
  /** The original URL, where known. Never guessed. */
  url: z.url({ protocol: /^https?$/ }).optional(),
  /** The outlet's section, e.g. "China Power". */
  section: z.string().min(1).optional(),
  /** One line for the document list. Written by the editors, not the source. */
  summary: z.string().min(1),
  /** File name of the raw text as received, under content/sources/. */
  source: z.string().regex(/^[\w.-]+\.txt$/, 'must be a file name under content/sources/, e.g. `000_276af81184ed5b83.txt`'),
  /** Lines of the source printed above the text (datelines, section labels), shown verbatim in the page header. */
  masthead: z.array(z.string()).default([]),
  /** Lines of the source that are site navigation, not text ("top of page", "Share this Report:"); not published. */
  chrome: z.array(z.string()).default([]),
});

export type DocumentFrontmatter = z.infer<typeof documentSchema>;

export const SPEAKER_KINDS = ['person', 'organisation', 'outlet', 'group'] as const;
export type SpeakerKind = (typeof SPEAKER_KINDS)[number];

export const roleSchema = z.strictObject({
  /** The title as the texts print it. */
  title: z.string().min(1),
  /** When the role began (ISO, any precision). */
  from: isoDate.optional(),
  /** When it ended; absent while it is held. */
  to: isoDate.optional(),
});

export const speakerSchema = z.strictObject({
  /** Permanent id: in URLs, `data-speakers` and the dataset. */
  id,
  /** Display name. */
  name: z.string().min(1),
  /** person, organisation, outlet, or group (e.g. an unidentified questioner). */
  kind: z.enum(SPEAKER_KINDS),
  /** ISO 3166 alpha-2 country code. */
  country: z.string().regex(/^[A-Z]{2}$/).optional(),
  /** Home page, where there is one. */
  url: z.url({ protocol: /^https?$/ }).optional(),
  /** One sentence on who this is, where the name does not say. */
  description: z.string().min(1).optional(),
  /** Pronoun the texts use for a person ("he said", "she said"), so reported speech can be followed across sentences. */
  pronoun: z.enum(['he', 'she']).optional(),
  /** Every spelling the texts use for this speaker; each alias belongs to one speaker only. */
  aliases: z.array(z.string().min(1)).min(1),
  /** Titles held, with dates. */
  roles: z.array(roleSchema).default([]),
});

export type Speaker = z.infer<typeof speakerSchema>;

export const EVENT_KINDS = ['meeting', 'call', 'talks', 'visit', 'treaty', 'declaration', 'press-conference', 'forum', 'other'] as const;

export const eventSchema = z
  .strictObject({
    /** Permanent id, e.g. `guilin-talks-2021`. */
    id,
    /** What a reader calls it: "Wang Yi – Lavrov talks in Guilin". */
    name: z.string().min(1),
    /** meeting, call, talks, visit, treaty, declaration, press-conference, forum, other. */
    kind: z.enum(EVENT_KINDS),
    /** When it happened (ISO, any precision). */
    date: isoDate,
    /** Last day, for events over several days. */
    until: isoDate.optional(),
    /** Speaker ids of those who took part. */
    participants: z.array(id).default([]),
    /** Where, as the texts say. */
    place: z.string().min(1).optional(),
  })
  .refine((event) => event.until === undefined || event.until >= event.date, {
    message: '`until` is before `date`',
    path: ['until'],
  });

export type TimelineEvent = z.infer<typeof eventSchema>;
