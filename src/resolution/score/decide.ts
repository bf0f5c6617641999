import type { Decision, MatchModel } from '../resolution.types';

/** The link threshold in force: a trained model's own where the settings give one. */
export function linkThresholdOf(model: MatchModel): number {
  return model.trainedAt !== null && model.settings.trainedLinkThreshold !== undefined ? model.settings.trainedLinkThreshold : model.settings.linkThreshold;
}

/** The three bands: link, review by an analyst, or a customer of its own. */
export function decide(probability: number, model: MatchModel): Decision {
  if (probability >= linkThresholdOf(model)) return 'link';
  if (probability >= model.settings.reviewThreshold) return 'review';
  return 'new';
}
