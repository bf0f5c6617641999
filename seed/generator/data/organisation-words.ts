import { Country } from './cultures';

/** Parts of synthetic company names per country: a brand, a trade, and legal forms with their long variants. */
export const ORGANISATION_WORDS: Record<Country, { brands: string; trades: string; forms: ReadonlyArray<readonly [string, number, string]>; tld: string }> = {
  GB: {
    brands: 'Northgate Riverside Summit Pioneer Horizon Sterling Crown Atlas Beacon Harbour Meridian Evergreen Keystone Lakeside Redwood Silverline Bluebird Cornerstone Granite Highland Ironbridge Kingfisher Lighthouse Oakwood Phoenix Quayside Rosewood Stonebridge Trinity Westfield Falcon Orion Vantage Apex Zenith Alder Brightwater Copperfield Ashdown Fenwick',
    trades: 'Logistics Consulting Engineering Software Foods Holdings Capital Properties Construction Media Health Energy Retail Solutions Systems Trading Partners Design Motors Textiles',
    forms: [['Ltd', 70, 'Limited'], ['PLC', 5, 'Public Limited Company'], ['LLP', 10, 'L.L.P.'], ['Group Ltd', 15, 'Group Limited']],
    tld: 'co.uk',
  },
  US: {
    brands: 'Liberty Eagle Pacific Atlantic Frontier Summit Keystone Prairie Redwood Cascade Canyon Heritage Patriot Lone-Star Golden-Gate Bayview Silver-Creek Blue-Ridge Granite Pinnacle Sierra Mesa Harbor Evergreen Gateway Crescent Magnolia Riverbend Highpoint Ironwood Northstar Clearwater Bluewater Sunbelt Timberline',
    trades: 'Logistics Consulting Engineering Software Foods Holdings Capital Properties Construction Media Health Energy Retail Solutions Systems Trading Partners Design Motors Analytics',
    forms: [['Inc.', 40, 'Incorporated'], ['LLC', 45, 'L.L.C.'], ['Corp.', 15, 'Corporation']],
    tld: 'com',
  },
  DE: {
    brands: 'Nordstern Bergland Rheintal Alpen Hansa Elbe Süd Sonnen Adler Löwen Blau Stern Eichen Ostsee Main Isar Donau Harz Spree Weser Falken Greif Kristall Tannen Linden Burg Mosel Neckar Taunus Eifel',
    trades: 'Logistik Beratung Bau Software Handel Immobilien Technik Maschinenbau Elektro Medien Energie Holding Transport Lebensmittel Systeme Verwaltung Druck Reisen',
    forms: [['GmbH', 70, 'Gesellschaft mit beschränkter Haftung'], ['AG', 10, 'Aktiengesellschaft'], ['GmbH & Co. KG', 15, 'GmbH und Co. KG'], ['KG', 5, 'Kommanditgesellschaft']],
    tld: 'de',
  },
  FR: {
    brands: 'Atlantique Provence Lumière Horizon Étoile Soleil Alpes Loire Océan Azur Bretagne Normandie Garonne Rhône Vendôme Cévennes Jura Vosges Camargue Ardèche Sologne Armor Opale Aquitaine Lavande Mistral Cyprès Olivier Châtaigne Belvédère',
    trades: 'Logistique Conseil Bâtiment Informatique Immobilier Distribution Ingénierie Transports Services Énergie Médias Finance Alimentation Industrie Voyages Santé',
    forms: [['SARL', 40, 'S.A.R.L.'], ['SAS', 45, 'S.A.S.'], ['SA', 15, 'S.A.']],
    tld: 'fr',
  },
};
