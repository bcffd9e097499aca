import type { APIRoute } from 'astro';
import { documentsFeed } from '../lib/reader-data.ts';

export const GET: APIRoute = async ({ site }) =>
  new Response(await documentsFeed(site!), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
