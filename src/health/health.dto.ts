export class Neo4jHealth {
  status!: 'up' | 'down';
  /** How Neo4j was reached: `uri` (NEO4J_URI), `embedded` (the project's own) or `container` (tests). */
  mode!: 'uri' | 'embedded' | 'container';
  latencyMs!: number;
  /** Driver error code when down. */
  error?: string;
}

export class HealthReport {
  status!: 'up' | 'down';
  version!: string;
  uptimeSeconds!: number;
  neo4j!: Neo4jHealth;
}
