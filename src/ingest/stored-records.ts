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
}

const PAGE = 10_000;

/** Every source record with content, in key order, read page by page with progress. */
export async function readAllStoredRecords(graph: Neo4jService, cypher: CypherRegistry, progress: JobProgress): Promise<StoredRecordRow[]> {
  const rows: StoredRecordRow[] = [];
  let after = '';
  for (;;) {
    const page = await graph.readRows<StoredRecordRow & Record<string, unknown>>(cypher.get('resolution/read-all-record-keys'), { after, limit: neo4j.int(PAGE) });
    rows.push(...page);
    await progress.report('reading records', rows.length, rows.length);
    if (page.length < PAGE) return rows;
    after = page[page.length - 1].key;
  }
}
