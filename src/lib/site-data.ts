/**
 * What the pages render, computed from the content collections. Pages call
 * one function here and render its result; they hold no logic of their own.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { DateRecord } from '../pipeline/remark-dates.ts';
import type { StatementRecord } from '../pipeline/remark-statements.ts';
import { buildTimeline, timelineView, type TimelineEntry, type TimelineEntryView } from './timeline.ts';
import type { Relation, RelationStats } from './relations/detect-relations.ts';
import { describeRelations, findRelations, type FoundRelations } from './relations/find-relations.ts';
import { awaitHandedRelations, RELATIONS_FILE_ENV } from './relations/relations-handoff.ts';
import { injectRelated, type RelatedLink } from './related-markup.ts';
import { openDataset } from './open-dataset.ts';
import { compareHref, relationKey, shownRelationsByStatement } from './relations/shown-relations.ts';
import { formatIsoDate } from './iso-date.ts';
import { documentSearchFilters, searchFacets, passageSearchRecords } from './search-records.ts';
import { readAnnotation, type Annotation } from './annotation-cache.ts';
import type { Speaker } from './schema.ts';
import { summariseDocument, type DocumentSummary } from './document-summary.ts';
import { wordDiff, type DiffToken } from './word-diff.ts';
import { DOCUMENT_PAGE_SIZE, documentListHref, pageHref, pagePosition, paginate, SPEAKER_PAGE_SIZE, type PagePosition } from './pagination.ts';

export type DocumentEntry = CollectionEntry<'documents'>;

export async function getSpeakers(): Promise<Map<string, Speaker>> {
  const entries = await getCollection('speakers');
  return new Map(entries.map((entry) => [entry.data.id, entry.data]));
}

/** All documents, newest first (ties by title, so the order is stable). */
export async function listDocuments(): Promise<DocumentSummary[]> {
  const [entries, speakers] = await Promise.all([getCollection('documents'), getSpeakers()]);
  return entries
    .map((entry) => summariseDocument(entry, speakers))
    .sort((a, b) => b.date.localeCompare(a.date) || a.title.localeCompare(b.title));
}

/** One page of the home page's list of documents, newest first. */
export interface DocumentListPage {
  documents: DocumentSummary[];
  position: PagePosition;
}

/** The home page's list in pages of `DOCUMENT_PAGE_SIZE`: `page` is absent on `/`, the number on `/page/<n>/`. */
export async function documentListPages(): Promise<{ params: { page: string | undefined }; props: DocumentListPage }[]> {
  const documents = await listDocuments();
  const pages = paginate(documents, DOCUMENT_PAGE_SIZE);
  return pages.map((slice, index) => ({
    params: { page: index === 0 ? undefined : String(index + 1) },
    props: { documents: slice, position: pagePosition(documentListHref, index + 1, pages.length, documents.length, DOCUMENT_PAGE_SIZE) },
  }));
}

export interface DocumentPage {
  entry: DocumentEntry;
  document: DocumentSummary;
}

export async function documentPages(): Promise<{ params: { slug: string }; props: DocumentPage }[]> {
  const [entries, speakers] = await Promise.all([getCollection('documents'), getSpeakers()]);
  return entries.map((entry) => ({
    params: { slug: entry.id },
    props: { entry, document: summariseDocument(entry, speakers) },
  }));
}

export interface AnnotatedDocument {
  document: DocumentSummary;
  statements: StatementRecord[];
  dateMentions: DateRecord[];
}

// Every page that needs the statements of all documents shares one pass over them (one per build).
let annotated: Promise<AnnotatedDocument[]> | undefined;

