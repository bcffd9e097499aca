/**
 * The outputs that need no rendered page (the search index, the citation
 * downloads, the raw sources) are built in a process of their own
 * (write-parallel-outputs.ts), started when Astro starts building and awaited
 * when it is done. Astro renders pages on one thread; this process and
 * Pagefind's work on the other core meanwhile, instead of after it (at 1,000
 * documents: about 7 s of Pagefind and 5 s of 4,000 download routes off the
 * build's critical path).
 *
 * The process writes into a folder of its own, moved into Astro's output only
 * when both have succeeded; if it fails, the build fails with its message.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

export interface ParallelOutputsOptions {
  /** Where the process writes before its output is moved into Astro's, relative to the project root. */
  scratchDir?: string;
}

interface Running {
  child: ChildProcess;
  done: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

export default function parallelOutputs(options: ParallelOutputsOptions = {}): AstroIntegration {
  let root = '';
  let site = '';
  let running: Running | undefined;
  return {
    name: 'dispatch-reader:parallel-outputs',
    hooks: {
      'astro:config:done': ({ config }) => {
        // Without the trailing slash of a folder URL: paths and the annotation cache's keys are made from it.
        root = resolve(fileURLToPath(config.root));
        if (!config.site) throw new Error('dispatch-reader:parallel-outputs needs `site` in astro.config.mjs: citations carry absolute URLs.');
        site = config.site;
      },
      // After the content sync, so every document's annotation is in the cache the process reads.
      'astro:build:start': ({ logger }) => {
        const scratch = join(root, options.scratchDir ?? '.cache/parallel-outputs');
        rmSync(scratch, { recursive: true, force: true });
        const script = join(root, 'src/integrations/write-parallel-outputs.ts');
        const child = spawn(process.execPath, [script, root, scratch, site], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
        const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
          let stdout = '';
          let stderr = '';
          child.stdout!.on('data', (chunk) => (stdout += chunk));
          child.stderr!.on('data', (chunk) => (stderr += chunk));
          child.on('close', (code) => resolve({ code, stdout, stderr }));
          child.on('error', (error) => resolve({ code: 1, stdout, stderr: `${stderr}${error.message}` }));
        });
        // Astro failing first must not leave the process writing on after the build has exited.
        const stop = () => child.kill();
        process.once('exit', stop);
        void done.then(() => process.off('exit', stop));
        running = { child, done };
        logger.info('Search index, citation downloads and sources: building beside the pages.');
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!running) throw new Error('dispatch-reader:parallel-outputs: the process was never started (no astro:build:start).');
        const { code, stdout, stderr } = await running.done;
        running = undefined;
        if (code !== 0) {
          throw new Error(
            `The search index, citation downloads and sources could not be built (exit ${code}).\n${stderr.trim() || stdout.trim()}\n` +
              'Hint: run `npm run build` again; if it fails the same way, run `node src/integrations/write-parallel-outputs.ts . /tmp/out https://example.org` to see the error alone.',
          );
        }
        const scratch = join(root, options.scratchDir ?? '.cache/parallel-outputs');
        const outDir = fileURLToPath(dir);
        for (const entry of readdirSync(scratch)) {
          const target = join(outDir, entry);
          // A route of the same name would be overwritten silently; the two must never both exist.
          if (existsSync(target)) throw new Error(`dispatch-reader:parallel-outputs: \`${entry}\` exists in Astro's output too; remove the page or route that writes it.`);
          renameSync(join(scratch, entry), target);
        }
        rmSync(scratch, { recursive: true, force: true });
        const figures = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Record<string, number>;
        logger.info(
          `Search: ${figures['records']} records of ${figures['documents']} documents in ${figures['shards']} shard(s), ` +
            `${((figures['bytes'] ?? 0) / 1024).toFixed(0)} KiB; ${figures['downloads']} downloads; in ${figures['milliseconds']} ms, beside the pages.`,
        );
      },
    },
  };
}
