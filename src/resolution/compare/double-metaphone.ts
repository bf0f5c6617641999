/**
 * Double Metaphone (Lawrence Philips, 2000): a primary and an alternate phonetic code per word,
 * so that Smith/Schmidt, Catherine/Kathryn or Aleksandr/Alexander meet on at least one code.
 * Written from the published rules; codes are not truncated (the original cuts at 4), which
 * keeps long surnames apart while blocking and comparison stay tolerant through the alternate.
 */
export function doubleMetaphone(word: string): [primary: string, alternate: string] {
  const value = foldAccents(word.toUpperCase()).replace(/[^A-ZÇÑ ]/g, '');
  if (value.length === 0) return ['', ''];
  return new Encoder(value).encode();
}

/** Accents dropped (É → E, ß → SS) except Ç and Ñ, which have rules of their own. */
function foldAccents(text: string): string {
  return text
    .normalize('NFC')
    .replace(/ß/g, 'SS')
    .replace(/[^ÇÑ]/g, (char) => char.normalize('NFD').replace(/[\u0300-\u036f]/g, ''));
}

const VOWELS = 'AEIOUY';
// Padding lets look-ahead read past the end as spaces, which several rules test for.
const PADDING = '     ';

class Encoder {
  private readonly text: string;
  private readonly last: number;
  private readonly slavoGermanic: boolean;
  private readonly germanic: boolean;
  private primary = '';
  private alternate = '';

  constructor(private readonly value: string) {
    this.text = value + PADDING;
    this.last = value.length - 1;
    this.slavoGermanic = /W|K|CZ|WITZ/.test(value);
    this.germanic = this.at(0, 'VAN ', 'VON ', 'SCH');
  }

  encode(): [string, string] {
    let index = 0;
    if (this.at(0, 'GN', 'KN', 'PN', 'WR', 'PS')) index = 1;
    if (this.text[0] === 'X') {
      this.add('S');
      index = 1;
    }
    while (index < this.value.length) index = this.step(index);
    return [this.primary, this.alternate];
  }

  private step(i: number): number {
    const char = this.text[i];
    const next = this.text[i + 1];
    if (VOWELS.includes(char)) {
      if (i === 0) this.add('A');
      return i + 1;
    }
    switch (char) {
      case 'B':
        this.add('P');
        return next === 'B' ? i + 2 : i + 1;
      case 'Ç':
        this.add('S');
        return i + 1;
      case 'C':
        return this.letterC(i);
      case 'D':
        if (next === 'G') {
          if ('IEY'.includes(this.text[i + 2])) {
            this.add('J');
            return i + 3;
          }
          this.add('TK');
          return i + 2;
        }
        this.add('T');
        return next === 'T' || next === 'D' ? i + 2 : i + 1;
      case 'F':
        this.add('F');
        return next === 'F' ? i + 2 : i + 1;
      case 'G':
        return this.letterG(i);
      case 'H':
        if ((i === 0 || this.isVowel(i - 1)) && this.isVowel(i + 1)) {
          this.add('H');
          return i + 2;
        }
        return i + 1;
      case 'J':
        return this.letterJ(i);
      case 'K':
        this.add('K');
        return next === 'K' ? i + 2 : i + 1;
      case 'L':
        if (next === 'L') {
          const silent =
            (i === this.value.length - 3 && this.at(i - 1, 'ILLO', 'ILLA', 'ALLE')) ||
            ((this.at(this.last - 1, 'AS', 'OS') || 'AO'.includes(this.text[this.last])) && this.at(i - 1, 'ALLE'));
          this.add('L', silent ? '' : 'L');
          return i + 2;
        }
        this.add('L');
        return i + 1;
      case 'M':
        this.add('M');
        return (this.at(i - 1, 'UMB') && (i + 1 === this.last || this.at(i + 2, 'ER'))) || next === 'M' ? i + 2 : i + 1;
      case 'N':
        this.add('N');
        return next === 'N' ? i + 2 : i + 1;
      case 'Ñ':
        this.add('N');
        return i + 1;
      case 'P':
        if (next === 'H') {
          this.add('F');
          return i + 2;
        }
        this.add('P');
        return next === 'P' || next === 'B' ? i + 2 : i + 1;
      case 'Q':
        this.add('K');
        return next === 'Q' ? i + 2 : i + 1;
      case 'R':
        if (i === this.last && !this.slavoGermanic && this.at(i - 2, 'IE') && !this.at(i - 4, 'ME', 'MA')) this.add('', 'R');
        else this.add('R');
        return next === 'R' ? i + 2 : i + 1;
      case 'S':
        return this.letterS(i);
      case 'T':
        return this.letterT(i);
      case 'V':
        this.add('F');
        return next === 'V' ? i + 2 : i + 1;
      case 'W':
        return this.letterW(i);
      case 'X':
        if (!(i === this.last && (this.at(i - 3, 'IAU', 'EAU') || this.at(i - 2, 'AU', 'OU')))) this.add('KS');
        return next === 'C' || next === 'X' ? i + 2 : i + 1;
      case 'Z':
        if (next === 'H') {
          this.add('J');
          return i + 2;
        }
        if (this.at(i + 1, 'ZO', 'ZI', 'ZA') || (this.slavoGermanic && i > 0 && this.text[i - 1] !== 'T')) this.add('S', 'TS');
        else this.add('S');
        return next === 'Z' ? i + 2 : i + 1;
      default:
        return i + 1;
    }
  }

