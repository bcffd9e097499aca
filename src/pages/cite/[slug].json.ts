import type { APIRoute } from 'astro';
import { CITATION_MEDIA_TYPES, cslJson } from '../../lib/citations.ts';
import { documentCitations } from '../../lib/reader-data.ts';
import { documentPages } from '../../lib/site-data.ts';

export const getStaticPaths = documentPages;

/** CSL-JSON: an array of items, the document first, then each statement. */
export const GET: APIRoute = async ({ params, site }) => {
  const { document, statements } = await documentCitations(params['slug']!, site!);
  return new Response(JSON.stringify([document, ...statements].map(cslJson), null, 2), {
    headers: { 'Content-Type': `${CITATION_MEDIA_TYPES.cslJson}; charset=utf-8` },
  });
};
