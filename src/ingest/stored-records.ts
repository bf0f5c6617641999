import neo4j from 'neo4j-driver';
import { JobProgress } from '../jobs/jobs.service';
import { CypherRegistry } from '../neo4j/cypher-registry';
import { Neo4jService } from '../neo4j/neo4j.service';

/** A stored source record with what resolution and training need. */
export interface StoredRecordRow {
  key: string;
  /** The normalised form (JSON) the comparators read. */
  normalised: string;
  customerId: string | null;
  createdAt: string | null;
  cannotLink: string[];
  mustLink: string[];
  /** The blocking keys the graph holds for it (those of the version that stored it). */
  blockingKeys: string[];
  /** Set by the rebuild when the current normalisers read the stored payload differently. */
  renormalised?: boolean;
}

const PAGE = 10_000;

/**
 * Every source record with content, in key order, read page by page with progress. `reread`, when
 * given, sees each record as received (its stored payload) and may replace the row, page by page,
 * so the payloads of a whole store are never held at once.
 */
export async function readAllStoredRecords(
  graph: Neo4jService,
  cypher: CypherRegistry,
  progress: JobProgress,
  reread?: (row: StoredRecordRow, payload: string | null) => StoredRecordRow,
): Promise<StoredRecordRow[]> {
  const rows: StoredRecordRow[] = [];
  let after = '';
  for (;;) {
    const page = await graph.readRows<StoredRecordRow & { payload: string | null } & Record<string, unknown>>(cypher.get('resolution/read-all-record-keys'), {
      after,
      limit: neo4j.int(PAGE),
      withPayload: reread !== undefined,
    });
    for (const { payload, ...row } of page) rows.push(reread ? reread(row, payload) : row);
    await progress.report('reading records', rows.length, rows.length);
    if (page.length < PAGE) return rows;
    after = page[page.length - 1].key;
  }
}
