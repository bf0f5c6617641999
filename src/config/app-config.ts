import { plainToInstance, Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  validateSync,
} from 'class-validator';

const toNumber = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : Number(value);

/** Every environment variable the service reads, with its default. Validated once at boot. */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toNumber) @IsInt() @Min(0) @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '127.0.0.1';

  /** `key:role,key:role`; roles are ingest, analyst, admin. Required in production. */
  @IsOptional()
  @Matches(/^\s*[^:,\s]{16,}:(ingest|analyst|admin)\s*(,\s*[^:,\s]{16,}:(ingest|analyst|admin)\s*)*$/, {
    message: 'API_KEYS must be "key:role,key:role" with keys of 16+ characters and roles ingest, analyst or admin',
  })
  API_KEYS?: string;

  @IsOptional()
  @Matches(/^(neo4j|neo4j\+s|neo4j\+ssc|bolt|bolt\+s|bolt\+ssc):\/\/.+/, {
    message: 'NEO4J_URI must be a neo4j:// or bolt:// URI (with optional +s or +ssc)',
  })
  NEO4J_URI?: string;

  @IsString()
  NEO4J_USERNAME = 'neo4j';

  @IsOptional() @IsString()
  NEO4J_PASSWORD?: string;

  @IsString()
  NEO4J_DATABASE = 'neo4j';

  /** How long a failing query is retried before the request answers 503. */
  @Transform(toNumber) @IsInt() @Min(0) @Max(120000)
  NEO4J_MAX_RETRY_MS = 5000;

  @Transform(toNumber) @IsInt() @Min(100) @Max(120000)
  NEO4J_CONNECTION_TIMEOUT_MS = 5000;

  @Transform(toNumber) @IsInt() @Min(1) @Max(1000)
  NEO4J_MAX_POOL_SIZE = 100;

  /** Where the embedded Neo4j keeps its data when NEO4J_URI is not set. */
  @IsString()
  NEO4J_EMBEDDED_DATA_DIR = '.data/neo4j';

  @Transform(toNumber) @IsInt() @Min(0) @Max(65535)
  NEO4J_EMBEDDED_PORT = 7687;

  @Transform(toNumber) @IsInt() @Min(256) @Max(65536)
  NEO4J_EMBEDDED_HEAP_MB = 2048;

  @Transform(toNumber) @IsInt() @Min(64) @Max(65536)
  NEO4J_EMBEDDED_PAGECACHE_MB = 2048;

  @Transform(toNumber) @IsInt() @Min(1024) @Max(1024 * 1024 * 1024)
  BODY_LIMIT_BYTES = 10 * 1024 * 1024;

  /** Requests allowed per API key (or client address when no key) in each window. */
  @Transform(toNumber) @IsInt() @Min(1)
  THROTTLE_LIMIT = 6000;

  @Transform(toNumber) @IsInt() @Min(1000)
  THROTTLE_TTL_MS = 60000;

  /** Most records accepted in one JSON array (NDJSON streams have no limit). */
  @Transform(toNumber) @IsInt() @Min(1) @Max(100000)
  INGEST_MAX_BATCH = 5000;

  /**
   * Records resolved per transaction within a large request: a candidate customer shared by
   * several records of a chunk is read and resolved once (bench:ingest at 200k: 2,000 faster than
   * 1,000 and 5,000, which loses the overlap of preparing one chunk while another resolves).
   */
  @Transform(toNumber) @IsInt() @Min(1) @Max(10000)
  INGEST_CHUNK_SIZE = 2000;

  /** Deepest neighbourhood an analyst may ask for (customer hops); deeper asks get 400. */
  @Transform(toNumber) @IsInt() @Min(1) @Max(6)
  NETWORK_MAX_DEPTH = 3;

  /** Most nodes a network answer holds; beyond it the answer says `truncated`. */
  @Transform(toNumber) @IsInt() @Min(10) @Max(5000)
  NETWORK_MAX_NODES = 500;

  /** Longest path (customer hops) the path search looks for. */
  @Transform(toNumber) @IsInt() @Min(1) @Max(10)
  NETWORK_MAX_PATH_DEPTH = 6;

  /** Deepest referral tree asked for (referral hops). */
  @Transform(toNumber) @IsInt() @Min(1) @Max(50)
  NETWORK_MAX_REFERRAL_DEPTH = 10;

  /** An identifier held by more records than this is a hub: path search does not go through it. */
  @Transform(toNumber) @IsInt() @Min(2) @Max(1000000)
  NETWORK_HUB_DEGREE = 200;

  /** How often a replica looks for a newly trained match model in the graph (ms). */
  @Transform(toNumber) @IsInt() @Min(1000) @Max(3600000)
  MATCH_MODEL_REFRESH_MS = 30000;

  /** Fewest source records a match model is trained from: fewer give EM too few pairs per blocking rule. */
  @Transform(toNumber) @IsInt() @Min(50) @Max(100000000)
  MATCH_MODEL_MIN_RECORDS = 200;

  /** Screen every customer an ingest created or changed against the watchlists (after the commit). */
  @IsIn(['true', 'false'])
  KYC_SCREEN_ON_INGEST: 'true' | 'false' = 'true';

  /** Screening score (0 to 1) from which a watchlist match counts as a hit. */
  @Transform(toNumber) @IsNumber() @Min(0.5) @Max(1)
  KYC_HIT_THRESHOLD = 0.85;

  /** Risk score (0 to 100) at which a customer raises a KYC alert. */
  @Transform(toNumber) @IsNumber() @Min(1) @Max(100)
  KYC_ALERT_THRESHOLD = 50;

  /** How far (customer hops) network exposure to sanctioned or PEP-matched customers reaches. */
  @Transform(toNumber) @IsInt() @Min(1) @Max(4)
  KYC_EXPOSURE_DEPTH = 2;

  /** High-risk jurisdictions (ISO alpha-2), a risk factor: by default the FATF call-for-action list and others under close monitoring. */
  @Matches(/^[A-Z]{2}(,[A-Z]{2})*$/, { message: 'KYC_HIGH_RISK_COUNTRIES must be ISO 3166 alpha-2 codes separated by commas, such as IR,KP,MM' })
  KYC_HIGH_RISK_COUNTRIES = 'KP,IR,MM,SY,YE,SS,HT,VE,CD,LB';

  /** Most watchlist entries in one request (files of any size go through the import command). */
  @Transform(toNumber) @IsInt() @Min(1) @Max(100000)
  WATCHLIST_MAX_BATCH = 10000;

  /** batched: audit events queued and written together every AUDIT_FLUSH_MS; sync: each written before the answer. */
  @IsIn(['batched', 'sync'])
  AUDIT_WRITE: 'batched' | 'sync' = 'batched';

  @Transform(toNumber) @IsInt() @Min(10) @Max(60000)
  AUDIT_FLUSH_MS = 200;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' = 'info';

  /** Not an environment variable: how NEO4J_URI came to be, set by whoever started Neo4j. */
  @IsIn(['uri', 'embedded', 'container'])
  neo4jMode: 'uri' | 'embedded' | 'container' = 'uri';
}

export class ConfigError extends Error {}

/** Builds the configuration from the environment, or throws naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = new Set(Object.keys(new AppConfig()).filter((key) => key === key.toUpperCase()).concat(['API_KEYS', 'NEO4J_URI', 'NEO4J_PASSWORD']));
  const input: Record<string, string> = {};
  for (const key of known) {
    const value = env[key];
    if (value !== undefined && value !== '') input[key] = value;
  }
  const config = plainToInstance(AppConfig, input);
  const problems = validateSync(config, { skipMissingProperties: false }).flatMap((error) =>
    Object.values(error.constraints ?? {}).map((reason) => `${error.property}: ${reason}`),
  );
  if (config.NODE_ENV === 'production' && !config.API_KEYS) {
    problems.push('API_KEYS: must be set in production (for example "a-long-random-key:admin")');
  }
  if (problems.length > 0) {
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  return config;
}