/** Every document with what the pipeline recorded for it (statements, dates), oldest first. */
export function documentsWithStatements(): Promise<AnnotatedDocument[]> {
  annotated ??= (async () => {
    const [entries, speakers] = await Promise.all([getCollection('documents'), getSpeakers()]);
    const rendered = await Promise.all(
      entries.map(async (entry) => {
        // What the plugins recorded; only that is kept (the HTML is read again by the document's own page).
        const remarkPluginFrontmatter = annotationOf(entry).metadata.frontmatter;
        return {
          document: summariseDocument(entry, speakers),
          statements: (remarkPluginFrontmatter['statements'] ?? []) as StatementRecord[],
          dateMentions: (remarkPluginFrontmatter['dateMentions'] ?? []) as DateRecord[],
        };
      }),
    );
    return rendered.sort((a, b) => a.document.date.localeCompare(b.document.date) || a.document.slug.localeCompare(b.document.slug));
  })();
  return annotated;
}

let bySlug: Promise<Map<string, AnnotatedDocument>> | undefined;

/** One document with its statements; a lookup, not a scan, since every page asks for its own. */
export function annotatedDocument(slug: string): Promise<AnnotatedDocument | undefined> {
  bySlug ??= documentsWithStatements().then((documents) => new Map(documents.map((entry) => [entry.document.slug, entry])));
  return bySlug.then((map) => map.get(slug));
}

/** What a listing shows of a document (a comparison's side, a speaker's statement): only that, since a page's data is its cache key. */
export interface DocumentRef {
  title: string;
  href: string;
  outletName: string;
  date: string;
  dateLabel: string;
}

export function documentRef(document: DocumentSummary): DocumentRef {
  return { title: document.title, href: document.href, outletName: document.outlet.name, date: document.date, dateLabel: document.dateLabel };
}

/** A statement on its speaker's page and in their feed. */
export interface SpeakerStatement {
  text: string;
  kind: StatementRecord['kind'];
  /** `/documents/<slug>/#<anchor>`. */
  href: string;
  document: DocumentRef;
}

/** One page of a speaker's statements: who they are, and `SPEAKER_PAGE_SIZE` of their statements, newest first. */
export interface SpeakerPage {
  speaker: Speaker;
  roles: { title: string; period: string }[];
  statements: SpeakerStatement[];
  position: PagePosition;
}

function period(from?: string, to?: string): string {
  if (from && to) return `${formatIsoDate(from)} – ${formatIsoDate(to)}`;
  if (from) return `since ${formatIsoDate(from)}`;
  if (to) return `until ${formatIsoDate(to)}`;
  return '';
}

// Asked for by the speaker pages, their feeds, the speaker index and the sitemap; made once per build.
let speakerStatementsOnce: Promise<Map<string, SpeakerStatement[]>> | undefined;

/** Every speaker's statements, newest first (documents newest first, each in its own order). */
export function speakerStatements(): Promise<Map<string, SpeakerStatement[]>> {
  speakerStatementsOnce ??= (async () => {
    const documents = await documentsWithStatements();
    const bySpeaker = new Map<string, SpeakerStatement[]>();
    for (const { document, statements } of [...documents].reverse()) {
      const ref = documentRef(document);
      for (const statement of statements) {
        for (const id of statement.speakers) {
          const list = bySpeaker.get(id) ?? [];
          list.push({ text: statement.text, kind: statement.kind, href: `${document.href}#${statement.id}`, document: ref });
          bySpeaker.set(id, list);
        }
      }
    }
    return bySpeaker;
  })();
  return speakerStatementsOnce;
}

/** The path of a speaker's page: `page` is absent on the first (`/speakers/<id>/`), the number on the others. */
export interface SpeakerPageParams {
  id: string;
  page: string | undefined;
}

let speakerPagesOnce: Promise<{ params: SpeakerPageParams; props: SpeakerPage }[]> | undefined;

/** Every registry entry's pages: `/speakers/<id>/` and, past `SPEAKER_PAGE_SIZE` statements, `/speakers/<id>/2/`, … */
export function speakerPages(): Promise<{ params: SpeakerPageParams; props: SpeakerPage }[]> {
  speakerPagesOnce ??= (async () => {
    const [bySpeaker, speakers] = await Promise.all([speakerStatements(), getSpeakers()]);
    return [...speakers.values()].flatMap((speaker) => {
      const statements = bySpeaker.get(speaker.id) ?? [];
      const pages = paginate(statements, SPEAKER_PAGE_SIZE);
      const roles = speaker.roles.map((role) => ({ title: role.title, period: period(role.from, role.to) }));
      return pages.map((slice, index) => ({
        params: { id: speaker.id, page: index === 0 ? undefined : String(index + 1) },
        props: { speaker, roles, statements: slice, position: pagePosition((page) => pageHref(`/speakers/${speaker.id}/`, page), index + 1, pages.length, statements.length, SPEAKER_PAGE_SIZE) },
      }));
    });
  })();
  return speakerPagesOnce;
}

