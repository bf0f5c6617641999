import { parseArgs } from 'node:util';
import { generateDataset } from './generate-dataset';
import { NOISE_KINDS, NoiseRates } from './noise-rates';

const USAGE = 'usage: generate-cli --people N --seed S --out DIR [--noise typo=0.05,ocr=0.02]';

function parseNoise(text: string | undefined): Partial<NoiseRates> {
  if (!text) return {};
  const rates: Partial<NoiseRates> = {};
  for (const pair of text.split(',')) {
    const [kind, value] = pair.split('=');
    if (!NOISE_KINDS.includes(kind as keyof NoiseRates)) throw new Error(`unknown noise kind "${kind}"; known: ${NOISE_KINDS.join(', ')}`);
    rates[kind as keyof NoiseRates] = Number(value);
  }
  return rates;
}

const mib = (kib: number) => `${Math.round(kib / 1024)} MiB`;

/** `npm run seed:generate -- --people 1000000 --seed 42 --out /tmp/gen1m` */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { people: { type: 'string' }, seed: { type: 'string', default: '42' }, out: { type: 'string' }, noise: { type: 'string' } } });
  const people = Number(values.people);
  const seed = Number(values.seed);
  if (!values.out || !Number.isSafeInteger(people) || people < 0 || !Number.isSafeInteger(seed)) {
    console.error(USAGE);
    process.exit(2);
  }
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  const manifest = await generateDataset({
    people,
    seed,
    outDir: values.out,
    noise: parseNoise(values.noise),
    onProgress: ({ records, people: done }) =>
      console.log(`${done.toLocaleString('en')} / ${people.toLocaleString('en')} people, ${records.toLocaleString('en')} records, ${elapsed()}, RSS ${mib(process.memoryUsage().rss / 1024)}`),
  });
  console.log(`done in ${elapsed()}: ${manifest.people.toLocaleString('en')} people + ${manifest.organisations.toLocaleString('en')} organisations → ${manifest.records.total.toLocaleString('en')} records in ${values.out}`);
  console.log(`records by system: ${Object.entries(manifest.records.bySystem).map(([system, count]) => `${system} ${count.toLocaleString('en')}`).join(', ')}`);
  console.log(`households: ${Object.entries(manifest.households).map(([kind, count]) => `${kind} ${count.toLocaleString('en')}`).join(', ')}`);
  console.log(`peak RSS ${mib(process.resourceUsage().maxRSS)}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
