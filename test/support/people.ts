import { seededRandom } from '../../src/resolution/train/seeded-random';

export { seededRandom };

/**
 * Small deterministic people with several source records each, for integration tests of
 * concurrency and order: the noise (nicknames, case, phone formats, missing fields, a surname
 * typo) is the kind the engine must see through, and every person is distinct from every other.
 */
export interface GeneratedRecord {
  system: string;
  personIndex: number;
  record: Record<string, unknown> & { sourceId: string };
}

const GIVEN: Array<[string, string]> = [
  ['Robert', 'Bob'], ['Margaret', 'Peggy'], ['William', 'Bill'], ['Elizabeth', 'Liz'], ['Katherine', 'Kate'],
  ['Alexander', 'Alex'], ['Victoria', 'Vicky'], ['Jonathan', 'Jon'], ['Susan', 'Sue'], ['Thomas', 'Tom'],
];
const SYSTEMS = ['crm', 'core_banking', 'ecommerce', 'loyalty', 'support'];

export function shuffled<T>(items: T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/** `people` persons with 3–5 records each; `tag` keeps one test's people apart from another's. */
export function generatePeople(people: number, tag: string, seed = 1): GeneratedRecord[] {
  const random = seededRandom(seed);
  const syllables = ['ba', 'ko', 'ri', 'ta', 'me', 'lu', 'so', 'ni', 've', 'da', 'gu', 'pe', 'zo', 'fa', 'hi', 'jo'];
  const tagLetters = tag.replace(/[^a-z]/gi, '').toLowerCase().slice(0, 6);
  const records: GeneratedRecord[] = [];
  for (let p = 0; p < people; p++) {
    // Syllables first and the tag last, so surnames of different people are not near-spellings of each other.
    const family = (syllables[p % 16] + syllables[Math.floor(p / 16) % 16] + syllables[Math.floor(p / 256) % 16] + 'q' + tagLetters).replace(/^./, (c) => c.toUpperCase());
    const [formal, nickname] = GIVEN[Math.floor(random() * GIVEN.length)];
    // Distinct birth dates: two different people here must never be indistinguishable.
    const birthDate = `${1940 + (p % 60)}-${String(1 + (Math.floor(p / 60) % 12)).padStart(2, '0')}-${String(1 + (Math.floor(p / 720) % 28)).padStart(2, '0')}`;
    const digits = String(1000000 + p * 7 + Math.floor(random() * 7)).slice(1);
    const phone = `+44 20 7${digits.slice(0, 3)} ${digits.slice(3)}${tagLetters.length % 10}`;
    const email = `${formal.toLowerCase()}.${family.toLowerCase()}@example.com`;
    const postcode = `E${1 + (p % 20)} ${p % 9}AB`;
    const count = 3 + Math.floor(random() * 3);
    for (let r = 0; r < count; r++) {
      const system = SYSTEMS[r];
      const variant = r % 3;
      const record: GeneratedRecord['record'] = {
        sourceId: `${tag}-${p}-${r}`,
        name: variant === 1 ? { full: `${nickname} ${family.toUpperCase()}` } : { given: formal, family: r === 4 ? family.slice(0, -1) + 'n' : family },
        birthDate,
        emails: variant === 2 ? [email.toUpperCase()] : [email],
        phones: variant === 1 ? [phone.replace('+44 20', '020')] : [phone],
        addresses: r === 3 ? [] : [{ line1: `${1 + p} High Street`, locality: 'London', postcode, country: 'GB' }],
      };
      records.push({ system, personIndex: p, record });
    }
  }
  return records;
}
