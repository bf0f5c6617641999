import type { Decision, MatchModel } from '../resolution.types';

/** The three bands: link, review by an analyst, or a customer of its own. */
export function decide(probability: number, model: MatchModel): Decision {
  if (probability >= model.settings.linkThreshold) return 'link';
  if (probability >= model.settings.reviewThreshold) return 'review';
  return 'new';
}
