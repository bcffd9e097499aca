/** The raw texts as received, byte for byte, at /sources/<file name>. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { getCollection } from 'astro:content';
import { CONTENT_PATHS } from '../../lib/content-paths.ts';

export const getStaticPaths = (async () => {
  const documents = await getCollection('documents');
  return documents.map((entry) => ({ params: { name: entry.data.source.replace(/\.txt$/, '') } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const text = await readFile(join(process.cwd(), CONTENT_PATHS.sources, `${String(params.name)}.txt`));
  return new Response(text, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
