import type { APIRoute } from 'astro';
import { speakerFeedPaths, speakerFeedRoute } from '../../../lib/cached-routes.ts';
import { renderedFrom } from '../../../lib/page-cache.ts';

export const getStaticPaths = speakerFeedPaths;

export const GET: APIRoute = ({ params, props }) =>
  new Response(renderedFrom(speakerFeedRoute, params as { id: string }, props as { feed: string }).feed, {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  });
