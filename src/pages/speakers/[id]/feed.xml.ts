import type { APIRoute } from 'astro';
import { speakerFeeds } from '../../../lib/reader-data.ts';

export const getStaticPaths = () => speakerFeeds(new URL(import.meta.env.SITE));

export const GET: APIRoute = ({ props }) =>
  new Response((props as { feed: string }).feed, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
