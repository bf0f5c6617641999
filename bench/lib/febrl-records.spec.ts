import { febrlBirthDate, febrlRecord, FEBRL_DATASETS, readFebrlDataset } from './febrl-records';

describe('FEBRL records', () => {
  it('reads a line as an Australian source record with its entity', () => {
    const { input, entityId } = febrlRecord('rec-1716-dup-1, isabelle, , 23, gundulu place, currin ga, utakarra, 2193, wa, 19921119, 4314184', 'febrl3');
    expect(entityId).toBe('1716');
    expect(input).toEqual({
      system: 'febrl3',
      sourceId: 'rec-1716-dup-1',
      type: 'person',
      name: { given: 'isabelle', family: undefined },
      birthDate: '1992-11-19',
      addresses: [{ line1: '23 gundulu place', line2: 'currin ga', locality: 'utakarra', region: 'wa', postcode: '2193', country: 'AU' }],
      identifiers: [{ type: 'social_security', value: '4314184', country: 'AU' }],
    });
  });

  it('keeps the valid part of an impossible birth date, as the API would ask a source to', () => {
    expect(febrlBirthDate('19560229')).toBe('1956-02-29');
    expect(febrlBirthDate('19570229')).toBe('1957-02');
    expect(febrlBirthDate('19561341')).toBe('1956');
    expect(febrlBirthDate('')).toBeUndefined();
  });

  it('reads every published data set with its true entities', () => {
    const sizes = Object.fromEntries(FEBRL_DATASETS.map((dataset) => {
      const records = readFebrlDataset(dataset);
      return [dataset.name, { records: records.length, entities: new Set(records.map((record) => record.entityId)).size }];
    }));
    expect(sizes).toEqual({
      febrl1: { records: 1000, entities: 500 },
      febrl2: { records: 5000, entities: 4000 },
      febrl3: { records: 5000, entities: 2000 },
      febrl4: { records: 10000, entities: 5000 },
    });
  });
});
