import { MatchModelProvider } from '../../src/ingest/match-model.provider';
import neo4j from 'neo4j-driver';
import { goldenWriteOf } from '../../src/ingest/golden-write';
import { IngestRepository } from '../../src/ingest/ingest.repository';
import { recordToStore } from '../../src/ingest/resolution-pipeline.service';
import { PreparedRecord, prepareRecord } from '../../src/ingest/prepared-record';
import { checkRecord } from '../../src/ingest/record-validation';
import { CypherRegistry } from '../../src/neo4j/cypher-registry';
import { Neo4jService } from '../../src/neo4j/neo4j.service';
import { generateRecords } from '../../seed/generator/generate';

const BATCH = 5000;

/**
 * Writes generated records exactly as ingest stores them (record, blocking keys, identifier
 * nodes, named records), puts each on its true customer instead of matching, then computes the
 * golden records: the graph a perfect resolution of the data would leave.
 */
export async function loadResolvedGraph(models: MatchModelProvider, graph: Neo4jService, cypher: CypherRegistry, people: number, seed: number): Promise<{ seconds: number; records: number }> {
  const started = performance.now();
  const now = new Date().toISOString();
  let records = 0;
  let batch: Array<{ prepared: PreparedRecord; customerId: string }> = [];
  const flush = async () => {
    const repository = new IngestRepository(cypher);
    await graph.write(async (tx) => {
      // Stored as ingest stores a record, with no candidates read: the decision is the truth below.
      const records = batch.map(({ prepared }) => recordToStore(prepared));
      await repository.storeRecords(tx, records, await repository.lockAndReadBatch(tx, records, 0, 0), now);
      await tx.run(cypher.get('bench/load-resolved-records'), { links: batch.map(({ prepared, customerId }) => ({ recordKey: prepared.key, customerId })), now });
    });
    batch = [];
  };
  for (const item of generateRecords({ people, seed })) {
    const check = checkRecord(item.record);
    if (!check.ok) throw new Error(`generated record refused: ${JSON.stringify(check.errors)}`);
    batch.push({ prepared: prepareRecord(item.system, check.record, records, models.current(), models.trustOf(item.system), now), customerId: `cus_${item.entityId}` });
    records++;
    if (batch.length >= BATCH) await flush();
    if (records % 100_000 === 0) console.log(`  loaded ${records.toLocaleString('en')} records, ${Math.round(records / ((performance.now() - started) / 1000))}/s`);
  }
  if (batch.length) await flush();
  console.log(`  ${records.toLocaleString('en')} records stored in ${Math.round((performance.now() - started) / 1000)} s`);
  await writeGoldenRecords(graph, cypher, now);
  console.log(`  golden records written, ${Math.round((performance.now() - started) / 1000)} s in all`);
  return { seconds: (performance.now() - started) / 1000, records };
}

/**
 * For a graph stored without the received records (an earlier benchmark's): adds them, from the
 * same generator and seed, then the golden records.
 */
export async function addPayloadsAndGolden(models: MatchModelProvider, graph: Neo4jService, cypher: CypherRegistry, people: number, seed: number): Promise<{ seconds: number }> {
  const started = performance.now();
  const now = new Date().toISOString();
  let rows: Array<{ key: string; payload: string; trust: number }> = [];
  let done = 0;
  for (const item of generateRecords({ people, seed })) {
    const check = checkRecord(item.record);
    if (!check.ok) continue;
    const prepared = prepareRecord(item.system, check.record, done, models.current(), models.trustOf(item.system), now);
    rows.push({ key: prepared.key, payload: JSON.stringify(prepared.input), trust: prepared.trust });
    if (rows.length >= BATCH) {
      await graph.writeRows(cypher.get('bench/set-record-payloads'), { rows });
      done += rows.length;
      rows = [];
      if (done % 200_000 < BATCH) console.log(`  payloads ${done.toLocaleString('en')}`);
    }
  }
  if (rows.length) await graph.writeRows(cypher.get('bench/set-record-payloads'), { rows });
  await writeGoldenRecords(graph, cypher, now);
  console.log(`  payloads and golden records written in ${Math.round((performance.now() - started) / 1000)} s`);
  return { seconds: (performance.now() - started) / 1000 };
}

/** Golden records, a page of customers at a time, as survivorship computes them. */
async function writeGoldenRecords(graph: Neo4jService, cypher: CypherRegistry, now: string): Promise<void> {
  let after = '';
  for (;;) {
    const page = await graph.readRows<{ customerId: string; records: Array<{ payload: string; normalised: string; trust: number; observedAt: string }> }>(
      cypher.get('bench/read-customers-for-golden'),
      { after, limit: neo4j.int(BATCH) },
    );
    if (page.length === 0) break;
    after = page[page.length - 1].customerId;
    const golden = page.map(({ customerId, records: stored }) =>
      goldenWriteOf(
        customerId,
        stored.map((record) => ({ normalised: JSON.parse(record.normalised), input: JSON.parse(record.payload), trust: record.trust, observedAt: record.observedAt })),
      ),
    );
    await graph.writeRows(cypher.get('ingest/update-golden-records'), { golden, now });
  }
}

export interface GraphCounts {
  customers: number;
  records: number;
  identifiers: number;
  relationships: number;
  referrals: number;
  events: number;
  /** 1 when the records have blocking keys (built by loadResolvedGraph), 0 otherwise. */
  blockingKeys: number;
  /** Of the first 1,000 customers, those without a golden record. */
  withoutGolden: number;
}

export async function graphCounts(graph: Neo4jService, cypher: CypherRegistry): Promise<GraphCounts> {
  const [counts] = await graph.readRows<GraphCounts & Record<string, unknown>>(cypher.get('bench/graph-counts'));
  return counts;
}

/** Random customers: the first id at or after a random point of the id range (an index seek each). */
export async function sampleCustomerIds(graph: Neo4jService, cypher: CypherRegistry, count: number, people: number, random: () => number): Promise<string[]> {
  const ids: string[] = [];
  while (ids.length < count) {
    const from = `cus_P${String(Math.floor(random() * people)).padStart(8, '0')}`;
    const [row] = await graph.readRows<{ id: string }>(cypher.get('bench/first-customer-from'), { from });
    if (row && !ids.includes(row.id)) ids.push(row.id);
  }
  return ids;
}

