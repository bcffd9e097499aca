/**
 * Runs a command and measures it: wall time, and the peak resident memory of
 * the largest single process in its tree (Astro's Node process, Pagefind's
 * binary…), read from each process's own high-water mark (VmHWM in
 * /proc/<pid>/status, Linux), so a short-lived peak is not missed between polls.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface Measured {
  status: number;
  seconds: number;
  /** Peak RSS of the largest process in the tree, bytes. */
  peakRss: number;
  /** Which command line had that peak. */
  peakProcess: string;
  /** Peak RSS of each program in the tree (`astro`, `pagefind`, `check`, …), bytes: which one to work on. */
  peaks: Record<string, number>;
  output: string;
}

function children(): Map<number, number[]> {
  const tree = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/u.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = tree.get(parent) ?? [];
      list.push(Number(entry));
      tree.set(parent, list);
    } catch {
      // The process ended while we looked.
    }
  }
  return tree;
}

function descendants(root: number): number[] {
  const tree = children();
  const found: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.pop()!;
    found.push(pid);
    queue.push(...(tree.get(pid) ?? []));
  }
  return found;
}

function highWaterMark(pid: number): { bytes: number; command: string } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/^VmHWM:\s+(\d+) kB/mu.exec(status)?.[1] ?? 0);
    const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).slice(0, 6).join(' ');
    return { bytes: kb * 1024, command };
  } catch {
    return undefined;
  }
}

/** Node's options whose next argument is a module loaded before the script. */
const PRELOAD_FLAGS: ReadonlySet<string> = new Set(['--import', '--require', '-r', '--loader', '--experimental-loader']);

/** A short name for a process: the program it runs, not the node binary that runs it. */
export function programOf(command: string): string {
  if (/astro\.mjs/u.test(command)) return 'astro';
  if (/pagefind/u.test(command)) return 'pagefind';
  if (/check-content/u.test(command)) return 'check';
  // The script run, not a module preloaded before it (`node --import ./scripts/compile-cache.ts scripts/build.ts`).
  const parts = command.split(' ');
  const script = parts.find((part, index) => !part.startsWith('-') && /\.(ts|mjs|js|cjs)$/u.test(part) && !PRELOAD_FLAGS.has(parts[index - 1] ?? ''));
  return (script ?? command.split(' ')[0] ?? '').split('/').pop() ?? command;
}

export function measure(command: string, args: string[], options: { cwd: string; env?: Record<string, string>; echo?: boolean }): Promise<Measured> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env, NO_COLOR: '1' } });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (options.echo) process.stderr.write(chunk);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    let peakRss = 0;
    let peakProcess = '';
    const peaks: Record<string, number> = {};
    const poll = () => {
      if (child.pid === undefined) return;
      for (const pid of descendants(child.pid)) {
        const mark = highWaterMark(pid);
        if (!mark) continue;
        const program = programOf(mark.command);
        peaks[program] = Math.max(peaks[program] ?? 0, mark.bytes);
        if (mark.bytes > peakRss) {
          peakRss = mark.bytes;
          peakProcess = mark.command;
        }
      }
    };
    const timer = setInterval(poll, 50);
    child.on('close', (status) => {
      clearInterval(timer);
      resolve({ status: status ?? 1, seconds: (performance.now() - started) / 1000, peakRss, peakProcess, peaks, output });
    });
  });
}
