/**
 * The routes whose pages are cached between builds (page-cache.ts): the ones
 * that grow with the corpus. Each route's `getStaticPaths` is here, and each
 * page passes to `renderedFrom`, with the same route, the same value its key
 * is made from here: what it renders from, or for a document the smaller
 * inputs that determine it (`documentPageInputs`).
 * The few pages made from the whole corpus (home, timeline, search, the
 * speaker index, feeds, sitemap) change with any document and always render.
 */
import { documentPageInputs, speakerFeedPages } from './reader-data.ts';
import { pathsToRender, type CachedRoute } from './page-cache.ts';
import { comparePages, documentPages, speakerPages, type SpeakerPageParams } from './site-data.ts';

export const documentRoute: CachedRoute<{ slug: string }> = { output: ({ slug }) => `documents/${slug}/index.html` };
export const compareRoute: CachedRoute<{ slug: string }> = { output: ({ slug }) => `compare/${slug}/index.html` };
export const speakerRoute: CachedRoute<SpeakerPageParams> = { output: ({ id, page }) => (page ? `speakers/${id}/${page}/index.html` : `speakers/${id}/index.html`) };
export const speakerFeedRoute: CachedRoute<{ id: string }> = { output: ({ id }) => `speakers/${id}/feed.xml` };

export const documentPaths = async () => pathsToRender(documentRoute, await documentPages(), (path) => documentPageInputs(path.props));
export const comparePaths = async () => pathsToRender(compareRoute, await comparePages(), (path) => path.props);
export const speakerPaths = async () => pathsToRender(speakerRoute, await speakerPages(), (path) => path.props);
export const speakerFeedPaths = async () => pathsToRender(speakerFeedRoute, await speakerFeedPages(), (path) => path.props);
