import { plainToInstance } from 'class-transformer';
import { IsDefined, IsOptional, IsString, validateSync } from 'class-validator';
import { generateRecords } from '../../../seed/generator/generate';
import { SourceEventDto } from '../../ingest/dto/source-event.dto';
import { SourceRecordDto } from '../../ingest/dto/source-record.dto';
import { certainlyValid } from './compiled-class-rules';

/** What validateItem's slow path decides: class-validator on the class instance. */
function classValidatorAccepts(dto: new () => object, value: unknown): boolean {
  return validateSync(plainToInstance(dto, value) as object, { whitelist: true, forbidNonWhitelisted: true }).length === 0;
}

/** Values that break one rule or another: wrong types, blanks, too long, impossible dates, bad shapes. */
const ODD_VALUES: unknown[] = [
  null, 0, 1.5, -1, 1e13, true, '', ' ', 'x'.repeat(401), 'a\u0000b', '2023-02-30', '1800-01-01', '2999-01-01', '2020-13', 'ZZZ', 'zz', 'SPOUSE', 'spouse',
  '2024-05-01T10:00:00Z', '2024-05-01 10:00', [], [null], ['x'], [1], [{}], [[]], Array.from({ length: 21 }, () => 'a'), {}, { a: 1 }, { full: '' }, { name: 'x' },
];

/** Every variant of `record` with one value replaced, removed, or an unknown field added, at any depth. */
function* variants(record: unknown): Generator<unknown> {
  if (Array.isArray(record)) {
    for (let index = 0; index < record.length; index++) {
      for (const inner of [...ODD_VALUES.map((value) => () => value), ...[...variants(record[index])].map((value) => () => value)]) {
        yield record.map((element, at) => (at === index ? inner() : element));
      }
    }
    return;
  }
  if (typeof record !== 'object' || record === null) return;
  const object = record as Record<string, unknown>;
  yield { ...object, unexpected: 'x' };
  for (const key of Object.keys(object)) {
    const { [key]: _removed, ...rest } = object;
    yield rest;
    for (const value of ODD_VALUES) yield { ...object, [key]: value };
    for (const value of variants(object[key])) yield { ...object, [key]: value };
  }
}

describe('certainlyValid (class-validator rules compiled for the hot path)', () => {
  const generated = [...generateRecords({ people: 400, seed: 7 })].map((item) => JSON.parse(JSON.stringify(item.record)) as Record<string, unknown>);

  it('takes every generated record on the fast path, and class-validator agrees they are valid', () => {
    expect(generated.length).toBeGreaterThan(500);
    for (const record of generated) {
      expect(certainlyValid(SourceRecordDto, record)).toBe(true);
      expect(classValidatorAccepts(SourceRecordDto, record)).toBe(true);
    }
  });

  it('never passes a record that class-validator refuses, whatever field is broken and however deep', () => {
    let refused = 0;
    let deferred = 0;
    let checked = 0;
    // The richest records: those with addresses, identifiers, relationships and a referrer.
    const samples = [...generated].sort((a, b) => JSON.stringify(b).length - JSON.stringify(a).length).slice(0, 25);
    samples.push({ sourceId: 'X-1', type: 'organization', organization: { name: 'Acme Ltd', registrationNumber: '123', country: 'GB' }, devices: ['d-1'] });
    for (const sample of samples) {
      for (const variant of variants(sample)) {
        checked++;
        const fast = certainlyValid(SourceRecordDto, variant);
        const slow = classValidatorAccepts(SourceRecordDto, variant);
        if (fast && !slow) throw new Error(`passed on the fast path, refused by class-validator: ${JSON.stringify(variant)}`);
        if (!slow) refused++;
        else if (!fast) deferred++;
      }
    }
    // The variants do break rules (else this test would show nothing), and most valid ones stay on the fast path.
    expect(checked).toBeGreaterThan(20_000);
    expect(refused).toBeGreaterThan(checked / 2);
    expect(deferred).toBeLessThan((checked - refused) / 4);
  });

  it('checks events the same way', () => {
    const event = { sourceId: 'CRM-1', eventId: 'E-1', kind: 'transaction', occurredAt: '2024-05-01T10:00:00Z', amount: 12.5, currency: 'EUR', direction: 'debit' };
    expect(certainlyValid(SourceEventDto, event)).toBe(true);
    for (const variant of variants(event)) {
      if (certainlyValid(SourceEventDto, variant)) expect(classValidatorAccepts(SourceEventDto, variant)).toBe(true);
    }
  });

  it('leaves to class-validator a class with rules it does not mirror, and anything not a plain object', () => {
    class Defined {
      @IsDefined() @IsString()
      value!: string;
    }
    class Plain {
      @IsOptional() @IsString()
      value?: string;
    }
    expect(certainlyValid(Defined, { value: 'x' })).toBe(false);
    expect(certainlyValid(Plain, { value: 'x' })).toBe(true);
    expect(certainlyValid(Plain, { value: 1 })).toBe(false);
    expect(certainlyValid(Plain, [{ value: 'x' }])).toBe(false);
    expect(certainlyValid(Plain, Object.assign(new Plain(), { value: 'x' }))).toBe(false);
    expect(certainlyValid(Plain, JSON.parse('{"__proto__": {"value": 1}}'))).toBe(false);
  });
});
