import { canonicalPath, createRowMapper, MappingError, reformatDate } from './field-mapping';

describe('canonical field paths', () => {
  it('gives list items an explicit position and keeps other paths', () => {
    expect(canonicalPath('addresses.line1')).toBe('addresses.0.line1');
    expect(canonicalPath('addresses.1.postcode')).toBe('addresses.1.postcode');
    expect(canonicalPath('identifiers.value')).toBe('identifiers.0.value');
    expect(canonicalPath('name.given')).toBe('name.given');
    expect(canonicalPath('emails')).toBe('emails');
    expect(canonicalPath('attributes.segment')).toBe('attributes.segment');
  });

  it('refuses what is not a field, naming it', () => {
    expect(() => canonicalPath('First Name')).toThrow(/"First Name" is not a canonical field path/);
    expect(() => canonicalPath('addresses.street')).toThrow(MappingError);
    expect(() => canonicalPath('name.nickname')).toThrow(MappingError);
  });
});

describe('dates in a declared layout', () => {
  it('rewrites them to ISO and leaves cells that do not fit for validation to name', () => {
    expect(reformatDate('12/04/1980', 'DD/MM/YYYY')).toBe('1980-04-12');
    expect(reformatDate('4-12-1980', 'MM-DD-YYYY')).toBe('1980-04-12');
    expect(reformatDate('04.1980', 'MM.YYYY')).toBe('1980-04');
    expect(reformatDate('1980-04-12', 'DD/MM/YYYY')).toBe('1980-04-12');
    expect(reformatDate('soon', 'DD/MM/YYYY')).toBe('soon');
  });
});

describe('rows with canonical headers', () => {
  const header = ['sourceId', 'name.given', 'name.family', 'birthDate', 'emails', 'phones', 'addresses.line1', 'addresses.postcode', 'addresses.1.line1', 'attributes.segment'];
  const mapper = createRowMapper(header);

  it('build nested records, split list cells and drop blank cells', () => {
    const record = mapper.toRecord(
      {
        sourceId: 'C-1', 'name.given': ' Anna ', 'name.family': "O'Neil", birthDate: '1980-04-12', emails: 'a@example.com; b@example.com', phones: '',
        'addresses.line1': '12 Baker Street', 'addresses.postcode': 'NW1 6XE', 'addresses.1.line1': '', 'attributes.segment': 'premier',
      },
      'crm',
    );
    expect(record).toEqual({
      sourceId: 'C-1',
      name: { given: 'Anna', family: "O'Neil" },
      birthDate: '1980-04-12',
      emails: ['a@example.com', 'b@example.com'],
      addresses: [{ line1: '12 Baker Street', postcode: 'NW1 6XE' }],
      attributes: { segment: 'premier' },
    });
  });

  it('know the column behind a field, for reject reasons', () => {
    expect(mapper.columnOf('birthDate')).toBe('birthDate');
    expect(mapper.columnOf('addresses.0.postcode')).toBe('addresses.postcode');
    expect(mapper.columnOf('emails.1')).toBe('emails');
    expect(mapper.columnOf('gender')).toBeUndefined();
  });

  it('refuse a header that is not canonical and point to --mapping', () => {
    expect(() => createRowMapper(['sourceId', 'First Name'])).toThrow(/"First Name".*\n.*--mapping/s);
    expect(() => createRowMapper(['name.given'])).toThrow(/no column gives sourceId/);
  });
});

describe('a mapping file', () => {
  const header = ['Customer No', 'Forename', 'Surname', 'DOB', 'Email', 'Mobile', 'Street', 'Town', 'NI Number', 'Spouse', 'Notes'];
  const mapper = createRowMapper(header, {
    columns: {
      'Customer No': 'sourceId',
      Forename: 'name.given',
      Surname: 'name.family',
      DOB: { field: 'birthDate', dateFormat: 'DD/MM/YYYY' },
      Email: 'emails',
      Mobile: 'phones',
      Street: 'addresses.line1',
      Town: 'addresses.locality',
      'NI Number': { field: 'identifiers', identifierType: 'national_id', country: 'GB' },
      Spouse: { field: 'relationships', relationshipType: 'SPOUSE' },
    },
    constants: { 'addresses.country': 'GB' },
  });

  it("maps an export's own columns to canonical fields, with constants", () => {
    const record = mapper.toRecord(
      { 'Customer No': '77', Forename: 'Bob', Surname: 'Smith', DOB: '03/02/1971', Email: 'BOB@EXAMPLE.COM', Mobile: '07700 900123', Street: '1 High St', Town: 'Leeds', 'NI Number': 'QQ123456C', Spouse: '78', Notes: 'x' },
      'crm',
    );
    expect(record).toEqual({
      sourceId: '77',
      name: { given: 'Bob', family: 'Smith' },
      birthDate: '1971-02-03',
      emails: ['BOB@EXAMPLE.COM'],
      phones: ['07700 900123'],
      addresses: [{ country: 'GB', line1: '1 High St', locality: 'Leeds' }],
      identifiers: [{ type: 'national_id', value: 'QQ123456C', country: 'GB' }],
      relationships: [{ type: 'SPOUSE', target: { system: 'crm', sourceId: '78' } }],
    });
    expect(mapper.unmapped).toEqual(['Notes']);
    expect(mapper.columnOf('identifiers.0.value')).toBe('NI Number');
  });

  it('names every problem at once: a missing column, a bad field, an identifier without its type', () => {
    let message = '';
    try {
      createRowMapper(['id', 'Name'], { columns: { id: 'sourceId', Name: 'name.nick', Passport: 'identifiers' } });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/column "Name": "name.nick" is not a canonical field path/);
    expect(message).toMatch(/names column "Passport", which the file does not have/);
    expect(message).toMatch(/needs "identifierType"/);
  });
});
