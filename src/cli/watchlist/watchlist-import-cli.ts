import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../../config/app-config';
import { LocalGraph } from '../import/record-sinks';
import { WatchlistFileFormat } from '../../kyc/watchlists/watchlist-file';
import { importWatchlist } from './watchlist-import';

const USAGE = 'usage: npm run watchlist:import -- --list NAME --file PATH [--format csv|ftm|entries] [--full]';

/** Loads a sanctions / PEP file into NEO4J_URI or the embedded Neo4j and screens the customers against it. */
async function main(): Promise<number> {
  const log = (line: string) => process.stderr.write(`${line}\n`);
  let graph: LocalGraph | undefined;
  try {
    const { values } = parseArgs({ options: { list: { type: 'string' }, file: { type: 'string' }, format: { type: 'string' }, full: { type: 'boolean', default: false } } });
    if (!values.list || !values.file) {
      log(USAGE);
      return 2;
    }
    if (values.format && !['csv', 'ftm', 'entries'].includes(values.format)) {
      log(`--format must be csv, ftm or entries\n${USAGE}`);
      return 2;
    }
    graph = await LocalGraph.open(loadConfig(), log);
    const summary = await importWatchlist(graph.context, { list: values.list, file: values.file, format: values.format as WatchlistFileFormat | undefined, mode: values.full ? 'full' : 'partial', log });
    for (const rejected of summary.rejected.slice(0, 20)) log(`line ${rejected.line}: ${rejected.problems.map((problem) => `${problem.field} ${problem.reason}`).join('; ')}`);
    process.stdout.write(`${JSON.stringify({ ...summary, rejected: summary.rejected.length })}\n`);
    return summary.rejected.length > 0 ? 1 : 0;
  } catch (error) {
    log(error instanceof ConfigError ? error.message : `watchlist import failed: ${(error as Error).message}`);
    return 1;
  } finally {
    await graph?.close().catch(() => undefined);
  }
}

main().then((code) => process.exit(code));
