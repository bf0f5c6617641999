import { parseArgs } from 'node:util';
import { generateDataset } from './generate';

/** `npm run seed:generate -- --people 1000000 --seed 42 --out bench/data/people-1m` */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { people: { type: 'string', default: '10000' }, seed: { type: 'string', default: '42' }, out: { type: 'string' } } });
  const people = Number(values.people);
  const seed = Number(values.seed);
  if (!values.out || !Number.isInteger(people) || people < 1 || !Number.isInteger(seed)) {
    console.error('usage: npm run seed:generate -- --people N --seed S --out DIR');
    process.exit(2);
  }
  const started = performance.now();
  const manifest = await generateDataset({ people, seed, outDir: values.out, onProgress: (records) => console.log(`  ${records.toLocaleString('en')} records…`) });
  const seconds = (performance.now() - started) / 1000;
  console.log(`${manifest.people.toLocaleString('en')} people → ${manifest.records.toLocaleString('en')} records in ${seconds.toFixed(1)} s; peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB; ${values.out}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