  private letterC(i: number): number {
    const next = this.text[i + 1];
    const afterNext = this.text[i + 2];
    // Germanic "-ACH-" (BACHER, MACHER) sounds K.
    if (i > 1 && !this.isVowel(i - 2) && this.at(i - 1, 'ACH') && afterNext !== 'I' && (afterNext !== 'E' || this.at(i - 2, 'BACHER', 'MACHER'))) {
      this.add('K');
      return i + 2;
    }
    if (i === 0 && this.at(i, 'CAESAR')) {
      this.add('S');
      return i + 2;
    }
    if (this.at(i, 'CHIA')) {
      this.add('K');
      return i + 2;
    }
    if (next === 'H') {
      if (i > 0 && this.at(i, 'CHAE')) this.add('K', 'X');
      else if (i === 0 && (this.at(i + 1, 'HARAC', 'HARIS', 'HOR', 'HYM', 'HIA', 'HEM') && !this.at(0, 'CHORE'))) this.add('K');
      else if (
        this.germanic ||
        this.at(i - 2, 'ORCHES', 'ARCHIT', 'ORCHID') ||
        afterNext === 'T' ||
        afterNext === 'S' ||
        ((i === 0 || 'AOUE'.includes(this.text[i - 1])) && 'LRNMBHFVW '.includes(afterNext))
      ) {
        this.add('K');
      } else if (i > 0) this.add(this.at(0, 'MC') ? 'K' : 'X', 'K');
      else this.add('X');
      return i + 2;
    }
    if (next === 'Z' && !this.at(i - 2, 'WI')) {
      this.add('S', 'X');
      return i + 2;
    }
    if (this.at(i + 1, 'CIA')) {
      this.add('X');
      return i + 3;
    }
    if (next === 'C' && !(i === 1 && this.text[0] === 'M')) {
      if ('IEH'.includes(afterNext) && !this.at(i + 2, 'HU')) {
        this.add((i === 1 && this.text[0] === 'A') || this.at(i - 1, 'UCCEE', 'UCCES') ? 'KS' : 'X');
        return i + 3;
      }
      this.add('K');
      return i + 2;
    }
    if (next === 'G' || next === 'K' || next === 'Q') {
      this.add('K');
      return i + 2;
    }
    if (next === 'I' || next === 'E' || next === 'Y') {
      if (this.at(i + 1, 'IO', 'IE', 'IA')) this.add('S', 'X');
      else this.add('S');
      return i + 2;
    }
    this.add('K');
    if (this.at(i + 1, ' C', ' Q', ' G')) return i + 3;
    if ((next === 'C' || next === 'K' || next === 'Q') && !this.at(i + 1, 'CE', 'CI')) return i + 2;
    return i + 1;
  }

  private letterG(i: number): number {
    const next = this.text[i + 1];
    const previous = this.text[i - 1];
    if (next === 'H') {
      if (i > 0 && !this.isVowel(i - 1)) {
        this.add('K');
        return i + 2;
      }
      if (i === 0) {
        this.add(this.text[i + 2] === 'I' ? 'J' : 'K');
        return i + 2;
      }
      // Silent in -OUGH- after B, H or D (bough, hugh, broughton).
      if ((i > 1 && 'BHD'.includes(this.text[i - 2])) || (i > 2 && 'BHD'.includes(this.text[i - 3])) || (i > 3 && 'BH'.includes(this.text[i - 4]))) {
        return i + 2;
      }
      if (i > 2 && previous === 'U' && 'CGLRT'.includes(this.text[i - 3])) this.add('F');
      else if (previous !== 'I') this.add('K');
      return i + 2;
    }
    if (next === 'N') {
      if (i === 1 && this.isVowel(0) && !this.slavoGermanic) this.add('KN', 'N');
      else if (!this.at(i + 2, 'EY') && !this.slavoGermanic) this.add('N', 'KN');
      else this.add('KN');
      return i + 2;
    }
    if (this.at(i + 1, 'LI') && !this.slavoGermanic) {
      this.add('KL', 'L');
      return i + 2;
    }
    if (i === 0 && (next === 'Y' || this.at(i + 1, 'ES', 'EP', 'EB', 'EL', 'EY', 'IB', 'IL', 'IN', 'IE', 'EI', 'ER'))) {
      this.add('K', 'J');
      return i + 2;
    }
    if (
      (this.at(i + 1, 'ER') || next === 'Y') &&
      !this.at(0, 'DANGER', 'RANGER', 'MANGER') &&
      previous !== 'E' &&
      previous !== 'I' &&
      !this.at(i - 1, 'RGY', 'OGY')
    ) {
      this.add('K', 'J');
      return i + 2;
    }
    if (next === 'E' || next === 'I' || next === 'Y' || this.at(i - 1, 'AGGI', 'OGGI')) {
      if (this.germanic || this.at(i + 1, 'ET')) this.add('K');
      else if (this.at(i + 1, 'IER ')) this.add('J');
      else this.add('J', 'K');
      return i + 2;
    }
    this.add('K');
    return next === 'G' ? i + 2 : i + 1;
  }

