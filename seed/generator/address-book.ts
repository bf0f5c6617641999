import { Country } from './data/cultures';
import { STREETS } from './data/streets';
import { Town, TOWNS } from './data/towns';
import { deriveSeed, SeededRandom } from './random';
import { PostalAddress } from './truth-model';
import { UniqueScatter } from './unique-scatter';
import { WeightedTable } from './weighted-table';

const HOUSE_NUMBERS = 200;
const GB_UNIT_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

const STREET_PARTS = Object.fromEntries(
  Object.entries(STREETS).map(([country, streets]) => [country, { names: streets.names.split('|'), kinds: streets.kinds.split('|') }]),
) as Record<Country, { names: string[]; kinds: string[] }>;

const TOWN_TABLES = new Map(
  (['GB', 'US', 'DE', 'FR'] as const).map((country) => [country, new WeightedTable(TOWNS.filter((town) => town.country === country).map((town) => [town, town.weight] as const))]),
);

/** Small integer hash, so a street keeps one postcode district wherever it is computed. */
function mix(a: number, b: number): number {
  return deriveSeed(a, b) % 1_000_003;
}

function postcodeOf(town: Town, townIndex: number, streetIndex: number, houseNumber: number): string {
  const scheme = town.postcode;
  if (scheme.kind === 'numeric') {
    return String(scheme.first + scheme.step * (mix(townIndex, streetIndex) % scheme.count)).padStart(5, '0');
  }
  const area = scheme.areas[streetIndex % scheme.areas.length];
  const district = 1 + (mix(townIndex, streetIndex) % scheme.districts);
  const unitSeed = mix(streetIndex, Math.floor(houseNumber / 12) + townIndex * 1000);
  const sector = unitSeed % 10;
  const unit = GB_UNIT_LETTERS[Math.floor(unitSeed / 10) % 20] + GB_UNIT_LETTERS[Math.floor(unitSeed / 200) % 20];
  return `${area}${district} ${sector}${unit}`;
}

/**
 * Hands out addresses that never repeat: within a town, a scatter walks every street and
 * house number once; when a town is full, flats in the same houses follow.
 */
export class AddressBook {
  private readonly scatters = new Map<Town, UniqueScatter>();

  constructor(private readonly seed: number) {}

  newAddress(country: Country, random: SeededRandom): PostalAddress {
    const town = TOWN_TABLES.get(country)!.pick(random);
    const townIndex = TOWNS.indexOf(town);
    const { names, kinds } = STREET_PARTS[country];
    const streetCount = names.length * kinds.length;
    let scatter = this.scatters.get(town);
    if (!scatter) {
      scatter = new UniqueScatter(streetCount * HOUSE_NUMBERS, deriveSeed(this.seed, 7, townIndex));
      this.scatters.set(town, scatter);
    }
    const { value, lap } = scatter.take();
    const streetIndex = value % streetCount;
    const houseNumber = 1 + Math.floor(value / streetCount);
    return {
      country,
      town,
      streetName: names[streetIndex % names.length],
      streetKind: kinds[Math.floor(streetIndex / names.length)],
      houseNumber,
      flat: lap > 0 ? lap : undefined,
      postcode: postcodeOf(town, townIndex, streetIndex, houseNumber),
    };
  }
}
