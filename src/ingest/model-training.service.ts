import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '../common/problem/app-error';
import { AppConfig } from '../config/app-config';
import { JobProgress } from '../jobs/jobs.service';
import { CypherRegistry } from '../neo4j/cypher-registry';
import { Neo4jService } from '../neo4j/neo4j.service';
import { linkThresholdOf, MatchModel } from '../resolution';
import { MatchModelProvider } from './match-model.provider';
import { readAllStoredRecords } from './stored-records';
import { trainOffThread } from './training-thread';

export interface TrainingRequest {
  seed: number;
  randomPairs: number;
}

export interface LevelView {
  level: string;
  m: number;
  u: number;
  /** log2(m/u): what reaching this level adds to the match weight, in bits. */
  weight: number;
  pinned: boolean;
}

export interface MatchModelView {
  version: string;
  /** `trained`: m/u estimated from the stored records by EM; `settings`: the settings file's weights. */
  source: 'trained' | 'settings';
  trainedAt: string | null;
  linkThreshold: number;
  reviewThreshold: number;
  comparisons: Array<{ name: string; termFrequency: boolean; levels: LevelView[] }>;
}

/** The weights of a model, comparison by comparison and level by level. */
export function matchModelView(model: MatchModel): MatchModelView {
  const { settings } = model;
  return {
    version: model.version,
    source: model.trainedAt ? 'trained' : 'settings',
    trainedAt: model.trainedAt,
    linkThreshold: linkThresholdOf(model),
    reviewThreshold: settings.reviewThreshold,
    comparisons: Object.entries(settings.comparisons).map(([name, comparison]) => ({
      name,
      termFrequency: comparison.termFrequency === true,
      levels: comparison.levels.map((level) => {
        const { m, u } = model.parameters[name][level.name];
        return { level: level.name, m, u, weight: Math.round(Math.log2(m / u) * 100) / 100, pinned: level.pinned === true };
      }),
    })),
  };
}

/**
 * Unsupervised training on the stored records (no labels): u from random pairs, m by EM over
 * the pairs each blocking rule finds, term frequencies from the names. The model is stored in
 * the graph and put in force; decisions already made keep their weights until a rebuild.
 */
@Injectable()
export class ModelTrainingService {
  constructor(
    private readonly neo4j: Neo4jService,
    private readonly cypher: CypherRegistry,
    private readonly models: MatchModelProvider,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  /** Refuses (409) before any job starts when the graph holds too few records for EM to learn from. */
  async assertEnoughRecords(): Promise<void> {
    const [row] = await this.neo4j.readRows<{ records: number }>(this.cypher.get('resolution/count-source-records'));
    const records = row?.records ?? 0;
    const needed = this.config.MATCH_MODEL_MIN_RECORDS;
    if (records < needed) throw new AppError('CONFLICT', `Training needs at least ${needed} source records (MATCH_MODEL_MIN_RECORDS); the graph holds ${records}`);
  }

  async train(by: string, request: TrainingRequest, progress: JobProgress): Promise<Record<string, unknown>> {
    const rows = await readAllStoredRecords(this.neo4j, this.cypher, progress);
    await progress.report('training', 0, rows.length);
    const settings = this.models.settingsDefault().settings;
    const trainedAt = new Date().toISOString();
    const { model, report } = await trainOffThread({
      normalised: rows.map((row) => row.normalised),
      settings,
      options: { seed: request.seed, randomPairs: request.randomPairs, trainedAt, version: `${settings.version}/em-${trainedAt}` },
    });
    await progress.report('storing the model', rows.length, rows.length);
    await this.neo4j.writeRows(this.cypher.get('resolution/save-match-model'), {
      version: model.version,
      settingsVersion: settings.version,
      trainedAt,
      by,
      records: rows.length,
      parameters: JSON.stringify(model.parameters),
      termFrequencies: JSON.stringify(model.termFrequencies),
      report: JSON.stringify(report),
    });
    this.models.use(model);
    return {
      version: model.version,
      records: report.records,
      randomPairs: report.randomPairs,
      randomMatchesLeftOut: report.randomMatchesLeftOut,
      rules: report.rules.map(({ rule, pairs, accepted, lambda, reason }) => ({ rule, pairs, accepted, lambda: Math.round(lambda * 1e6) / 1e6, ...(reason ? { reason } : {}) })),
      untrained: report.untrained,
      next: 'POST /v1/admin/resolution/rebuild re-resolves the records already stored with this model',
    };
  }

  /** Back to the settings file's weights, here and (within MATCH_MODEL_REFRESH_MS) on every replica. */
  async useSettings(): Promise<MatchModel> {
    await this.neo4j.writeRows(this.cypher.get('resolution/deactivate-match-model'));
    const model = this.models.settingsDefault();
    this.models.use(model);
    return model;
  }
}