  private letterJ(i: number): number {
    const next = this.text[i + 1];
    if (this.at(i, 'JOSE') || this.at(0, 'SAN ')) {
      if ((i === 0 && this.text[i + 4] === ' ') || this.at(0, 'SAN ')) this.add('H');
      else this.add('J', 'H');
      return i + 1;
    }
    if (i === 0) this.add('J', 'A');
    else if (this.isVowel(i - 1) && !this.slavoGermanic && (next === 'A' || next === 'O')) this.add('J', 'H');
    else if (i === this.last) this.add('J', '');
    else if (!'LTKSNMBZ'.includes(next) && !'SKL'.includes(this.text[i - 1])) this.add('J');
    return next === 'J' ? i + 2 : i + 1;
  }

  private letterS(i: number): number {
    const next = this.text[i + 1];
    if (this.at(i - 1, 'ISL', 'YSL')) return i + 1;
    if (i === 0 && this.at(i, 'SUGAR')) {
      this.add('X', 'S');
      return i + 1;
    }
    if (this.at(i, 'SH')) {
      this.add(this.at(i + 1, 'HEIM', 'HOEK', 'HOLM', 'HOLZ') ? 'S' : 'X');
      return i + 2;
    }
    if (this.at(i, 'SIO', 'SIA')) {
      if (this.slavoGermanic) this.add('S');
      else this.add('S', 'X');
      return i + 3;
    }
    if ((i === 0 && 'MNLW'.includes(next)) || next === 'Z') {
      this.add('S', 'X');
      return next === 'Z' ? i + 2 : i + 1;
    }
    if (this.at(i, 'SC')) {
      if (this.text[i + 2] === 'H') {
        if (this.at(i + 3, 'OO', 'ER', 'EN', 'UY', 'ED', 'EM')) {
          if (this.at(i + 3, 'ER', 'EN')) this.add('X', 'SK');
          else this.add('SK');
        } else if (i === 0 && !this.isVowel(3) && this.text[3] !== 'W') this.add('X', 'S');
        else this.add('X');
        return i + 3;
      }
      this.add('IEY'.includes(this.text[i + 2]) ? 'S' : 'SK');
      return i + 3;
    }
    if (i === this.last && this.at(i - 2, 'AI', 'OI')) this.add('', 'S');
    else this.add('S');
    return next === 'S' || next === 'Z' ? i + 2 : i + 1;
  }

  private letterT(i: number): number {
    const next = this.text[i + 1];
    if (this.at(i, 'TION', 'TIA', 'TCH')) {
      this.add('X');
      return i + 3;
    }
    if (this.at(i, 'TH', 'TTH')) {
      if (this.at(i + 2, 'OM', 'AM') || this.germanic) this.add('T');
      else this.add('0', 'T');
      return i + 2;
    }
    this.add('T');
    return next === 'T' || next === 'D' ? i + 2 : i + 1;
  }

  private letterW(i: number): number {
    if (this.at(i, 'WR')) {
      this.add('R');
      return i + 2;
    }
    if (i === 0 && (this.isVowel(i + 1) || this.at(i, 'WH'))) {
      if (this.isVowel(i + 1)) this.add('A', 'F');
      else this.add('A');
    }
    if ((i === this.last && this.isVowel(i - 1)) || this.at(i - 1, 'EWSKI', 'EWSKY', 'OWSKI', 'OWSKY') || this.at(0, 'SCH')) {
      this.add('', 'F');
      return i + 1;
    }
    if (this.at(i, 'WICZ', 'WITZ')) {
      this.add('TS', 'FX');
      return i + 4;
    }
    return i + 1;
  }

  private add(primary: string, alternate = primary): void {
    this.primary += primary;
    this.alternate += alternate;
  }

  private isVowel(index: number): boolean {
    return index >= 0 && VOWELS.includes(this.text[index]);
  }

  /** True when one of the candidates starts at `index` (never for a negative index). */
  private at(index: number, ...candidates: string[]): boolean {
    if (index < 0) return false;
    for (const candidate of candidates) if (this.text.startsWith(candidate, index)) return true;
    return false;
  }
}
