import { Injectable } from '@nestjs/common';
import { CypherRegistry } from '../neo4j/cypher-registry';
import { Neo4jService } from '../neo4j/neo4j.service';
import { blockingKeysFor, MatchSettings, NormalisedRecord, normaliseRecord, resolveBatch, SourceRecordInput } from '../resolution';
import { emptyWrite, goldenWriteOf, survivorInputOf } from './golden-write';
import { JobProgress } from '../jobs/jobs.service';
import { IngestRepository } from './ingest.repository';
import { MatchModelProvider } from './match-model.provider';
import { reassign } from './reassignment';
import { readAllStoredRecords, StoredRecordRow } from './stored-records';

const WRITE_BATCH = 500;

/**
 * Re-resolves every source record from scratch with the current model and the analyst
 * constraints, then moves only what changed. Clusters keep the id most of their records had
 * (the older customer on a tie), so ids stay stable; a customer emptied into one other becomes
 * a redirect to it.
 */
@Injectable()
export class RebuildService {
  constructor(
    private readonly neo4j: Neo4jService,
    private readonly cypher: CypherRegistry,
    private readonly repository: IngestRepository,
    private readonly models: MatchModelProvider,
  ) {}

  async rebuild(by: string, progress: JobProgress): Promise<Record<string, unknown>> {
    const model = this.models.current();
    // Each record is read again from what the source sent, so records stored before a change of
    // the normalisers (nicknames, phone countries, street types) are compared as new ones are.
    const rows = await readAllStoredRecords(this.neo4j, this.cypher, progress, (row, payload) => {
      if (!payload) return row;
      const current = JSON.stringify(normaliseRecord(JSON.parse(payload) as SourceRecordInput, model.settings));
      return current === row.normalised ? row : { ...row, normalised: current, renormalised: true };
    });
    const normalised = rows.map((row) => JSON.parse(row.normalised) as NormalisedRecord);
    const keysRefreshed = await this.refreshBlockingKeys(rows, normalised, model.settings, progress);
    await progress.report('resolving', 0, rows.length);
    const resolution = resolveBatch({
      incoming: normalised,
      entities: [],
      cannotLink: rows.flatMap((row) => row.cannotLink.map((other) => [row.key, other] as [string, string])),
      mustLink: rows.flatMap((row) => row.mustLink.map((other) => [row.key, other] as [string, string])),
      model,
    });

    const current = new Map(rows.map((row) => [row.key, row]));
    const { clusters, moves, emptied } = reassign(resolution.newCustomers, (key) => {
      const row = current.get(key)!;
      return row.customerId ? { id: row.customerId, createdAt: row.createdAt ?? '' } : undefined;
    });
    const newIds = clusters.filter((cluster) => cluster.created).map((cluster) => cluster.customerId);
    const active = new Set(clusters.map((cluster) => cluster.customerId));
    const touched = new Set(moves.flatMap((move) => (move.from ? [move.from, move.to] : [move.to])));
    const now = new Date().toISOString();
    for (let start = 0; start < newIds.length; start += WRITE_BATCH) {
      await this.neo4j.write((tx) => this.repository.applyResolution(tx, { ...emptyWrite(now), customers: newIds.slice(start, start + WRITE_BATCH).map((id) => ({ id })) }));
    }
    for (let start = 0; start < moves.length; start += WRITE_BATCH) {
      const links = moves.slice(start, start + WRITE_BATCH).map((move) => ({ recordKey: move.recordKey, customerId: move.to, score: null, rule: 'rebuild', decidedBy: by, explanation: null }));
      await this.neo4j.write((tx) => this.repository.applyResolution(tx, { ...emptyWrite(now), links }));
      await progress.report('moving records', Math.min(start + WRITE_BATCH, moves.length), moves.length);
    }
    const retire = [...emptied.entries()].map(([customerId, targets]) => ({ customerId, mergedInto: targets.size === 1 ? [...targets][0] : null, by, reason: 'rebuild' }));
    for (let start = 0; start < retire.length; start += WRITE_BATCH) {
      await this.neo4j.write((tx) => this.repository.applyResolution(tx, { ...emptyWrite(now), retire: retire.slice(start, start + WRITE_BATCH) }));
    }
    const touchedActive = [...touched].filter((id) => active.has(id));
    for (let start = 0; start < touchedActive.length; start += WRITE_BATCH) {
      await this.neo4j.write(async (tx) => {
        const customers = await this.repository.lockAndReadCustomers(tx, touchedActive.slice(start, start + WRITE_BATCH));
        const golden = customers.map((customer) => goldenWriteOf(customer.customerId, customer.records.map((record) => survivorInputOf(record))));
        await this.repository.applyResolution(tx, { ...emptyWrite(now), golden });
      });
    }
    return { records: rows.length, customers: clusters.length, recordsMoved: moves.length, customersCreated: newIds.length, customersRetired: retire.length, keysRefreshed, recordsRenormalised: rows.filter((row) => row.renormalised).length };
  }

  /**
   * Re-links the records whose stored blocking keys are not the ones the current settings give
   * (records stored before the keys changed), so that new records find them as candidates again,
   * and stores the normalised form of those the current normalisers read differently.
   */
  private async refreshBlockingKeys(rows: StoredRecordRow[], normalised: NormalisedRecord[], settings: MatchSettings, progress: JobProgress): Promise<number> {
    const stale: Array<{ key: string; keys: string[]; normalised: string | null }> = [];
    rows.forEach((row, index) => {
      const keys = blockingKeysFor(normalised[index], settings).sort();
      const stored = [...row.blockingKeys].sort();
      if (row.renormalised || keys.length !== stored.length || keys.some((key, i) => key !== stored[i])) {
        stale.push({ key: row.key, keys, normalised: row.renormalised ? row.normalised : null });
      }
    });
    for (let start = 0; start < stale.length; start += WRITE_BATCH) {
      const records = stale.slice(start, start + WRITE_BATCH);
      await this.neo4j.write((tx) => this.repository.refreshBlockingKeys(tx, records));
      await progress.report('refreshing blocking keys', start + records.length, stale.length);
    }
    return stale.length;
  }
}
