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

export interface StoredRecord {
  key: string;
  system: string;
  sourceId: string;
  normalised: string;
  payload: string;
  observedAt: string;
  trust: number;
  cannotLink: string[];
  mustLink: string[];
}

export interface LockedCustomer {
  customerId: string;
  status: 'ACTIVE' | 'MERGED';
  mergedInto: string | null;
  createdAt: string;
  records: StoredRecord[];
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

export interface ResolutionWrite {
  now: string;
  records: Array<{
    key: string;
    system: string;
    sourceId: string;
    type: string;
    contentHash: string;
    payload: string;
    normalised: string;
    trust: number;
    observedAt: string;
    keys: string[];
    /** Shared identifiers and named records; see link-record-network.cypher. */
    network: RecordNetwork;
  }>;
  customers: Array<{ id: string }>;
  merges: Array<{ survivor: string; absorbed: string; by: string; reason: string }>;
  links: Array<{ recordKey: string; customerId: string; score: number | null; rule: string; decidedBy: string; explanation: string | null }>;
  golden: Array<{ customerId: string; displayName: string | null; nameVariants: string[]; birthDate: string | null; golden: string; recordCount: number }>;
  reviews: Array<{ id: string; recordKey: string; candidateRecordKey: string; score: number; explanation: string }>;
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
  async lockRecords(tx: ManagedTransaction, recordKeys: string[], now: string): Promise<StoredRecordState[]> {
    return this.run<StoredRecordState & Row>(tx, 'ingest/lock-source-records', { recordKeys: [...recordKeys].sort(), now });
  }

  /** Locks the keys (sorted), then reads the customers they name as candidates, in one round trip. */
  async lockKeysAndReadCandidates(tx: ManagedTransaction, keys: string[], now: string, genericCutoff: number, maxCandidates: number): Promise<string[]> {
    if (keys.length === 0) return [];
    const rows = await this.run<{ customerId: string }>(tx, 'ingest/lock-blocking-keys', {
      keys: [...keys].sort(),
      now,
      genericCutoff: neo4j.int(genericCutoff),
      maxCandidates: neo4j.int(maxCandidates),
    });
    return rows.map((row) => row.customerId);
  }

  async candidateCustomerIds(tx: ManagedTransaction, keys: string[], genericCutoff: number, maxCandidates: number): Promise<string[]> {
    if (keys.length === 0) return [];
    const rows = await this.run<{ customerId: string }>(tx, 'ingest/read-candidate-customers', {
      keys,
      genericCutoff: neo4j.int(genericCutoff),
      maxCandidates: neo4j.int(maxCandidates),
    });
    return rows.map((row) => row.customerId);
  }

  async lockAndReadCustomers(tx: ManagedTransaction, customerIds: string[], now: string): Promise<LockedCustomer[]> {
    if (customerIds.length === 0) return [];
    return this.run<LockedCustomer & Row>(tx, 'ingest/lock-and-read-customers', { customerIds: [...customerIds].sort(), now });
  }

  upsertEvents(tx: ManagedTransaction, events: StoredEvent[], now: string): Promise<Array<{ index: number; eventKey: string; customerId: string | null; outcome: 'created' | 'updated' | 'unchanged' }>> {
    return this.run(tx, 'ingest/upsert-events', { events, now });
  }

  async applyResolution(tx: ManagedTransaction, write: ResolutionWrite): Promise<void> {
    const { now } = write;
    const steps: Array<[string, Row]> = [];
    if (write.records.length) {
      steps.push(['ingest/upsert-source-records', { records: write.records, now }]);
      steps.push(['ingest/link-record-network', { records: write.records.map((record) => ({ key: record.key, ...record.network })), now }]);
    }
    if (write.customers.length) steps.push(['ingest/create-customers', { customers: write.customers, now }]);
    if (write.merges.length) steps.push(['ingest/merge-customers', { merges: write.merges, now }]);
    if (write.links.length) steps.push(['ingest/link-records', { links: write.links, now }]);
    if (write.golden.length) steps.push(['ingest/update-golden-records', { golden: write.golden, now }]);
    if (write.reviews.length) steps.push(['ingest/open-review-tasks', { reviews: write.reviews, now }]);
    // Sent together (Bolt pipelining): the server runs them one after another, in this order,
    // without a round trip between them; the first failure fails the transaction.
    const results = steps.map(([statement, params]) => tx.run(this.cypher.get(statement), params));
    await Promise.all(results.map((result) => result.summary()));
  }

}
