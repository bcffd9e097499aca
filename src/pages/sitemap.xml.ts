import type { APIRoute } from 'astro';
import { sitemapXml } from '../lib/reader-data.ts';

export const GET: APIRoute = async ({ site }) =>
  new Response(await sitemapXml(site!), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
