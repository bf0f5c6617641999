import { parseArgs } from 'node:util';
import { DEFAULT_DEMO_PEOPLE, DEFAULT_DEMO_SEED, generateDemo } from './demo-dataset';

const USAGE = `usage: generate-demo-cli --out DIR [--seed N (default ${DEFAULT_DEMO_SEED})] [--people N (default ${DEFAULT_DEMO_PEOPLE})]`;

/** `node dist/seed/demo/generate-demo-cli.js --out /tmp/demo [--seed 2026] [--people 3000]` */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' }, seed: { type: 'string' }, people: { type: 'string' } } });
  const seed = values.seed === undefined ? DEFAULT_DEMO_SEED : Number(values.seed);
  const people = values.people === undefined ? DEFAULT_DEMO_PEOPLE : Number(values.people);
  if (!values.out || !Number.isSafeInteger(seed) || !Number.isSafeInteger(people) || people < 0) {
    console.error(USAGE);
    process.exit(2);
  }
  const manifest = await generateDemo({ outDir: values.out, seed, people });
  console.log(`demo dataset (seed ${manifest.seed}): ${manifest.people} people, ${manifest.organisations} organisations → ${values.out}`);
  console.log(`records ${manifest.records.total}: ${entries(manifest.records.bySystem)}`);
  console.log(`events ${manifest.events.total}: ${entries(manifest.events.byKind)}`);
  console.log(`watchlist ${manifest.watchlist.entries} entries, ${manifest.watchlist.trueHits} true hits, ${manifest.watchlist.nearMisses} near misses`);
  console.log(`ownership ${manifest.ownership.edges} OWNS edges, ${manifest.ownership.effectiveOwners} owners ≥ ${manifest.ownership.thresholdPct} %`);
  for (const [path, lines] of Object.entries(manifest.files)) console.log(`  ${path}: ${lines}`);
}

const entries = (counts: Record<string, number>) => Object.entries(counts).map(([key, count]) => `${key} ${count}`).join(', ');

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
