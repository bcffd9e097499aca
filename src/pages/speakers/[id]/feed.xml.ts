import type { APIRoute } from 'astro';
import { speakerFeedPaths, speakerFeedRoute } from '../../../lib/cached-routes.ts';
import { renderedFrom } from '../../../lib/page-cache.ts';
import { speakerFeed, type SpeakerFeedPage } from '../../../lib/reader-data.ts';

export const getStaticPaths = speakerFeedPaths;

export const GET: APIRoute = ({ params, props, site }) =>
  new Response(speakerFeed(renderedFrom(speakerFeedRoute, params as { id: string }, props as SpeakerFeedPage), site!), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  });
