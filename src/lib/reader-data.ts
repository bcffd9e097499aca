/**
 * What the reader features publish (citations, feeds, structured data,
 * sitemap, previous/next), from the same stage data as the pages: the pure
 * formatters live in citations.ts, feeds.ts and structured-data.ts.
 */
import { atomFeed, FEED_ENTRIES, newestForFeed, xmlText } from './feeds.ts';
import { excerpt } from './citations.ts';
import { BUILD_DATE, citationsOf, type DocumentCitations } from './citation-downloads.ts';
import { documentListHref, pageHref } from './pagination.ts';
import { timelineEntryHref } from './timeline.ts';
import { documentJsonLdBlocks, jsonLdElement, speakerJsonLd, type DocumentJsonLdBlocks, type JsonLd, type SpeakerKind } from './structured-data.ts';
import type { DocumentSummary } from './document-summary.ts';
import {
  annotatedDocument,
  comparePages,
  documentHtml,
  documentListPages,
  timelineEntryPages,
  getSpeakers,
  listDocuments,
  relatedLinksFor,
  relations,
  shownRelations,
  speakerPages,
  speakerStatements,
  type DocumentPage,
  type SpeakerStatement,
} from './site-data.ts';
import type { Speaker } from './schema.ts';

const absolute = (path: string, site: URL) => new URL(path, site).href;

/** A document and each of its statements, ready for the citation formats (as in its /cite/ downloads). */
export async function documentCitations(slug: string, site: URL): Promise<DocumentCitations> {
  const [annotated, speakers] = await Promise.all([annotatedDocument(slug), getSpeakers()]);
  if (!annotated) throw new Error(`documentCitations: no document \`${slug}\``);
  return citationsOf(annotated.document, annotated.statements, speakers, site);
}

function structuredKind(speaker: Speaker | undefined): SpeakerKind {
  return speaker?.kind ?? 'organisation';
}

/** schema.org JSON-LD of a document page: the report, and a Quotation per statement in blocks beside them. */
export async function documentStructuredData(slug: string, site: URL): Promise<DocumentJsonLdBlocks> {
  const [annotated, speakers, stage] = await Promise.all([annotatedDocument(slug), getSpeakers(), relations()]);
  if (!annotated) throw new Error(`documentStructuredData: no document \`${slug}\``);
  const { document } = annotated;
  return documentJsonLdBlocks({
    document: {
      title: document.title,
      date: document.date,
      outletName: document.outlet.name,
      siteUrl: absolute(document.href, site),
      kind: document.kind,
      originalUrl: document.url,
      reference: document.reference,
      section: document.section,
      outletPageUrl: absolute(`/speakers/${document.outlet.id}/`, site),
    },
    statements: annotated.statements.map((statement) => {
      const id = `${document.slug}/${statement.id}`;
      return {
        id: statement.id,
        url: `${absolute(document.href, site)}#${statement.id}`,
        text: statement.text,
        speakers: statement.speakers.map((speakerId) => ({
          id: speakerId,
          name: speakers.get(speakerId)?.name ?? speakerId,
          kind: structuredKind(speakers.get(speakerId)),
          pageUrl: absolute(`/speakers/${speakerId}/`, site),
        })),
        // The related statements the page shows, so the data says what the reader sees.
        related: shownRelations(stage, id).map((view) => absolute((view.a.id === id ? view.b : view.a).href, site)),
      };
    }),
  });
}

export function speakerStructuredData(speaker: Speaker, site: URL): JsonLd {
  return speakerJsonLd({
    name: speaker.name,
    kind: speaker.kind,
    aliases: speaker.aliases,
    roles: speaker.roles,
    country: speaker.country,
    pageUrl: absolute(`/speakers/${speaker.id}/`, site),
    url: speaker.url,
    description: speaker.description,
  });
}

/** The documents feed: the newest `FEED_ENTRIES`, newest first. */
export async function documentsFeed(site: URL): Promise<string> {
  const documents = await listDocuments();
  return atomFeed({
    id: absolute('/feed.xml', site),
    title: 'Dispatch Reader: documents',
    subtitle: `The latest ${FEED_ENTRIES} documents in the annotated corpus of Wang Yi – Sergey Lavrov statements; the home page lists every document, newest first.`,
    selfUrl: absolute('/feed.xml', site),
    pageUrl: absolute('/', site),
    updated: documents[0]?.date ?? BUILD_DATE,
    entries: newestForFeed(documents).map((document) => ({
      id: absolute(document.href, site),
      title: document.title,
      url: absolute(document.href, site),
      published: document.date,
      authorNames: [document.outlet.name],
      summary: document.summary,
    })),
  });
}

/** A speaker's feed: who, and their newest `FEED_ENTRIES` statements, newest first (what the feed is made from, and its cache key). */
export interface SpeakerFeedPage {
  speaker: { id: string; name: string };
  statements: SpeakerStatement[];
}

/** Speakers who have statements, each with what their feed lists. */
export async function speakerFeedPages(): Promise<{ params: { id: string }; props: SpeakerFeedPage }[]> {
  const [bySpeaker, speakers] = await Promise.all([speakerStatements(), getSpeakers()]);
  return [...speakers.values()]
    .filter((speaker) => (bySpeaker.get(speaker.id)?.length ?? 0) > 0)
    .map((speaker) => ({ params: { id: speaker.id }, props: { speaker: { id: speaker.id, name: speaker.name }, statements: newestForFeed(bySpeaker.get(speaker.id)!) } }));
}

