import 'reflect-metadata';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../../config/app-config';
import { projectRoot } from '../../config/project-root';
import { createProgressReporter } from '../import/progress';
import { LocalGraph } from '../import/record-sinks';
import { describeDemoSeed, seedDemo } from './demo-seed';

/** `npm run seed [-- --data-dir DIR]`: generates the demo dataset and loads it into NEO4J_URI or the embedded Neo4j. */
async function main(): Promise<number> {
  const { values } = parseArgs({ options: { 'data-dir': { type: 'string', default: join(projectRoot(), '.data', 'demo') } } });
  const log = (line: string) => process.stderr.write(`${line}\n`);
  let graph: LocalGraph | undefined;
  try {
    graph = await LocalGraph.open(loadConfig(), log);
    const summary = await seedDemo(graph.context, { dataDir: values['data-dir']!, log, progress: () => createProgressReporter(process.stderr, 5000) });
    process.stdout.write(describeDemoSeed(summary).join('\n') + `\ndataset files: ${values['data-dir']}\n`);
    return 0;
  } catch (error) {
    if (error instanceof ConfigError) log(error.message);
    else log(`seed failed: ${(error as Error).message}`);
    return 1;
  } finally {
    await graph?.close().catch(() => undefined);
  }
}

main().then((code) => process.exit(code));
