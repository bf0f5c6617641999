import { Global, Module } from '@nestjs/common';
import { CypherRegistry } from './cypher-registry';
import { Neo4jService } from './neo4j.service';
import { SchemaMigrator } from './schema-migrator';

@Global()
@Module({
  providers: [
    Neo4jService,
    { provide: CypherRegistry, useFactory: () => new CypherRegistry() },
    { provide: SchemaMigrator, useFactory: (neo4j: Neo4jService) => new SchemaMigrator(neo4j), inject: [Neo4jService] },
  ],
  exports: [Neo4jService, CypherRegistry, SchemaMigrator],
})
export class Neo4jModule {}
