/**
 * Quote-level citation downloads: one file per document and format
 * (/cite/<slug>.bib, .ris, .json), the document first, then each of its
 * statements. Plain functions of a document and its statements, so the files
 * are written beside Astro's build (parallel-outputs.ts) and the document page
 * shows the very same citations.
 */
import type { StatementRecord } from '../pipeline/remark-statements.ts';
import { bibtex, cslJson, ris, type CitableDocument, type CitableStatement } from './citations.ts';
import type { DocumentSummary } from './document-summary.ts';
import type { Speaker } from './schema.ts';

/** The date these pages were built: the access date of a citation made from them. */
export const BUILD_DATE = new Date().toISOString().slice(0, 10);

export function citableDocument(document: DocumentSummary, site: URL): CitableDocument {
  return {
    title: document.title,
    date: document.date,
    dateBasis: document.dateBasis,
    outletName: document.outlet.name,
    reference: document.reference,
    section: document.section,
    originalUrl: document.url,
    siteUrl: new URL(document.href, site).href,
    slug: document.slug,
    accessed: BUILD_DATE,
  };
}

export interface DocumentCitations {
  document: CitableDocument;
  statements: CitableStatement[];
}

/** A document and each of its statements, ready for the citation formats. */
export function citationsOf(
  document: DocumentSummary,
  statements: readonly StatementRecord[],
  speakers: ReadonlyMap<string, Speaker>,
  site: URL,
): DocumentCitations {
  const citable = citableDocument(document, site);
  return {
    document: citable,
    statements: statements.map((statement) => ({
      document: citable,
      anchor: statement.id,
      speakerNames: statement.speakers.map((id) => speakers.get(id)?.name ?? id),
      text: statement.text,
      url: `${citable.siteUrl}#${statement.id}`,
    })),
  };
}

/** The paths of a document's downloads under the site root, with the format each holds. */
export function citationPaths(slug: string): { path: string; format: 'bibtex' | 'ris' | 'csl-json' }[] {
  return [
    { path: `cite/${slug}.bib`, format: 'bibtex' },
    { path: `cite/${slug}.ris`, format: 'ris' },
    { path: `cite/${slug}.json`, format: 'csl-json' },
  ];
}

/** Each download's path under the site root and its text. */
export function citationFiles(slug: string, { document, statements }: DocumentCitations): { path: string; text: string }[] {
  const items = [document, ...statements];
  const text = { bibtex: () => items.map(bibtex).join('\n'), ris: () => items.map(ris).join(''), 'csl-json': () => JSON.stringify(items.map(cslJson), null, 2) };
  return citationPaths(slug).map(({ path, format }) => ({ path, text: text[format]() }));
}
