import {
  DEFAULT_SCREENING_THRESHOLDS,
  type ScreeningEntryInput,
  type ScreeningScore,
  type ScreeningSubject,
  prepareEntry,
  prepareSubject,
  scoreScreening,
} from './screening-score';

const everything = { nameMinimum: 0, hit: DEFAULT_SCREENING_THRESHOLDS.hit };

function entry(names: string[], extra: Partial<ScreeningEntryInput> = {}): ScreeningEntryInput {
  return { names, aliases: [], type: 'person', birthDates: [], countries: [], ...extra };
}

function score(subject: ScreeningSubject | string, input: ScreeningEntryInput | string, thresholds = everything): ScreeningScore | null {
  const preparedSubject = prepareSubject(typeof subject === 'string' ? { names: [subject] } : subject);
  return scoreScreening(preparedSubject, prepareEntry(typeof input === 'string' ? entry([input]) : input), thresholds);
}

function scoreOf(subject: ScreeningSubject | string, input: ScreeningEntryInput | string): number {
  return score(subject, input)?.score ?? 0;
}

/** Name effect plus the other effects gives the score, unless clamped to 0..1. */
function expectFactorsAddUp(result: ScreeningScore): void {
  expect(result.factors.map((factor) => factor.factor)).toEqual(['name', 'birthDate', 'country', 'type', 'identifier']);
  expect(result.factors[0].effect).toBe(result.nameScore);
  const total = result.factors.reduce((sum, factor) => sum + factor.effect, 0);
  if (total >= 0 && total <= 1) expect(Math.abs(total - result.score)).toBeLessThanOrEqual(0.0011);
  else expect(result.score).toBe(total > 1 ? 1 : 0);
}

describe('scoreScreening: names', () => {
  it.each([
    ['Viktor Aleksandrovich Petrov', 'PETROV, Wiktor', 0.85],
    ['Aleksandr Ivanov', 'Alexander IVANOV', 0.9],
    ['Bob Marlow', 'Robert Marlow', 0.85],
    ['José Müller', 'Jose Mueller', 0.85],
    ['V. Petrov', 'Viktor Petrov', 0.8],
    ['Yuriy Zhukov', 'Iurii Zhukow', 0.9],
    ['Mohammed Khalid', 'Muhammad Halid', 0.85],
    ['Abdul Rahman Al Hassan', 'Abdulrahman Al-Hassan', 0.9],
    ['Muammar Gaddafi', 'Moammar Qadhafi', 0.85],
  ])('%s ~ %s ≥ %d', (subject, name, minimum) => {
    const result = score(subject, name)!;
    expect(result.score).toBeGreaterThanOrEqual(minimum);
    expectFactorsAddUp(result);
  });

  it('is order-independent', () => {
    expect(scoreOf('Viktor Petrov', 'Petrov Viktor')).toBe(1);
    expect(scoreOf('Petrov Viktor', 'Viktor Petrov')).toBe(1);
  });

  it('scores one shared token clearly lower than a true variant', () => {
    const variant = scoreOf('Viktor Petrov', 'Wiktor Petrow');
    for (const [subject, name] of [
      ['Viktor Petrov', 'Viktor Ivanov'],
      ['John Smith', 'Jane Smith'],
      ['John Smith', 'John Jones'],
    ]) {
      const other = scoreOf(subject, name);
      expect(other).toBeLessThan(0.75);
      expect(other).toBeLessThan(variant - 0.2);
    }
  });

  it('costs little for a missing middle name, more for a missing given name', () => {
    const middle = scoreOf('John Michael Smith', 'John Smith');
    const surnameOnly = scoreOf('Smith', 'John Smith');
    expect(middle).toBeGreaterThanOrEqual(0.9);
    expect(surnameOnly).toBeLessThan(middle);
    expect(surnameOnly).toBeLessThan(DEFAULT_SCREENING_THRESHOLDS.hit);
  });

  it('does not take a longer name that starts the same for the same name', () => {
    expect(scoreOf('John Smith', 'John Smithers')).toBeLessThan(DEFAULT_SCREENING_THRESHOLDS.hit);
    expect(scoreOf('Peter Johnson', 'Peter John')).toBeLessThan(DEFAULT_SCREENING_THRESHOLDS.hit);
  });

  it('counts particles and initials less than full tokens', () => {
    expect(scoreOf('Osama bin Laden', 'Osama Laden')).toBeGreaterThan(scoreOf('Osama bin Laden', 'Osama bin Smith'));
  });

  it('takes the best of every subject name against every entry name and alias', () => {
    const result = score({ names: ['Ivan Sidorov', 'Viktor Petrov'] }, entry(['Petr Kuznetsov'], { aliases: ['Wiktor Petrow'] }))!;
    expect(result.matchedName).toBe('Wiktor Petrow');
    expect(result.subjectName).toBe('Viktor Petrov');
    expect(result.nameScore).toBe(1);
    expect(result.factors[0].detail).toBe("'VIKTOR PETROV' ~ 'Wiktor Petrow': tokens VIKTOR=WIKTOR, PETROV=PETROW");
  });

  it('explains fuzzy and unmatched tokens', () => {
    const detail = score('Viktor Aleksandrovich Petrov', 'PETROV, Wiktor')!.factors[0].detail;
    expect(detail).toBe("'VIKTOR ALEKSANDROVICH PETROV' ~ 'PETROV, Wiktor': tokens VIKTOR=WIKTOR, PETROV=PETROV, ALEKSANDROVICH unmatched");
    expect(score('Bob Marlow', 'Robert Marlow')!.factors[0].detail).toContain('BOB~ROBERT 0.95');
  });

  it('returns null below the name minimum', () => {
    expect(score('Viktor Petrov', 'Ivan Sidorov', DEFAULT_SCREENING_THRESHOLDS)).toBeNull();
    expect(score('Viktor Petrov', 'Viktor Ivanov', DEFAULT_SCREENING_THRESHOLDS)).toBeNull();
    expect(score('Viktor Petrov', entry([]), everything)).toBeNull();
    expect(score('Viktor Petrov', 'Wiktor Petrow', DEFAULT_SCREENING_THRESHOLDS)).not.toBeNull();
  });

  it('gives the same result for a prepared entry scored again', () => {
    const subject = prepareSubject({ names: ['Viktor Petrov', 'V. A. Petrov'], birthDates: ['1970'] });
    const prepared = prepareEntry(entry(['Petrov, Wiktor'], { aliases: ['Vitya Petroff'], birthDates: ['1970-01-02'] }));
    const first = scoreScreening(subject, prepared);
    scoreScreening(prepareSubject({ names: ['Somebody Else Entirely'] }), prepared);
    expect(scoreScreening(subject, prepared)).toEqual(first);
  });
});

