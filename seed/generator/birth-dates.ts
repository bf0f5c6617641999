import { SeededRandom } from './random';
import { CalendarDate } from './truth-model';
import { WeightedTable } from './weighted-table';

/** Ages are counted at this date, so a seed gives the same people whenever it is run. */
export const REFERENCE_DATE: CalendarDate = { year: 2026, month: 7, day: 1 };
/** Records were observed between these instants (epoch ms). */
export const OBSERVATION_START = Date.UTC(2016, 0, 1);
export const OBSERVATION_END = Date.UTC(2026, 5, 30);

const ADULT_AGE_BANDS = new WeightedTable<readonly [number, number]>([
  [[18, 24], 10],
  [[25, 34], 18],
  [[35, 44], 18],
  [[45, 54], 17],
  [[55, 64], 16],
  [[65, 74], 12],
  [[75, 90], 9],
]);

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function adultAge(random: SeededRandom): number {
  const [low, high] = ADULT_AGE_BANDS.pick(random);
  return random.between(low, high);
}

/** A birth date at which the person is `age` years old on the reference date. */
export function birthDateForAge(age: number, random: SeededRandom): CalendarDate {
  // the year before the reference birthday window: born between REF−age−1 (after REF day) and REF−age
  const dayOffset = random.int(365);
  const reference = Date.UTC(REFERENCE_DATE.year - age, REFERENCE_DATE.month - 1, REFERENCE_DATE.day);
  const birth = new Date(reference - (dayOffset + 1) * 86_400_000);
  return { year: birth.getUTCFullYear(), month: birth.getUTCMonth() + 1, day: birth.getUTCDate() };
}

export function ageOf(birth: CalendarDate): number {
  const { year, month, day } = REFERENCE_DATE;
  return year - birth.year - (birth.month > month || (birth.month === month && birth.day > day) ? 1 : 0);
}

export function epochOf(date: CalendarDate): number {
  return Date.UTC(date.year, date.month - 1, date.day);
}

export function isoDate(date: CalendarDate): string {
  return `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/** ISO 8601 instant to the second, as source systems usually send it. */
export function isoInstant(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