export async function speakerIndex(): Promise<{ kind: string; speakers: { speaker: Speaker; statements: number }[] }[]> {
  const [bySpeaker, speakers] = await Promise.all([speakerStatements(), getSpeakers()]);
  const groups = new Map<string, { speaker: Speaker; statements: number }[]>();
  for (const speaker of speakers.values()) {
    const list = groups.get(speaker.kind) ?? [];
    list.push({ speaker, statements: bySpeaker.get(speaker.id)?.length ?? 0 });
    groups.set(speaker.kind, list);
  }
  const order = ['person', 'organisation', 'outlet', 'group'];
  return order
    .filter((kind) => groups.has(kind))
    .map((kind) => ({ kind, speakers: groups.get(kind)!.sort((a, b) => b.statements - a.statements || a.speaker.name.localeCompare(b.speaker.name)) }));
}

/** The timeline page: every entry, its lists cut to what the page shows (`timelineView`). */
export async function timelineViews(): Promise<TimelineEntryView[]> {
  return (await timelineEntries()).map((entry) => timelineView(entry));
}

/** A page for each entry whose lists the timeline page cuts: `/timeline/<key>/`, with all of them. */
export async function timelineEntryPages(): Promise<{ params: { key: string }; props: TimelineEntryView }[]> {
  return (await timelineEntries())
    .filter((entry) => timelineView(entry).page !== undefined)
    .map((entry) => ({ params: { key: entry.key }, props: timelineView(entry, Number.POSITIVE_INFINITY) }));
}

// Asked for by the timeline, its entries' pages and the sitemap; made once per build.
let timelineOnce: Promise<TimelineEntry[]> | undefined;

export function timelineEntries(): Promise<TimelineEntry[]> {
  timelineOnce ??= collectTimeline();
  return timelineOnce;
}

async function collectTimeline(): Promise<TimelineEntry[]> {
  const [documents, events] = await Promise.all([documentsWithStatements(), getCollection('events')]);
  return buildTimeline(
    documents.map(({ document, dateMentions }) => ({
      document: { slug: document.slug, href: document.href, title: document.title, outlet: document.outlet.name, date: document.date, eventDates: document.eventDates.map((event) => event.iso) },
      mentions: dateMentions,
    })),
    events.map((entry) => entry.data),
  );
}

export interface StatementRef {
  /** `<document slug>/<anchor>`, as in the dataset. */
  id: string;
  statement: StatementRecord;
  /** Display names of its speakers ("Unattributed" when none). */
  speakerNames: string;
  document: DocumentSummary;
  href: string;
}

export interface RelationView {
  /** Stable key of the pair, the comparison page's path segment. */
  key: string;
  relation: Relation;
  a: StatementRef;
  b: StatementRef;
}

export interface RelationsStage {
  relations: RelationView[];
  /** For each statement id, the relations it takes part in. */
  byStatement: Map<string, RelationView[]>;
  stats: RelationStats;
  milliseconds: number;
}

let relationsStage: Promise<RelationsStage> | undefined;

function logged(found: FoundRelations): FoundRelations {
  console.log(describeRelations(found));
  return found;
}

