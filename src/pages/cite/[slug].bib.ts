import type { APIRoute } from 'astro';
import { bibtex, CITATION_MEDIA_TYPES } from '../../lib/citations.ts';
import { documentCitations } from '../../lib/reader-data.ts';
import { documentPages } from '../../lib/site-data.ts';

export const getStaticPaths = documentPages;

/** The document, then each of its statements: quote-level citations in one file. */
export const GET: APIRoute = async ({ params, site }) => {
  const { document, statements } = await documentCitations(params['slug']!, site!);
  const body = [document, ...statements].map(bibtex).join('\n');
  return new Response(body, { headers: { 'Content-Type': `${CITATION_MEDIA_TYPES.bibtex}; charset=utf-8` } });
};
