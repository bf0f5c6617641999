import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '../src/config/project-root';
import { recordResults } from './record-results';

/**
 * `npm run bench:generator -- --people 100000,1000000`: the dataset generator's time and peak
 * memory per size. Each size runs in its own process, so its peak RSS is its own.
 */
function main(): void {
  const { values } = parseArgs({ options: { people: { type: 'string', default: '100000,1000000' }, seed: { type: 'string', default: '42' } } });
  const sizes = values.people!.split(',').map(Number);
  const cli = join(projectRoot(), 'dist', 'seed', 'generator', 'generate-cli.js');
  const rows: Array<Record<string, string | number>> = [];
  for (const people of sizes) {
    const out = mkdtempSync(join(tmpdir(), 'customer-graph-generator-'));
    try {
      const started = performance.now();
      const run = spawnSync(process.execPath, [cli, '--people', String(people), '--seed', values.seed!, '--out', out], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      const seconds = (performance.now() - started) / 1000;
      if (run.status !== 0) throw new Error(`the generator failed for ${people} people: ${run.stderr}`);
      const records = Number(/→ ([\d,]+) records/.exec(run.stdout)?.[1].replace(/,/g, ''));
      const peakMiB = Number(/peak RSS (\d+) MiB/.exec(run.stdout)?.[1]);
      const bytes = readdirSync(out).reduce((sum, file) => sum + statSync(join(out, file)).size, 0);
      rows.push({
        people,
        records,
        seconds: Number(seconds.toFixed(1)),
        'records/s': Math.round(records / seconds),
        'peak RSS (MiB)': peakMiB,
        'output (MiB)': Math.round(bytes / 2 ** 20),
      });
      console.log(JSON.stringify(rows.at(-1)));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }
  recordResults('generator', 'Dataset generator: time and peak memory', rows, [
    `Command: npm run bench:generator -- --people ${values.people} (seed ${values.seed}); each size in its own process.`,
    'Peak RSS is the process maximum (process.resourceUsage().maxRSS); records are streamed to disk, so it stays flat as the size grows.',
  ]);
}

main();
