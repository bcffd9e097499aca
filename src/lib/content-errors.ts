/**
 * The catalogue of content errors, in the manner of Astro's error catalogue:
 * each has a permanent name, a title, a message built from the specifics, and a
 * hint that says what to do. Problems are data; the content check prints them
 * as `file:line  message` followed by the hint, and fails the build.
 */

export interface ContentProblem {
  /** Permanent name, e.g. `UnknownSpeaker`. */
  name: ContentErrorName;
  /** Path from the project root. */
  file: string;
  /** 1-based line in `file`, where one applies. */
  line?: number | undefined;
  message: string;
  hint: string;
}

interface ContentErrorData<Args extends unknown[]> {
  title: string;
  message: (...args: Args) => string;
  hint: string | ((...args: Args) => string);
}

function define<Args extends unknown[]>(data: ContentErrorData<Args>): ContentErrorData<Args> {
  return data;
}

export const ContentErrors = {
  FrontmatterMissing: define({
    title: 'Frontmatter is missing.',
    message: () => 'the file does not start with a `---` frontmatter block',
    hint: 'Start the file with `---`, the fields (title, date, outlet, speakers, kind, summary, source), then `---`. See README "Content".',
  }),
  FrontmatterYamlInvalid: define({
    title: 'Frontmatter is not valid YAML.',
    message: (reason: string) => `the frontmatter is not valid YAML: ${reason}`,
    hint: 'Fix the YAML at that line. Quote values that contain `:` or start with a quote, and dates: `date: "2021-03-24"`.',
  }),
  FrontmatterInvalid: define({
    title: 'Frontmatter does not match the schema.',
    message: (path: string, reason: string) => `**${path}**: ${reason}`,
    hint: 'See the field list in src/lib/schema.ts (one line of documentation per field).',
  }),
  UnknownSpeaker: define({
    title: 'Unknown speaker id.',
    message: (speakerId: string, field: string, suggestion?: string) =>
      `unknown speaker \`${speakerId}\` in \`${field}\`${suggestion ? `; did you mean \`${suggestion}\`?` : ''}`,
    hint: 'Use an id from content/speakers.yaml, or add the speaker there (id, name, kind, aliases).',
  }),
  UnknownOutlet: define({
    title: 'Unknown outlet id.',
    message: (outletId: string, suggestion?: string) =>
      `unknown outlet \`${outletId}\`${suggestion ? `; did you mean \`${suggestion}\`?` : ''}`,
    hint: 'Use the id of an entry of kind `outlet` or `organisation` in content/speakers.yaml, or add one there.',
  }),
  SourceFileMissing: define({
    title: 'The raw source file is missing.',
    message: (name: string) => `\`source: ${name}\` names no file in content/sources/`,
    hint: 'Copy the text as received, byte for byte, to content/sources/ and give its file name in `source`.',
  }),
  DroppedLineNotInSource: define({
    title: 'A masthead or chrome line is not in the source.',
    message: (field: string, text: string) => `\`${field}\` lists "${text}", which is not a line of the source`,
    hint: 'List only whole lines of the raw source, as printed. Everything else in the source must be in the body.',
  }),
  EmptyBody: define({
    title: 'The document has no text.',
    message: () => 'the body after the frontmatter is empty',
    hint: 'Paste the text of the source below the frontmatter.',
  }),
  DuplicateSlug: define({
    title: 'Two documents have the same slug.',
    message: (slug: string, other: string) => `slug \`${slug}\` is also used by ${other}`,
    hint: 'Rename one file: slugs are URLs (/documents/<slug>/) and must be unique, case aside.',
  }),
  BadSlug: define({
    title: 'The file name is not a valid slug.',
    message: (slug: string) => `\`${slug}\` is not lowercase words joined by hyphens`,
    hint: 'Name documents <date>-<outlet>-<words>.md in lowercase, e.g. 2021-03-24-memri-special-dispatch-9252.md.',
  }),
  RegistryInvalid: define({
    title: 'The speaker registry does not match the schema.',
    message: (path: string, reason: string) => `**${path}**: ${reason}`,
    hint: 'See `speakerSchema` in src/lib/schema.ts.',
  }),
  DuplicateSpeakerId: define({
    title: 'Two speakers have the same id.',
    message: (speakerId: string) => `speaker id \`${speakerId}\` is used twice`,
    hint: 'Ids are permanent and unique; merge the two entries or rename the new one.',
  }),
  SpeakerNameTaken: define({
    title: 'Two speakers have the same display name.',
    message: (name: string, first: string, second: string) => `name "${name}" is used by both \`${first}\` and \`${second}\``,
    hint: 'Display names are what search filters and feeds show: give each speaker a distinct one (add a title or country, e.g. "Wang Yi (diplomat)").',
  }),
  AliasClaimedTwice: define({
    title: 'An alias belongs to two speakers.',
    message: (alias: string, first: string, second: string) =>
      `alias "${alias}" is claimed by both \`${first}\` and \`${second}\``,
    hint: 'An alias must name one speaker only, or attributions would be guesses. Keep it on the right speaker and use a fuller form on the other.',
  }),
  EventsInvalid: define({
    title: 'An event does not match the schema.',
    message: (path: string, reason: string) => `**${path}**: ${reason}`,
    hint: 'See `eventSchema` in src/lib/schema.ts: id, name, kind, date (ISO), optional until, participants, place.',
  }),
  DuplicateEventId: define({
    title: 'Two events have the same id.',
    message: (eventId: string) => `event id \`${eventId}\` is used twice`,
    hint: 'Event ids are permanent and unique; rename one.',
  }),
  EventNotMentioned: define({
    title: 'An event falls on no date in the texts.',
    message: (eventId: string, when: string) => `event \`${eventId}\` (${when}) falls on no date tagged in the documents`,
    hint: 'The timeline is derived from the texts: an event names dates they mention. Check the event’s `date`/`until` against the `<time>` tags (npm run build prints them in /data/statements.json), or remove the event.',
  }),
  RelationsYamlInvalid: define({
    title: 'The curated relations are not valid YAML.',
    message: (reason: string) => `content/relations.yaml is not valid YAML: ${reason}`,
    hint: 'Fix the YAML at that line. Each entry is `- { a: "<statement id>", a_opens: "<its first words>", b: "<statement id>", b_opens: "<its first words>", kind: translation }`; quote the ids and the words.',
  }),
  RelationsInvalid: define({
    title: 'A curated relation does not match the schema.',
    message: (path: string, reason: string) => `**${path}**: ${reason}`,
    hint: 'An entry names two statements, each with its opening words (`a`, `a_opens`, `b`, `b_opens`), and adds a relation (`kind`: verbatim, translation or paraphrase, optional `note`) or suppresses one (`suppress: true`, `note`). See the header of content/relations.yaml.',
  }),
  UnknownStatement: define({
    title: 'Unknown statement id.',
    message: (statementId: string, field: string, suggestion?: string) =>
      `unknown statement \`${statementId}\` in \`${field}\`${suggestion ? `; did you mean \`${suggestion}\`?` : ''}`,
    hint: 'Statement ids are `<document slug>/<anchor>`, as in /data/statements.json or the `#p…` anchors of the document pages (`p12` is paragraph 12’s first statement, `p12-2` its second). Look the id up again on the page, from the statement’s ¶ link.',
  }),
  StatementOpensOtherwise: define({
    title: 'A curated statement does not begin with the words given.',
    message: (statementId: string, field: string, given: string, now: string, _opened: readonly string[]) =>
      `statement \`${statementId}\` in \`${field}\` now begins with \`${now}\`, not \`${given}\` as \`${field}_opens\` says`,
    hint: (statementId: string, field: string, _given: string, _now: string, opened: readonly string[]) =>
      (opened.length > 0
        ? `In the same document these words open ${opened.map((id) => `\`${id}\``).join(' and ')}: if ${opened.length === 1 ? 'that' : 'one of them'} is the statement meant, put its id in \`${field}\`. `
        : '') +
      `The anchor may have moved (a rule split the paragraph differently, or the Markdown’s blocks changed): find the statement whose opening words these are (the ¶ link on its page gives its id) and put its id in \`${field}\`; or, if \`${statementId}\` is the right statement, update \`${field}_opens\` to its first words as printed (whitespace aside; quotes and dashes as printed, “ is not ").`,
  }),
  DuplicateRelation: define({
    title: 'A pair of statements is curated twice.',
    message: (first: string, second: string, line: number) => `\`${first}\` and \`${second}\` are already paired at line ${line}`,
    hint: 'Keep one entry per pair of statements (in either order): merge the two.',
  }),
  MarkdownRuleViolated: define({
    title: 'The Markdown breaks a content rule.',
    message: (reason: string, _hint: string) => reason,
    hint: (_reason: string, hint: string) => hint,
  }),
} as const;

export type ContentErrorName = keyof typeof ContentErrors;

export function problem<Name extends ContentErrorName>(
  name: Name,
  location: { file: string; line?: number | undefined },
  ...args: Parameters<(typeof ContentErrors)[Name]['message']>
): ContentProblem {
  const data = ContentErrors[name] as ContentErrorData<unknown[]>;
  const hint = typeof data.hint === 'function' ? data.hint(...args) : data.hint;
  return { name, file: location.file, line: location.line, message: data.message(...args), hint };
}

/** `content/documents/x.md:4  unknown speaker …` and the hint on the next line. */
export function formatProblem(p: ContentProblem): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}`;
  return `${where}  ${p.message}\n  hint: ${p.hint} [${p.name}]`;
}

/** The closest candidate within a small edit distance, for "did you mean". */
export function closest(value: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(value.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(value, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