/** The Atom feed of a speaker's statements. */
export function speakerFeed({ speaker, statements }: SpeakerFeedPage, site: URL): string {
  const self = absolute(`/speakers/${speaker.id}/feed.xml`, site);
  return atomFeed({
    id: self,
    title: `Dispatch Reader: statements by ${speaker.name}`,
    subtitle: `The latest ${FEED_ENTRIES} statements attributed to ${speaker.name}, newest first; every one is on their page.`,
    selfUrl: self,
    pageUrl: absolute(`/speakers/${speaker.id}/`, site),
    updated: statements[0]?.document.date ?? BUILD_DATE,
    entries: statements.map(({ text, document, href }) => ({
      id: absolute(href, site),
      title: `${speaker.name} in ${document.outletName}: “${excerpt(text, 80)}”`,
      url: absolute(href, site),
      published: document.date,
      authorNames: [speaker.name],
      summary: text,
    })),
  });
}

let oldestFirst: Promise<{ documents: DocumentSummary[]; index: Map<string, number> }> | undefined;

/** Previous (older) and next (newer) documents, by publication date (sorted once per build). */
export async function documentNeighbours(slug: string): Promise<{ previous?: DocumentSummary; next?: DocumentSummary }> {
  oldestFirst ??= listDocuments().then((list) => {
    const documents = list.slice().sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title));
    return { documents, index: new Map(documents.map((document, position) => [document.slug, position])) };
  });
  const { documents, index: positions } = await oldestFirst;
  const index = positions.get(slug) ?? -1;
  const previous = index > 0 ? documents[index - 1] : undefined;
  const next = index >= 0 && index < documents.length - 1 ? documents[index + 1] : undefined;
  return { ...(previous ? { previous } : {}), ...(next ? { next } : {}) };
}

/** Every HTML page of the site, for /sitemap.xml. */
export async function sitePages(): Promise<{ path: string; lastModified?: string }[]> {
  const [documents, speakers, compare, listPages, timelinePages] = await Promise.all([listDocuments(), speakerPages(), comparePages(), documentListPages(), timelineEntryPages()]);
  const newest = documents[0]?.date;
  const latest = newest ? { lastModified: newest } : {};
  return [
    { path: '/', ...latest },
    ...listPages.slice(1).map(({ props }) => ({ path: documentListHref(props.position.page) })),
    { path: '/timeline/', ...latest },
    ...timelinePages.map(({ props }) => ({ path: timelineEntryHref(props.entry) })),
    { path: '/speakers/', ...latest },
    { path: '/search/' },
    { path: '/data/' },
    ...documents.map((document) => ({ path: document.href, lastModified: document.date })),
    ...speakers
      .map(({ props }) => props)
      .sort((a, b) => a.speaker.id.localeCompare(b.speaker.id) || a.position.page - b.position.page)
      .map((props) => ({ path: pageHref(`/speakers/${props.speaker.id}/`, props.position.page) })),
    ...compare.map(({ params }) => ({ path: `/compare/${params.slug}/` })),
  ];
}

export async function sitemapXml(site: URL): Promise<string> {
  const entries = (await sitePages()).map(
    ({ path, lastModified }) => `  <url><loc>${xmlText(absolute(path, site))}</loc>${lastModified ? `<lastmod>${lastModified}</lastmod>` : ''}</url>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join('\n')}\n</urlset>\n`;
}

/** Everything a document's page shows: the page renders this and nothing else. */
export interface DocumentPageData {
  document: DocumentSummary;
  /** The annotated text with each statement's related reports beside it. */
  html: string;
  citations: DocumentCitations;
  neighbours: { previous?: DocumentSummary; next?: DocumentSummary };
  /** The document's JSON-LD node for the head; its quotations are in `html`, beside their statements. */
  structured: JsonLd;
}

export async function documentPageData({ entry, document }: DocumentPage, site: URL): Promise<DocumentPageData> {
  const [citations, neighbours, structured] = await Promise.all([
    documentCitations(document.slug, site),
    documentNeighbours(document.slug),
    documentStructuredData(document.slug, site),
  ]);
  const html = await documentHtml(entry, new Map(structured.quotations.map((block) => [block.after, jsonLdElement(block.data)])));
  return { document, html, citations, neighbours, structured: structured.document };
}

/**
 * What a document's page is made from: its key in the page cache (page-cache.ts), which a rebuild computes for
 * every document, so it holds the inputs rather than `DocumentPageData` itself (no HTML to assemble, no citation or
 * JSON-LD to format per document). The annotation's key stands for the text, statements and speaker labels (it
 * hashes the file's text with the pipeline and the speaker registry); the rest is what the other documents and the
 * build contribute: the related statements shown beside its statements (the links and the JSON-LD's `citation`),
 * its neighbours, and the date citations give as accessed. `tests/build/page-cache.test.ts` compares rebuilds
 * against cold builds byte for byte.
 */
export async function documentPageInputs({ entry, document }: DocumentPage): Promise<unknown> {
  const [related, neighbours] = await Promise.all([relatedLinksFor(document.slug), documentNeighbours(document.slug)]);
  return { annotation: String(entry.digest), document, related: [...related], neighbours, accessed: BUILD_DATE };
}
