/**
 * Consumer mail providers that serve mostly one country. An address there says where its owner
 * lives; an employer's domain (acme-logistik.de) says only where the employer is, and a British
 * customer working for a German firm keeps a British phone. International providers (gmail.com,
 * outlook.com, icloud.com) say nothing.
 */
const NATIONAL_MAIL_PROVIDERS: Readonly<Record<string, readonly string[]>> = {
  GB: [
    'btinternet.com', 'btopenworld.com', 'sky.com', 'virginmedia.com', 'ntlworld.com', 'blueyonder.co.uk', 'talktalk.net',
    'tiscali.co.uk', 'hotmail.co.uk', 'live.co.uk', 'yahoo.co.uk', 'aol.co.uk', 'plus.com', 'zen.co.uk',
  ],
  US: ['comcast.net', 'verizon.net', 'att.net', 'sbcglobal.net', 'bellsouth.net', 'cox.net', 'charter.net', 'earthlink.net', 'optonline.net', 'roadrunner.com'],
  DE: [
    'web.de', 'gmx.de', 'gmx.net', 't-online.de', 'freenet.de', 'arcor.de', 'posteo.de', 'mail.de', 'online.de', 'vodafone.de',
    'hotmail.de', 'live.de', 'outlook.de', 'yahoo.de', 'googlemail.de',
  ],
  FR: [
    'orange.fr', 'wanadoo.fr', 'free.fr', 'sfr.fr', 'neuf.fr', 'laposte.net', 'bbox.fr', 'aliceadsl.fr', 'club-internet.fr',
    'numericable.fr', 'hotmail.fr', 'live.fr', 'outlook.fr', 'yahoo.fr', 'aol.fr',
  ],
  AT: ['aon.at', 'chello.at', 'gmx.at', 'a1.net'],
  CH: ['bluewin.ch', 'gmx.ch', 'hispeed.ch', 'sunrise.ch'],
  IT: ['libero.it', 'virgilio.it', 'alice.it', 'tin.it', 'tiscali.it', 'hotmail.it', 'yahoo.it'],
  ES: ['telefonica.net', 'hotmail.es', 'yahoo.es', 'terra.es', 'ono.com'],
  NL: ['ziggo.nl', 'kpnmail.nl', 'planet.nl', 'home.nl', 'hetnet.nl', 'xs4all.nl'],
};

const COUNTRY_OF_PROVIDER = new Map(Object.entries(NATIONAL_MAIL_PROVIDERS).flatMap(([country, domains]) => domains.map((domain) => [domain, country] as const)));

/** The country a consumer mail provider serves, or undefined for any other domain. */
export function mailProviderCountry(email: string): string | undefined {
  const domain = email.trim().toLowerCase().split('@')[1];
  return domain ? COUNTRY_OF_PROVIDER.get(domain) : undefined;
}
