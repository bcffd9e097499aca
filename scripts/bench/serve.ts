/**
 * A static host for a built site, as a production host would serve it:
 * index.html for folders, 404.html for what is missing, and gzip for text (a
 * page's weight and Lighthouse's timings assume compression). The bench's
 * measurements and the browser tests both use it.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { createGzip } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
};
/** Pagefind's index files are gzip already. */
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.json', '.xml', '.txt', '.svg']);

export interface Served {
  origin: string;
  close(): Promise<void>;
}

/** Serves `dist` on a free loopback port; a missing file gets the site's 404.html, as a static host would send it. */
export async function serveSite(dist: string): Promise<Served> {
  const server = createServer((request, response) => {
    let file = normalize(join(dist, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)));
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    let status = 200;
    if (!file.startsWith(dist) || !existsSync(file)) {
      status = 404;
      file = join(dist, '404.html');
      if (!existsSync(file)) return void response.writeHead(404).end('Not found');
    }
    const type = extname(file);
    const gzip = COMPRESSIBLE.has(type) && /\bgzip\b/u.test(String(request.headers['accept-encoding'] ?? ''));
    response.writeHead(status, { 'Content-Type': TYPES[type] ?? 'application/octet-stream', ...(gzip ? { 'Content-Encoding': 'gzip' } : {}) });
    const stream = createReadStream(file);
    if (gzip) stream.pipe(createGzip()).pipe(response);
    else stream.pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