describe('scoreScreening: a common name', () => {
  const subject: ScreeningSubject = { names: ['John Michael Smith'], birthDates: ['1980-04-12'], countries: ['GB'] };
  const trueEntry = entry(['Smith, John Michael'], { birthDates: ['1980-04-12'], countries: ['GB'] });
  const smithers = entry(['John Smithers'], { birthDates: ['1962'] });
  const joan = entry(['Joan Smith'], { birthDates: ['1955'], countries: ['US'] });

  it('ranks the true entry above similar names of other people', () => {
    const hit = score(subject, trueEntry)!;
    expect(hit.score).toBeGreaterThanOrEqual(DEFAULT_SCREENING_THRESHOLDS.hit);
    for (const other of [smithers, joan]) {
      const result = score(subject, other);
      const value = result?.score ?? 0;
      expect(value).toBeLessThan(hit.score);
      expect(value).toBeLessThan(DEFAULT_SCREENING_THRESHOLDS.hit);
      if (result) expectFactorsAddUp(result);
    }
    expectFactorsAddUp(hit);
  });
});

describe('scoreScreening: birth date', () => {
  const effect = (subjectDates: string[], entryDates: string[]): number => score({ names: ['Viktor Petrov'], birthDates: subjectDates }, entry(['Viktor Petrov'], { birthDates: entryDates }))!.factors[1].effect;

  it.each([
    [['1970-03-15'], ['1970-03-15'], 0.05],
    [['1970-03-04'], ['1970-04-03'], 0.03],
    [['1970-03-15'], ['1970-09-01'], 0.02],
    [['1970'], ['1970-03-15'], 0.02],
    [['1970-03'], ['1971'], 0],
    [['1970-03-15'], ['1973-03-15'], -0.15],
    [['1970-03-15'], ['1980-03-15'], -0.25],
    [['1950', '1970-03-15'], ['1980', '1970-03-15'], 0.05],
  ])('%j vs %j → %d', (subjectDates, entryDates, expected) => {
    expect(effect(subjectDates, entryDates)).toBe(expected);
  });

  it('says so when a side has no date', () => {
    const result = score({ names: ['Viktor Petrov'] }, entry(['Viktor Petrov'], { birthDates: ['1970'] }))!;
    expect(result.factors[1]).toEqual({ factor: 'birthDate', effect: 0, detail: 'no birth date to compare' });
    expect(effect(['not a date'], ['1970'])).toBe(0);
  });

  it('lowers the score when the dates are far apart', () => {
    const subject = { names: ['Viktor Petrova'], birthDates: ['1970-03-15'] };
    const matching = score(subject, entry(['Wiktor Petrov'], { birthDates: ['1970-03-15'] }))!;
    const far = score(subject, entry(['Wiktor Petrov'], { birthDates: ['1990'] }))!;
    expect(far.score).toBeLessThan(matching.score);
    expect(far.score).toBeLessThan(DEFAULT_SCREENING_THRESHOLDS.hit);
    expectFactorsAddUp(matching);
    expectFactorsAddUp(far);
  });
});

