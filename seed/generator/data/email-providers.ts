import { Country } from './cultures';

/** Personal email providers per country, with rough market shares. */
export const EMAIL_PROVIDERS: Record<Country, ReadonlyArray<readonly [string, number]>> = {
  GB: [['gmail.com', 35], ['hotmail.co.uk', 12], ['outlook.com', 10], ['yahoo.co.uk', 8], ['icloud.com', 8], ['btinternet.com', 6], ['sky.com', 4], ['live.co.uk', 3]],
  US: [['gmail.com', 45], ['yahoo.com', 15], ['icloud.com', 10], ['outlook.com', 8], ['hotmail.com', 8], ['aol.com', 4], ['comcast.net', 3], ['msn.com', 2]],
  DE: [['gmail.com', 25], ['web.de', 20], ['gmx.de', 20], ['t-online.de', 12], ['outlook.de', 5], ['yahoo.de', 4], ['freenet.de', 3]],
  FR: [['gmail.com', 35], ['orange.fr', 15], ['hotmail.fr', 12], ['free.fr', 10], ['laposte.net', 6], ['sfr.fr', 6], ['yahoo.fr', 5], ['outlook.fr', 5]],
};

/** Providers that deliver "name+tag@…" to "name@…", so plus-addressing only appears there. */
export const PLUS_ADDRESSING_PROVIDERS = new Set(['gmail.com', 'outlook.com', 'outlook.de', 'outlook.fr', 'icloud.com', 'hotmail.com', 'hotmail.co.uk', 'hotmail.fr', 'yahoo.com']);
