import { ownCpuSeconds, processCpuSeconds } from './process-cpu';

describe('processCpuSeconds', () => {
  it('reads a running process from /proc, and is undefined for one that is not there', () => {
    if (process.platform !== 'linux') return; // /proc/<pid>/stat is Linux's
    const before = processCpuSeconds(process.pid)!;
    const spinUntil = Date.now() + 120;
    while (Date.now() < spinUntil); // burn CPU so the reading has to move
    const after = processCpuSeconds(process.pid)!;
    expect(after).toBeGreaterThan(before);
    // Agrees with Node's own account of this process to within a few clock ticks.
    expect(Math.abs(after - ownCpuSeconds())).toBeLessThan(0.1);
    expect(processCpuSeconds(2 ** 30)).toBeUndefined();
    expect(processCpuSeconds(undefined)).toBeUndefined();
  });
});
