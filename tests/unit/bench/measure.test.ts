import { describe, expect, it } from 'vitest';
import { measure, programOf } from '../../../scripts/bench/measure.ts';

describe('the bench’s memory measure', () => {
  it('names each process by the program it runs, not by the node binary', () => {
    expect(programOf('/root/.cache/node24/node_modules/node/bin/node /tmp/x/node_modules/astro/bin/astro.mjs build')).toBe('astro');
    expect(programOf('/work/main/node_modules/@pagefind/linux-x64/bin/pagefind_extended --service')).toBe('pagefind');
    expect(programOf('/usr/bin/node scripts/check-content.ts')).toBe('check');
    expect(programOf('/usr/bin/node scripts/build.ts')).toBe('build.ts');
    expect(programOf('/usr/bin/node --import ./scripts/compile-cache.ts scripts/build.ts')).toBe('build.ts');
    expect(programOf('/usr/bin/node -r ./x.cjs --import ./y.mjs scripts/bench/run.ts 1000')).toBe('run.ts');
    expect(programOf('/usr/bin/node --import=./scripts/compile-cache.ts scripts/build.ts')).toBe('build.ts');
  });

  it('reports the peak of each program in the tree it ran', async () => {
    // A child that holds about 64 MiB, under a shell: the peak is the child's, and both are listed.
    const result = await measure('sh', ['-c', `${process.execPath} -e "const b = Buffer.alloc(64 * 2 ** 20, 1); setTimeout(() => console.log(b.length), 400)"`], { cwd: process.cwd() });
    expect(result.status).toBe(0);
    expect(result.peakRss).toBeGreaterThan(64 * 2 ** 20);
    expect(Object.keys(result.peaks)).toContain('sh');
    expect(Math.max(...Object.values(result.peaks))).toBe(result.peakRss);
  });
});
