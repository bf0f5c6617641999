import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { CypherRegistry } from '../neo4j/cypher-registry';
import { Neo4jService } from '../neo4j/neo4j.service';
import { defaultMatchModel, MatchModel } from '../resolution';

interface StoredModelRow {
  version: string;
  settingsVersion: string;
  trainedAt: string;
  parameters: string | null;
  termFrequencies: string | null;
}

/**
 * The match model in force: the versioned settings file with its pinned weights, or the model
 * last trained from the data (POST /v1/admin/resolution/model/train), which lives in the graph so
 * every replica and every restart uses the same one. Replicas look for a newer one every
 * MATCH_MODEL_REFRESH_MS.
 */
@Injectable()
export class MatchModelProvider implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('MatchModel');
  private readonly settingsModel = defaultMatchModel();
  private model: MatchModel = this.settingsModel;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly neo4j: Neo4jService,
    private readonly cypher: CypherRegistry,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.refresh().catch((error: Error) => this.logger.warn(`could not read the trained match model, using the settings weights: ${error.message}`));
    this.timer = setInterval(() => void this.refresh().catch((error: Error) => this.logger.warn(`match model refresh failed: ${error.message}`)), this.config.MATCH_MODEL_REFRESH_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  current(): MatchModel {
    return this.model;
  }

  /** The settings file's model with its pinned weights, whatever is in force. */
  settingsDefault(): MatchModel {
    return this.settingsModel;
  }

  trustOf(system: string): number {
    return this.model.settings.sourceTrust[system] ?? 50;
  }

  /** Replaces the model in this process (a trained one, or the settings default). */
  use(model: MatchModel): void {
    this.model = model;
  }

  /** Takes the stored trained model when it differs from the one in force; none stored means the settings weights. */
  async refresh(): Promise<void> {
    const [row] = await this.neo4j.readRows<StoredModelRow & Record<string, unknown>>(this.cypher.get('resolution/read-active-match-model'), {
      current: this.model.version,
    });
    if (!row) {
      if (this.model !== this.settingsModel) this.logger.log(`no trained match model in force: back to ${this.settingsModel.version}`);
      this.model = this.settingsModel;
      return;
    }
    if (row.version === this.model.version || row.parameters === null || row.termFrequencies === null) return;
    if (row.settingsVersion !== this.settingsModel.settings.version) {
      // A model trained for other comparisons or levels would score with missing weights.
      this.logger.warn(`trained match model ${row.version} was made for settings ${row.settingsVersion}, not ${this.settingsModel.settings.version}: using the settings weights`);
      this.model = this.settingsModel;
      return;
    }
    this.model = {
      version: row.version,
      trainedAt: row.trainedAt,
      settings: this.settingsModel.settings,
      parameters: JSON.parse(row.parameters) as MatchModel['parameters'],
      termFrequencies: JSON.parse(row.termFrequencies) as MatchModel['termFrequencies'],
    };
    this.logger.log(`match model in force: ${row.version}`);
  }
}
