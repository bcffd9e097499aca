/**
 * Preloaded by `npm run build` and `npm run check:content` (`node --import`), before the script's own imports: turns
 * on Node's on-disk compile cache (V8 code for every module loaded, kept in the system's temporary folder and keyed by
 * each file's content), and passes it on through NODE_COMPILE_CACHE to the threads and processes the build starts.
 * Each annotation worker loads the whole Markdown pipeline, the check its YAML and zod schemas: compiling them again
 * on every build is work a cache does not repeat. Astro turns the same cache on for itself. A cache that cannot be
 * used is no error: Node compiles as before.
 */
import module from 'node:module';

const enabled = module.enableCompileCache?.();
if (enabled?.directory && !process.env['NODE_COMPILE_CACHE']) process.env['NODE_COMPILE_CACHE'] = enabled.directory;
