import { generateRecords } from '../../seed/generator/generate';
import { defaultMatchModel, normaliseRecord, resolveBatch, SourceRecordInput } from '../../src/resolution';

/**
 * Milliseconds a fixed piece of engine work takes on this machine now: 10,000 generated records
 * normalised and resolved at once, in memory, best of three. This shared machine's speed moves by
 * a fifth between hours (the same 200k load: 1,350 and 1,630 records/s an hour apart), so a
 * benchmark records it beside its figures: runs are compared within one run, or relative to it.
 */
export function machineSpeedMs(): number {
  const model = defaultMatchModel();
  const { settings } = model;
  const inputs = [...generateRecords({ people: 4_500, seed: 4_242 })].slice(0, 10_000).map((item) => ({ ...item.record, system: item.system }) as unknown as SourceRecordInput);
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    const started = performance.now();
    const records = inputs.map((input) => normaliseRecord(input, settings));
    resolveBatch({ incoming: records, entities: [], model });
    best = Math.min(best, performance.now() - started);
  }
  return Math.round(best);
}
