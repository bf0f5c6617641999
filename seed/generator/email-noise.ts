import { PLUS_ADDRESSING_PROVIDERS } from './data/email-providers';
import { NoiseDice } from './noise-dice';

const PLUS_TAGS = ['shop', 'news', 'bank', 'promo', 'orders', 'spam', '2020'];

/** The address as typed into this system: with a "+tag" where the provider allows it, or in odd case. */
export function noisyEmail(email: string, dice: NoiseDice): string {
  const at = email.indexOf('@');
  let local = email.slice(0, at);
  let domain = email.slice(at + 1);
  if (PLUS_ADDRESSING_PROVIDERS.has(domain) && dice.strikes('emailPlusAddressing')) local = `${local}+${dice.detail.pick(PLUS_TAGS)}`;
  if (dice.strikes('emailCase')) {
    if (dice.detail.chance(0.5)) {
      local = local.replace(/(^|[._])([a-z])/g, (_match, separator: string, letter: string) => separator + letter.toUpperCase());
      domain = domain[0].toUpperCase() + domain.slice(1);
    } else {
      local = local.toUpperCase();
      domain = domain.toUpperCase();
    }
  }
  return `${local}@${domain}`;
}
