import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDataset } from './generate-dataset';

// A smoke check, not a measurement: memory must not grow with the number of people.
describe('generateDataset memory', () => {
  it('stays bounded for 20,000 people', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'seed-memory-'));
    try {
      const before = process.memoryUsage().rss;
      let peak = before;
      const manifest = await generateDataset({
        people: 20_000,
        seed: 1,
        outDir,
        progressEvery: 5_000,
        onProgress: () => (peak = Math.max(peak, process.memoryUsage().rss)),
      });
      expect(manifest.records.total).toBeGreaterThan(40_000);
      // holding every record would cost several hundred MiB here; the buffer and books need far less
      expect((peak - before) / 2 ** 20).toBeLessThan(200);
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });
});
