import { Injectable } from '@nestjs/common';
import neo4j, { ManagedTransaction } from 'neo4j-driver';
import { CypherRegistry } from '../neo4j/cypher-registry';
import { rowsOf, Row } from '../neo4j/neo4j.service';
import { RecordNetwork } from './prepared-record';

export interface StoredRecordState {
  key: string;
  contentHash: string | null;
  customerId: string | null;
  /** Analyst decisions on the record: keys it must never / must always share a customer with. */
  cannotLink: string[];
  mustLink: string[];
}

/** A stored record as resolution reads it (its system and source id are in its key). */
export interface StoredRecord {
  key: string;
  normalised: string;
  payload: string;
  observedAt: string;
  trust: number;
  cannotLink: string[];
  mustLink: string[];
  /** Its blocking keys held by more records than the generic cutoff, when read for resolution: they bring no candidates. */
  generic?: string[];
}

export interface LockedBatch {
  states: Array<StoredRecordState & { unchanged: boolean }>;
  customers: LockedCustomer[];
  /** The batch's blocking keys held by more records than the generic cutoff once the batch holds them. */
  genericKeys: string[];
}

export interface LockedCustomer {
  customerId: string;
  status: 'ACTIVE' | 'MERGED';
  mergedInto: string | null;
  createdAt: string;
  records: StoredRecord[];
}

/** A customer as lock-and-read-neighbours reads it: its records without their payloads (readPayloads reads those of the neighbours taken in). */
export interface LockedNeighbour extends Omit<LockedCustomer, 'records'> {
  records: Array<Omit<StoredRecord, 'payload'>>;
}

/** An event as upsert-events stores it: the common fields, each kind's scalars, the rest as JSON. */
export interface StoredEvent {
  index: number;
  key: string;
  recordKey: string;
  system: string;
  eventId: string;
  sourceId: string;
  kind: string;
  occurredAt: string;
  contentHash: string;
  details: string;
  [scalar: string]: string | number | boolean | null;
}

/** What is stored of a record whatever resolution decides; lock-and-read-batch and store-records write it while the record is locked. */
export interface RecordToStore {
  key: string;
  contentHash: string;
  keys: string[];
  /** Shared identifiers and named records. */
  network: RecordNetwork;
  content: { system: string; sourceId: string; type: string; payload: string; normalised: string; trust: number; observedAt: string };
}

/** The decisions of a resolution; the records themselves were stored when they were locked. */
export interface ResolutionWrite {
  now: string;
  customers: Array<{ id: string }>;
  merges: Array<{ survivor: string; absorbed: string; by: string; reason: string }>;
  links: Array<{ recordKey: string; customerId: string; score: number | null; rule: string; decidedBy: string; explanation: string | null }>;
  /** Customers left without records: a redirect when all went to one customer, else retired. */
  retire: Array<{ customerId: string; mergedInto: string | null; by: string; reason: string }>;
  golden: Array<{ customerId: string; displayName: string | null; nameVariants: string[]; birthDate: string | null; golden: string; recordCount: number }>;
  reviews: Array<{ id: string; recordKey: string; candidateRecordKey: string; score: number; explanation: string }>;
}

const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * The records a resolution locks first, in key order: the batch's own and those they name, so the
 * write that links a relationship or referrer never waits for a record out of that order.
 */
function recordLocksOf(records: Array<{ key: string; network: RecordNetwork }>): Array<{ key: string; system: string | null; sourceId: string | null; stub: boolean | null }> {
  const locks = new Map<string, { key: string; system: string | null; sourceId: string | null; stub: boolean | null }>();
  for (const record of records) locks.set(record.key, { key: record.key, system: null, sourceId: null, stub: null });
  for (const { network } of records) {
    for (const target of [...network.relationships, ...(network.referredBy ? [network.referredBy] : [])]) {
      if (!locks.has(target.targetKey)) locks.set(target.targetKey, { key: target.targetKey, system: target.targetSystem, sourceId: target.targetSourceId, stub: true });
    }
  }
  return [...locks.values()].sort(byKey);
}

/**
 * Every database step of resolution, each inside the caller's transaction: the pipeline holds
 * one transaction from the first lock to the last write, so a decision and its inputs agree.
 */
@Injectable()
export class IngestRepository {
  constructor(private readonly cypher: CypherRegistry) {}

  private async run<T extends Row>(tx: ManagedTransaction, statement: string, params: Row): Promise<T[]> {
    return rowsOf<T>(await tx.run(this.cypher.get(statement), params));
  }

  /** Locks the records themselves (so one record is never resolved twice at once) and reads their state. */
  async lockRecords(tx: ManagedTransaction, recordKeys: string[]): Promise<StoredRecordState[]> {
    return this.run<StoredRecordState & Row>(tx, 'ingest/lock-source-records', { recordKeys: [...recordKeys].sort() });
  }

  /**
   * Everything resolution reads before deciding, in one round trip: locks the records, the blocking
   * keys of those that changed and their candidate and previous customers, and links the changed
   * records to their keys (see lock-and-read-batch). storeRecords stores the rest of them.
   */
  async lockAndReadBatch(tx: ManagedTransaction, records: RecordToStore[], genericCutoff: number, maxCandidates: number): Promise<LockedBatch> {
    const rows = await this.run<{ state: LockedBatch['states'][number] | null; customer: LockedCustomer | null; genericKeys: string[] | null }>(tx, 'ingest/lock-and-read-batch', {
      recordLocks: recordLocksOf(records),
      records: records.map(({ key, contentHash, keys }) => ({ key, contentHash, keys })),
      genericCutoff: neo4j.int(genericCutoff),
      maxCandidates: neo4j.int(maxCandidates),
    });
    const batch: LockedBatch = { states: [], customers: [], genericKeys: [] };
    for (const { state, customer, genericKeys } of rows) {
      if (state) batch.states.push(state);
      if (customer) batch.customers.push(customer);
      if (genericKeys) batch.genericKeys = genericKeys;
    }
    return batch;
  }

