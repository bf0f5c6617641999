import { Injectable } from '@nestjs/common';
import { defaultMatchModel, MatchModel } from '../resolution';

/** The match model in force: the versioned settings file with its pinned weights. */
@Injectable()
export class MatchModelProvider {
  private model: MatchModel = defaultMatchModel();

  current(): MatchModel {
    return this.model;
  }

  trustOf(system: string): number {
    return this.model.settings.sourceTrust[system] ?? 50;
  }

  /** Replaces the model (a trained one, or another settings version). */
  use(model: MatchModel): void {
    this.model = model;
  }
}