/** The cross-document stage: relations between all statements, found once per build through an index. */
export function relations(): Promise<RelationsStage> {
  relationsStage ??= (async () => {
    const [documents, speakers] = await Promise.all([documentsWithStatements(), getSpeakers()]);
    const refs = new Map<string, StatementRef>();
    for (const { document, statements } of documents) {
      for (const statement of statements) {
        const id = `${document.slug}/${statement.id}`;
        const speakerNames = statement.speakers.map((speaker) => speakers.get(speaker)?.name ?? speaker).join(', ') || 'Unattributed';
        refs.set(id, { id, statement, speakerNames, document, href: `${document.href}#${statement.id}` });
      }
    }
    const handed = process.env[RELATIONS_FILE_ENV];
    const { relations: found, stats, milliseconds } = handed ? await awaitHandedRelations(handed, (id) => refs.get(id)?.statement.text) : logged(findRelations(process.cwd(), documents));
    const views = found.flatMap((relation) => {
      const a = refs.get(relation.a);
      const b = refs.get(relation.b);
      if (!a || !b) return [];
      return [{ key: relationKey(relation), relation, a, b }];
    });
    const byStatement = new Map<string, RelationView[]>();
    for (const view of views) {
      for (const id of [view.a.id, view.b.id]) {
        const list = byStatement.get(id);
        if (list) list.push(view);
        else byStatement.set(id, [view]);
      }
    }
    return { relations: views, byStatement, stats, milliseconds };
  })();
  return relationsStage;
}

const shownCache = new WeakMap<RelationsStage, Map<string, RelationView[]>>();

/** The relations shown beside a statement, best first (sorted once per build, then looked up). */
export function shownRelations(stage: RelationsStage, id: string): RelationView[] {
  let shown = shownCache.get(stage);
  if (!shown) {
    const dates = new Map(stage.relations.flatMap((view) => [[view.a.id, view.a.document.date] as const, [view.b.id, view.b.document.date] as const]));
    shown = shownRelationsByStatement(stage.relations, (view) => view.relation, (view) => view.key, (statement) => dates.get(statement) ?? '');
    shownCache.set(stage, shown);
  }
  return shown.get(id) ?? [];
}

/** For one document: the related links of each of its statements, by anchor. */
export async function relatedLinksFor(slug: string): Promise<Map<string, RelatedLink[]>> {
  const [stage, document] = await Promise.all([relations(), annotatedDocument(slug)]);
  const links = new Map<string, RelatedLink[]>();
  const own = document?.statements ?? [];
  for (const { id: anchor } of own) {
    const id = `${slug}/${anchor}`;
    if (!stage.byStatement.has(id)) continue;
    const list = shownRelations(stage, id).map((view) => {
      const here = view.a.id === id;
      const other = here ? view.b : view.a;
      const passage = here ? view.relation.passageB : view.relation.passageA;
      return {
        kind: view.relation.kind,
        href: other.href,
        source: `${other.document.outlet.name}, ${other.document.dateLabel}`,
        passage: passage.text,
        compareHref: compareHref(slug, view.key),
        sameDocument: other.document.slug === slug,
      };
    });
    links.set(anchor, list);
  }
  return links;
}

/** One side of a compared pair: a statement and its matching passage. */
export interface ComparedSide {
  /** The statement's URL: `/documents/<slug>/#<anchor>`. */
  href: string;
  speakerNames: string;
  document: DocumentRef;
  passage: string;
}

export interface ComparedPair {
  /** The element id of the pair on the page: `c-<key>`. */
  id: string;
  kind: Relation['kind'];
  score: number;
  curated: boolean;
  /** The statement in this document, then the other one. */
  sides: [ComparedSide, ComparedSide];
  /** The first side is the relation's `a`: the diff is computed in the relation's order. */
  aFirst: boolean;
}

export interface ComparePage {
  document: DocumentRef;
  pairs: ComparedPair[];
}

// Asked for by the comparison pages and the sitemap; made once per build.
let comparePagesOnce: Promise<{ params: { slug: string }; props: ComparePage }[]> | undefined;

/**
 * One comparison page per document, holding every pair shown beside its statements (so the pages grow with the
 * documents, not with the pairs); each "Compare" link lands on its pair.
 */
export function comparePages(): Promise<{ params: { slug: string }; props: ComparePage }[]> {
  comparePagesOnce ??= collectComparePages();
  return comparePagesOnce;
}

