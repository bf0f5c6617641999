import { daysInMonth, REFERENCE_DATE } from './birth-dates';
import { NoiseDice } from './noise-dice';
import { CalendarDate } from './truth-model';

const two = (n: number) => String(n).padStart(2, '0');

/** One component off by one, staying a real date that is not in the future. */
function offByOne(date: CalendarDate, which: number, direction: 1 | -1): CalendarDate {
  if (which === 0) {
    const year = date.year + direction > REFERENCE_DATE.year ? date.year - 1 : date.year + direction;
    return { ...date, year, day: Math.min(date.day, daysInMonth(year, date.month)) };
  }
  if (which === 1) {
    const month = date.month + direction < 1 || date.month + direction > 12 ? date.month - direction : date.month + direction;
    return { ...date, month, day: Math.min(date.day, daysInMonth(date.year, month)) };
  }
  const day = date.day + direction < 1 || date.day + direction > daysInMonth(date.year, date.month) ? date.day - direction : date.day + direction;
  return { ...date, day };
}

function isAfterReference(date: CalendarDate): boolean {
  const { year, month, day } = REFERENCE_DATE;
  return date.year > year || (date.year === year && (date.month > month || (date.month === month && date.day > day)));
}

/** The birth date as this record has it: day and month swapped, one part wrong, or only year and month. */
export function noisyBirthDate(birth: CalendarDate, partial: boolean, dice: NoiseDice): string {
  let date = birth;
  if (date.day <= 12 && date.day !== date.month && dice.strikes('dayMonthSwap')) {
    const swapped = { year: date.year, month: date.day, day: date.month };
    if (!isAfterReference(swapped)) date = swapped;
  }
  if (dice.strikes('birthDateError')) {
    const wrong = offByOne(date, dice.detail.int(3), dice.detail.chance(0.5) ? 1 : -1);
    if (!isAfterReference(wrong)) date = wrong;
  }
  return partial ? `${date.year}-${two(date.month)}` : `${date.year}-${two(date.month)}-${two(date.day)}`;
}