  /**
   * Stores the changed records of a locked batch — content, shared identifiers, named records —
   * after lockAndReadBatch in the same transaction (see store-records). The caller may decide while
   * the database stores: the statement is sent at once and the promise settles when it is done.
   */
  storeRecords(tx: ManagedTransaction, records: RecordToStore[], batch: LockedBatch, now: string): Promise<void> {
    const states = new Map(batch.states.map((state) => [state.key, state]));
    // Only a record stored before needs its keys here (to drop those it no longer holds): lock-and-read-batch linked them.
    const changed = records
      .filter((record) => !states.get(record.key)?.unchanged)
      .map((record) => {
        const stored = states.get(record.key)?.contentHash != null;
        return { ...record, keys: stored ? record.keys : [], stored };
      });
    if (changed.length === 0) return Promise.resolve();
    return this.run(tx, 'ingest/store-records', { records: changed, now }).then(() => undefined);
  }

  /** Re-links records to the blocking keys given, with their new normalised form if any (the rebuild, for records stored by an older version). */
  async refreshBlockingKeys(tx: ManagedTransaction, records: Array<{ key: string; keys: string[]; normalised: string | null }>): Promise<void> {
    await this.run(tx, 'resolution/refresh-blocking-keys', { records });
  }

  /**
   * Locks and reads the neighbours of the customers a resolution holds: customers sharing a
   * non-generic key with their records, through keys other than the batch's (see
   * lock-and-read-neighbours). Sent at once, so the database reads them while the engine runs.
   */
  lockAndReadNeighbours(tx: ManagedTransaction, customerIds: string[], batchKeys: string[], genericCutoff: number, maxNeighbours: number): Promise<LockedNeighbour[]> {
    if (customerIds.length === 0) return Promise.resolve([]);
    return this.run<LockedNeighbour & Row>(tx, 'ingest/lock-and-read-neighbours', {
      customerIds: [...customerIds].sort(),
      batchKeys,
      genericCutoff: neo4j.int(genericCutoff),
      maxNeighbours: neo4j.int(maxNeighbours),
    });
  }

  /** The records as received, by record key (see read-record-payloads). */
  async readPayloads(tx: ManagedTransaction, recordKeys: string[]): Promise<Map<string, string>> {
    if (recordKeys.length === 0) return new Map();
    const rows = await this.run<{ key: string; payload: string }>(tx, 'ingest/read-record-payloads', { recordKeys });
    return new Map(rows.map((row) => [row.key, row.payload]));
  }

  /** Locks customers and reads their records; with `genericCutoff`, each record's generic keys too (see lock-and-read-customers). */
  async lockAndReadCustomers(tx: ManagedTransaction, customerIds: string[], genericCutoff?: number): Promise<LockedCustomer[]> {
    if (customerIds.length === 0) return [];
    return this.run<LockedCustomer & Row>(tx, 'ingest/lock-and-read-customers', {
      customerIds: [...customerIds].sort(),
      genericCutoff: genericCutoff === undefined ? null : neo4j.int(genericCutoff),
    });
  }

  upsertEvents(tx: ManagedTransaction, events: StoredEvent[], now: string): Promise<Array<{ index: number; eventKey: string; customerId: string | null; outcome: 'created' | 'updated' | 'unchanged' }>> {
    return this.run(tx, 'ingest/upsert-events', { events, now });
  }

  /**
   * Writes every decision of a resolution as one statement: each step (a statement of its own in
   * cypher/ingest) runs as a subquery, in this order, so the server parses and plans once and the
   * transaction makes one round trip for all of them.
   */
  async applyResolution(tx: ManagedTransaction, write: ResolutionWrite): Promise<void> {
    const { now } = write;
    const steps: string[] = [];
    const params: Row = { now };
    if (write.customers.length) steps.push('ingest/create-customers');
    if (write.merges.length) steps.push('ingest/merge-customers');
    if (write.links.length) steps.push('ingest/link-records');
    if (write.retire.length) steps.push('resolution/retire-customers');
    if (write.golden.length) steps.push('ingest/update-golden-records');
    if (write.reviews.length) steps.push('ingest/open-review-tasks');
    Object.assign(params, { customers: write.customers, merges: write.merges, links: write.links, retire: write.retire, golden: write.golden, reviews: write.reviews });
    if (steps.length === 0) return;
    await tx.run(this.fusedStatement(steps), params);
  }

  private readonly fused = new Map<string, string>();

  /** The steps as unit subqueries of one statement; each step's own result column is dropped between them. */
  private fusedStatement(steps: string[]): string {
    const name = steps.join('+');
    let statement = this.fused.get(name);
    if (statement === undefined) {
      statement = steps.map((step, index) => `CALL () {\n${this.cypher.get(step)}\n}\nWITH ${index} AS step`).join('\n') + '\nRETURN step';
      this.fused.set(name, statement);
    }
    return statement;
  }
}
