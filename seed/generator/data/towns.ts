import { Country } from './cultures';

/** How a town's postcodes look: GB outward/inward codes, or numeric codes from a range. */
export type PostcodeScheme =
  | { kind: 'gb'; areas: readonly string[]; districts: number }
  | { kind: 'numeric'; first: number; count: number; step: number };

export interface Town {
  name: string;
  country: Country;
  /** Relative size within its country. */
  weight: number;
  postcode: PostcodeScheme;
  /** Landline numbers: area code (without trunk 0) and subscriber number length and first digits. */
  landline: { area: string; digits: number; lead: string };
}

const gb = (name: string, weight: number, areas: string, districts: number, area: string, digits: number, lead = '23456789'): Town => ({
  name, country: 'GB', weight, postcode: { kind: 'gb', areas: areas.split(' '), districts }, landline: { area, digits, lead },
});
const numeric = (country: Country, name: string, weight: number, first: number, count: number, step: number, area: string, digits: number, lead = '23456789'): Town => ({
  name, country, weight, postcode: { kind: 'numeric', first, count, step }, landline: { area, digits, lead },
});

/**
 * Real town names with synthetic streets; postcode areas and dialling codes are the real ones,
 * and landline lead digits are limited to the ranges libphonenumber accepts for each code.
 */
export const TOWNS: readonly Town[] = [
  gb('London', 30, 'E N NW SE SW W', 20, '20', 8, '378'),
  gb('Birmingham', 8, 'B', 40, '121', 7, '234567'),
  gb('Manchester', 7, 'M', 40, '161', 7, '2345678'),
  gb('Leeds', 6, 'LS', 28, '113', 7, '23458'),
  gb('Glasgow', 5, 'G', 40, '141', 7, '2345678'),
  gb('Liverpool', 4, 'L', 38, '151', 7, '2345678'),
  gb('Bristol', 4, 'BS', 40, '117', 7, '2349'),
  gb('Sheffield', 4, 'S', 36, '114', 7, '2345'),
  gb('Edinburgh', 4, 'EH', 17, '131', 7, '2345678'),
  gb('Cardiff', 3, 'CF', 24, '29', 8, '2'),
  gb('Leicester', 3, 'LE', 19, '116', 7, '234'),
  gb('Nottingham', 3, 'NG', 25, '115', 7, '26789'),
  gb('Newcastle upon Tyne', 3, 'NE', 30, '191', 7, '2345678'),
  gb('Brighton', 2, 'BN', 45, '1273', 6),
  gb('Southampton', 2, 'SO', 53, '23', 8, '8'),
  gb('Oxford', 2, 'OX', 49, '1865', 6),
  gb('Cambridge', 2, 'CB', 25, '1223', 6),
  gb('York', 2, 'YO', 32, '1904', 6),
  gb('Norwich', 2, 'NR', 35, '1603', 6),
  gb('Reading', 2, 'RG', 45, '118', 7, '2349'),
  gb('Aberdeen', 2, 'AB', 45, '1224', 6),
  gb('Belfast', 3, 'BT', 17, '28', 8, '9'),
  gb('Exeter', 1, 'EX', 39, '1392', 6),
  gb('Bath', 1, 'BA', 16, '1225', 6),
  gb('Coventry', 2, 'CV', 47, '24', 8, '7'),

  numeric('US', 'New York', 20, 10001, 99, 1, '212', 7),
  numeric('US', 'Los Angeles', 12, 90001, 99, 1, '213', 7),
  numeric('US', 'Chicago', 9, 60601, 60, 1, '312', 7),
  numeric('US', 'Houston', 7, 77001, 99, 1, '713', 7),
  numeric('US', 'Phoenix', 5, 85001, 55, 1, '602', 7),
  numeric('US', 'Philadelphia', 5, 19102, 54, 1, '215', 7),
  numeric('US', 'San Antonio', 4, 78201, 60, 1, '210', 7),
  numeric('US', 'San Diego', 4, 92101, 60, 1, '619', 7),
  numeric('US', 'Dallas', 4, 75201, 90, 1, '214', 7),
  numeric('US', 'Austin', 3, 78701, 60, 1, '512', 7),
  numeric('US', 'Seattle', 3, 98101, 99, 1, '206', 7),
  numeric('US', 'Denver', 3, 80201, 99, 1, '303', 7),
  numeric('US', 'Boston', 3, 2108, 60, 1, '617', 7),
  numeric('US', 'Atlanta', 3, 30301, 99, 1, '404', 7),
  numeric('US', 'Miami', 3, 33101, 99, 1, '305', 7),
  numeric('US', 'Portland', 2, 97201, 99, 1, '503', 7),
  numeric('US', 'Minneapolis', 2, 55401, 99, 1, '612', 7),
  numeric('US', 'Springfield', 1, 65801, 99, 1, '417', 7),

  numeric('DE', 'Berlin', 20, 10115, 2000, 1, '30', 8),
  numeric('DE', 'Hamburg', 11, 20095, 2000, 1, '40', 8),
  numeric('DE', 'München', 9, 80331, 1600, 1, '89', 8),
  numeric('DE', 'Köln', 7, 50667, 1400, 1, '221', 7),
  numeric('DE', 'Frankfurt am Main', 5, 60306, 600, 1, '69', 8),
  numeric('DE', 'Stuttgart', 4, 70173, 600, 1, '711', 7),
  numeric('DE', 'Düsseldorf', 4, 40210, 400, 1, '211', 7),
  numeric('DE', 'Leipzig', 4, 4103, 300, 1, '341', 7),
  numeric('DE', 'Dortmund', 4, 44135, 300, 1, '231', 7),
  numeric('DE', 'Essen', 4, 45127, 230, 1, '201', 7),
  numeric('DE', 'Bremen', 4, 28195, 600, 1, '421', 7),
  numeric('DE', 'Dresden', 4, 1067, 300, 1, '351', 7),
  numeric('DE', 'Hannover', 4, 30159, 600, 1, '511', 7),
  numeric('DE', 'Nürnberg', 4, 90402, 100, 1, '911', 7),

  numeric('FR', 'Paris', 30, 75001, 20, 1, '1', 8),
  numeric('FR', 'Marseille', 9, 13001, 16, 1, '4', 8),
  numeric('FR', 'Lyon', 8, 69001, 9, 1, '4', 8),
  numeric('FR', 'Toulouse', 5, 31000, 6, 100, '5', 8, '2345678'),
  numeric('FR', 'Nice', 4, 6000, 4, 100, '4', 8),
  numeric('FR', 'Nantes', 4, 44000, 4, 100, '2', 8, '2345789'),
  numeric('FR', 'Strasbourg', 4, 67000, 3, 100, '3', 8),
  numeric('FR', 'Montpellier', 4, 34000, 2, 70, '4', 8),
  numeric('FR', 'Bordeaux', 4, 33000, 3, 100, '5', 8, '2345678'),
  numeric('FR', 'Lille', 4, 59000, 9, 10, '3', 8),
  numeric('FR', 'Rennes', 3, 35000, 3, 200, '2', 8, '2345789'),
  numeric('FR', 'Reims', 2, 51100, 1, 1, '3', 8),
  numeric('FR', 'Grenoble', 3, 38000, 2, 100, '4', 8),
  numeric('FR', 'Dijon', 2, 21000, 1, 1, '3', 8),
  numeric('FR', 'Angers', 2, 49000, 2, 100, '2', 8, '2345789'),
];