describe('scoreScreening: country', () => {
  const subject = { names: ['Viktor Petrova'], countries: ['RU', 'cy'] };

  it('raises the score on overlap and lowers it when disjoint', () => {
    const none = score(subject, entry(['Wiktor Petrov']))!;
    const shared = score(subject, entry(['Wiktor Petrov'], { countries: ['CY'] }))!;
    const disjoint = score(subject, entry(['Wiktor Petrov'], { countries: ['US'] }))!;
    expect(none.factors[2]).toEqual({ factor: 'country', effect: 0, detail: 'no country to compare' });
    expect(shared.factors[2].effect).toBe(0.03);
    expect(disjoint.factors[2].effect).toBe(-0.05);
    expect(shared.score).toBeGreaterThan(none.score);
    expect(disjoint.score).toBeLessThan(none.score);
    for (const result of [none, shared, disjoint]) expectFactorsAddUp(result);
  });
});

describe('scoreScreening: organisations', () => {
  const subject: ScreeningSubject = { names: ['Savukhan Trading JSC'], type: 'organization' };

  it('ignores legal forms', () => {
    const result = score(subject, entry(['SAVUKHAN TRADING'], { type: 'organization' }))!;
    expect(result.score).toBeGreaterThanOrEqual(0.9);
    expectFactorsAddUp(result);
  });

  it('penalises an entry of the other type', () => {
    const organisation = score(subject, entry(['SAVUKHAN TRADING'], { type: 'organization' }))!;
    const person = score(subject, entry(['Savukhan Trading'], { type: 'person' }))!;
    expect(person.factors[3]).toEqual({ factor: 'type', effect: -0.3, detail: 'subject is organization, entry is person' });
    expect(person.score).toBeLessThan(organisation.score);
    expect(person.score).toBeLessThan(DEFAULT_SCREENING_THRESHOLDS.hit);
    expectFactorsAddUp(person);
  });

  it('does not match on a generic word alone', () => {
    expect(score(subject, entry(['Acme Trading LLC'], { type: 'organization' }), DEFAULT_SCREENING_THRESHOLDS)).toBeNull();
  });

  it('reads a subject of unknown type as an organisation against organisation entries', () => {
    const result = score({ names: ['Savukhan Trading Joint Stock Company'] }, entry(['SAVUKHAN TRADING'], { type: 'organization' }))!;
    expect(result.nameScore).toBe(1);
    expect(result.factors[3].effect).toBe(0);
  });
});

describe('names in Cyrillic', () => {
  it('meet their Latin spellings', () => {
    const subject = prepareSubject({ names: ['Виктор Александрович Петров'], birthDates: ['1971-03-02'] });
    const entry = prepareEntry({ names: ['PETROV, Wiktor'], aliases: [], type: 'person', birthDates: ['1971-03-02'], countries: [] });
    expect(scoreScreening(subject, entry)!.score).toBeGreaterThanOrEqual(0.85);
    const ukrainian = prepareSubject({ names: ['Олександр Шевченко'] });
    expect(scoreScreening(ukrainian, prepareEntry({ names: ['Alexander Shevchenko'], aliases: [], type: 'person', birthDates: [], countries: [] }))!.score).toBeGreaterThanOrEqual(0.85);
  });
});

describe('document numbers', () => {
  it('raise the score when the subject and the entry share one, whatever its punctuation', () => {
    const entry = prepareEntry({ names: ['Karimov, Rustam'], aliases: [], type: 'person', birthDates: [], countries: [], identifiers: ['AB 123-456'] });
    const withNumber = scoreScreening(prepareSubject({ names: ['R. Karimov'], identifiers: ['ab123456'] }), entry)!;
    const without = scoreScreening(prepareSubject({ names: ['R. Karimov'] }), entry)!;
    const other = scoreScreening(prepareSubject({ names: ['R. Karimov'], identifiers: ['XY999999'] }), entry)!;
    expect(withNumber.factors.find((factor) => factor.factor === 'identifier')!.effect).toBeGreaterThan(0);
    expect(withNumber.score).toBeGreaterThan(without.score);
    expect(other.score).toBe(without.score);
  });
});
