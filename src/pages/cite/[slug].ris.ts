import type { APIRoute } from 'astro';
import { CITATION_MEDIA_TYPES, ris } from '../../lib/citations.ts';
import { documentCitations } from '../../lib/reader-data.ts';
import { documentPages } from '../../lib/site-data.ts';

export const getStaticPaths = documentPages;

/** The document, then each of its statements, as RIS records. */
export const GET: APIRoute = async ({ params, site }) => {
  const { document, statements } = await documentCitations(params['slug']!, site!);
  const body = [document, ...statements].map(ris).join('');
  return new Response(body, { headers: { 'Content-Type': `${CITATION_MEDIA_TYPES.ris}; charset=utf-8` } });
};
