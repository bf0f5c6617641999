/**
 * Which comparators each blocking rule (key prefix, see block/blocking-keys.ts) already forces
 * to agree. Pairs found by a rule say nothing about the m of those comparisons — every pair
 * agrees on them by construction — so the rule's EM run leaves them out (as Splink does).
 */
export interface TrainingRule {
  keyPrefix: string;
  fixes: string[];
}

export const DEFAULT_TRAINING_RULES: TrainingRule[] = [
  { keyPrefix: 'email', fixes: ['email'] },
  { keyPrefix: 'phone', fixes: ['phone'] },
  { keyPrefix: 'id', fixes: ['identifier'] },
  { keyPrefix: 'dob', fixes: ['birthDate', 'givenName', 'familyName'] },
  { keyPrefix: 'nm', fixes: ['familyName', 'givenName', 'birthDate'] },
  { keyPrefix: 'pc', fixes: ['address', 'familyName', 'givenName'] },
  { keyPrefix: 'org', fixes: ['organizationName'] },
  { keyPrefix: 'orgpc', fixes: ['organizationName', 'address'] },
];