async function collectComparePages(): Promise<{ params: { slug: string }; props: ComparePage }[]> {
  const [stage, documents] = await Promise.all([relations(), documentsWithStatements()]);
  return documents.flatMap(({ document, statements }) => {
    const pairs = new Map<string, ComparedPair>();
    for (const statement of statements) {
      const id = `${document.slug}/${statement.id}`;
      for (const view of shownRelations(stage, id)) {
        if (pairs.has(view.key)) continue;
        const side = (ref: StatementRef, passage: string): ComparedSide => ({
          href: ref.href,
          speakerNames: ref.speakerNames,
          document: documentRef(ref.document),
          passage,
        });
        const a = side(view.a, view.relation.passageA.text);
        const b = side(view.b, view.relation.passageB.text);
        const aFirst = view.a.id === id;
        pairs.set(view.key, {
          id: `c-${view.key}`,
          kind: view.relation.kind,
          score: view.relation.score,
          curated: view.relation.origin === 'curated',
          sides: aFirst ? [a, b] : [b, a],
          aFirst,
        });
      }
    }
    return pairs.size === 0 ? [] : [{ params: { slug: document.slug }, props: { document: documentRef(document), pairs: [...pairs.values()] } }];
  });
}

/**
 * The word diff of a compared pair, its sides in the page's order. Computed in the relation's own order (a, then b),
 * so that the two documents' pages mark the same words where two equally long common subsequences exist.
 */
export function comparedDiff(pair: ComparedPair): [DiffToken[], DiffToken[]] {
  const [here, there] = pair.sides;
  if (pair.aFirst) {
    const diff = wordDiff(here.passage, there.passage);
    return [diff.a, diff.b];
  }
  const diff = wordDiff(there.passage, here.passage);
  return [diff.b, diff.a];
}

function annotationOf(entry: DocumentEntry): Annotation {
  if (!entry.digest) throw new Error(`content/documents/${entry.id}.md has no annotation key: it was not loaded by the documents loader (src/lib/documents-loader.ts).`);
  return readAnnotation(process.cwd(), String(entry.digest), entry.id);
}

/**
 * A document's rendered HTML with its statements' related links beside them, and `after` a statement's block the
 * markup given for it (see `injectRelated`).
 */
export async function documentHtml(entry: DocumentEntry, after: ReadonlyMap<string, string> = new Map()): Promise<string> {
  const annotation = annotationOf(entry);
  const html = annotation.html;
  // Never publish an empty page as if it were the document.
  if (!html) throw new Error(`content/documents/${entry.id}.md has no rendered HTML: run \`npm run check:content\` to see why.`);
  // `astro build` run without the content check: the plugins recorded what they refused; fail here, not silently.
  const frontmatter = annotation.metadata.frontmatter;
  const problems = (frontmatter['contentProblems'] ?? []) as { line?: number; reason: string; rule?: string }[];
  if (problems.length > 0) {
    const list = problems.map((problem) => `  content/documents/${entry.id}.md (body line ${problem.line ?? '?'}): ${problem.reason} [${problem.rule ?? 'content'}]`);
    throw new Error(`ContentRuleViolated: the document breaks a content rule and is not published.\n${list.join('\n')}\n  hint: run \`npm run check:content\` for file lines and fixes; \`npm run build\` runs it first.`);
  }
  return injectRelated(html, await relatedLinksFor(entry.id), after);
}

/** The search form's facets: every filter value with its number of records (statements and documents). */
export async function searchFormFacets() {
  // The dataset without its relations: a facet counts records, and relations are neither records nor filters.
  const [annotatedDocuments, registry] = await Promise.all([documentsWithStatements(), getSpeakers()]);
  const { statements, documents, speakers } = openDataset({ speakers: registry, documents: annotatedDocuments }, []);
  const records = passageSearchRecords({ statements: statements.statements, documents: documents.documents, speakers: speakers.speakers });
  const documentFilters = (await listDocuments()).map((document) =>
    documentSearchFilters({ title: document.title, date: document.date, outletName: document.outlet.name }),
  );
  return searchFacets([...records.map((record) => record.filters), ...documentFilters]);
}
