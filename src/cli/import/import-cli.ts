import 'reflect-metadata';
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { AppConfig, ConfigError, loadConfig } from '../../config/app-config';
import { SOURCE_SYSTEM_PATTERN } from '../../ingest/dto/source-record.dto';
import { MappingError, MappingFile } from './field-mapping';
import { ImportSummary, runImport } from './import-runner';
import { createProgressReporter, formatDuration } from './progress';
import { ApiSink, openDirectSink, RecordSink } from './record-sinks';
import { formatOf, InputFormat } from './row-sources';

const USAGE = `Usage: npm run import -- <file> --system <name> [options]

Loads a CSV, NDJSON or JSON file of customer records and resolves them into customers.

  --system <name>          source system the records come from (required)
  --mapping <file>         JSON file mapping the file's columns to canonical fields
                           (not needed when CSV headers are canonical paths: sourceId, name.given, …)
  --api <url>              send through the REST API (key in API_KEY); without it the
                           pipeline runs here against NEO4J_URI, or the embedded Neo4j
  --format csv|ndjson|json default: from the file extension
  --delimiter <char>       CSV delimiter (default ,)
  --batch-size <n>         records per batch (default 500)
  --rejects <file>         where refused rows go (default <file>.rejects.ndjson)
  --state <file>           checkpoint for resuming (default <file>.import-state.json)
  --restart                ignore the checkpoint and start from the first row
  --progress-interval <s>  seconds between progress lines when not on a terminal (default 5)

Exit codes: 0 done (rejected rows are in the reject file), 1 failed, 2 bad arguments,
130 interrupted (run the same command again to continue).`;

class UsageError extends Error {}

interface CliArguments {
  file: string;
  system: string;
  mappingPath?: string;
  api?: string;
  format?: InputFormat;
  delimiter: string;
  batchSize: number;
  rejectsPath: string;
  statePath: string;
  restart: boolean;
  progressIntervalMs: number;
}

function parseArguments(argv: string[]): CliArguments | 'help' {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      system: { type: 'string' },
      mapping: { type: 'string' },
      api: { type: 'string' },
      format: { type: 'string' },
      delimiter: { type: 'string', default: ',' },
      'batch-size': { type: 'string', default: '500' },
      rejects: { type: 'string' },
      state: { type: 'string' },
      restart: { type: 'boolean', default: false },
      'progress-interval': { type: 'string', default: '5' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return 'help';
  if (positionals.length !== 1) throw new UsageError('give exactly one file to import');
  const file = positionals[0];
  if (!existsSync(file)) throw new UsageError(`${file} does not exist`);
  if (!values.system || !SOURCE_SYSTEM_PATTERN.test(values.system)) {
    throw new UsageError('--system is required: a source system name of lower-case letters, digits, _ . - (at most 64)');
  }
  const batchSize = Number(values['batch-size']);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 5000) throw new UsageError('--batch-size must be a whole number from 1 to 5000');
  const interval = Number(values['progress-interval']);
  if (!Number.isFinite(interval) || interval < 0) throw new UsageError('--progress-interval must be a number of seconds');
  let format: InputFormat;
  try {
    format = formatOf(file, values.format);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.mapping && !existsSync(values.mapping)) throw new UsageError(`mapping file ${values.mapping} does not exist`);
  if (values.api && !/^https?:\/\//.test(values.api)) throw new UsageError('--api must be an http(s) URL such as http://localhost:3000');
  return {
    file,
    system: values.system,
    mappingPath: values.mapping,
    api: values.api,
    format,
    delimiter: values.delimiter!,
    batchSize,
    rejectsPath: values.rejects ?? `${file}.rejects.ndjson`,
    statePath: values.state ?? `${file}.import-state.json`,
    restart: values.restart!,
    progressIntervalMs: interval * 1000,
  };
}

function readMapping(path: string): { mapping: MappingFile; text: string } {
  const text = readFileSync(path, 'utf8');
  let mapping: MappingFile;
  try {
    mapping = JSON.parse(text) as MappingFile;
  } catch (error) {
    throw new UsageError(`mapping file ${path} is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof mapping !== 'object' || mapping === null || typeof mapping.columns !== 'object' || mapping.columns === null) {
    throw new UsageError(`mapping file ${path} needs a "columns" object: { "Column name": "canonical.field" }`);
  }
  return { mapping, text };
}

async function openSink(args: CliArguments, log: (line: string) => void): Promise<RecordSink> {
  if (args.api) {
    const key = process.env.API_KEY;
    if (!key) throw new UsageError('--api needs the API key in the API_KEY environment variable (a key with the ingest or admin role)');
    return new ApiSink(args.api, key, { log });
  }
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
  return openDirectSink(config, log);
}

function printSummary(summary: ImportSummary, args: CliArguments): void {
  const { counters } = summary;
  const lines = [
    summary.alreadyComplete ? `${args.file} was already imported into ${args.system} (pass --restart to import it again):` : `import of ${args.file} into ${args.system}${summary.completed ? '' : ' (stopped before the end)'}:`,
    `  rows read        ${counters.rowsRead}`,
    `  loaded           ${counters.loaded}`,
    `  rejected         ${counters.rejected}${summary.rejectsPath ? `  (see ${summary.rejectsPath})` : ''}`,
    `  customers created ${counters.created}, linked ${counters.linked}, merged ${counters.merged}; unchanged records ${counters.unchanged}`,
    `  reviews opened   ${counters.review}`,
    `  duration         ${formatDuration(summary.durationMs)} (${summary.rowsPerSecond} rows/s)`,
  ];
  if (summary.resumedAt > 0 && !summary.alreadyComplete) lines.push(`  resumed after item ${summary.resumedAt}`);
  process.stdout.write(lines.join('\n') + '\n');
}

async function main(): Promise<number> {
  let args: CliArguments | 'help';
  try {
    args = parseArguments(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (args === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const log = (line: string) => process.stderr.write(`${line}\n`);
  let stopRequested = false;
  process.on('SIGINT', () => {
    if (stopRequested) process.exit(130);
    stopRequested = true;
    log('stopping after the batch in flight (Ctrl-C again to stop at once; a rerun continues either way)');
  });
  process.on('SIGTERM', () => (stopRequested = true));

  let sink: RecordSink | undefined;
  try {
    const mapping = args.mappingPath ? readMapping(args.mappingPath) : undefined;
    sink = await openSink(args, log);
    log(`importing ${args.file} into ${args.system} through ${sink.description}`);
    const summary = await runImport({
      file: args.file,
      system: args.system,
      format: args.format,
      delimiter: args.delimiter,
      mapping: mapping?.mapping,
      mappingText: mapping?.text,
      batchSize: args.batchSize,
      statePath: args.statePath,
      rejectsPath: args.rejectsPath,
      restart: args.restart,
      sink,
      progress: createProgressReporter(process.stderr, args.progressIntervalMs),
      stopRequested: () => stopRequested,
      log,
    });
    printSummary(summary, args);
    if (!summary.completed) {
      log('interrupted: run the same command again to continue where this run stopped');
      return 130;
    }
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof MappingError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    log(`import stopped: ${(error as Error).message}`);
    log('what was loaded is kept; run the same command again to continue');
    return 1;
  } finally {
    await sink?.close().catch(() => undefined);
  }
}

main().then((code) => process.exit(code));
