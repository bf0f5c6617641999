import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDataset, generateRecords } from './generate';

const FILES = ['records.ndjson', 'truth.csv', 'manifest.json'];

describe('generateDataset', () => {
  const root = mkdtempSync(join(tmpdir(), 'seed-generator-'));
  const dir = (name: string) => join(root, name);
  const read = (name: string, file: string) => readFileSync(join(dir(name), file));

  beforeAll(async () => {
    await generateDataset({ people: 1500, seed: 7, outDir: dir('a') });
    await generateDataset({ people: 1500, seed: 7, outDir: dir('b') });
    await generateDataset({ people: 1500, seed: 8, outDir: dir('c') });
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('writes byte-identical files for the same seed', () => {
    for (const file of FILES) expect(read('a', file).equals(read('b', file))).toBe(true);
  });

  it('writes different records for a different seed', () => {
    expect(read('a', 'records.ndjson').equals(read('c', 'records.ndjson'))).toBe(false);
    expect(read('a', 'truth.csv').equals(read('c', 'truth.csv'))).toBe(false);
  });

  it('has one truth row per record, in the same order, and no key twice', () => {
    const records = read('a', 'records.ndjson').toString().trimEnd().split('\n').map((line) => JSON.parse(line) as { system: string; record: { sourceId: string } });
    const [header, ...rows] = read('a', 'truth.csv').toString().trimEnd().split('\n');
    expect(header).toBe('system,sourceId,entityId');
    expect(rows).toHaveLength(records.length);
    records.forEach((line, index) => {
      const [system, sourceId, entityId] = rows[index].split(',');
      expect([system, sourceId]).toEqual([line.system, line.record.sourceId]);
      expect(entityId).toMatch(/^[PO]\d{8}$/);
    });
    expect(new Set(rows.map((row) => row.split(',').slice(0, 2).join(':'))).size).toBe(rows.length);
    const manifest = JSON.parse(read('a', 'manifest.json').toString());
    expect(manifest.records.total).toBe(records.length);
    expect(manifest.people).toBe(1500);
    expect(new Set(rows.map((row) => row.split(',')[2]).filter((id) => id.startsWith('P'))).size).toBe(1500);
  });

  it('yields the same records in process, asynchronously or not, as it writes to disk', async () => {
    const lines = read('a', 'records.ndjson').toString().trimEnd().split('\n');
    const asynchronously: string[] = [];
    for await (const { system, record } of generateRecords({ people: 1500, seed: 7 })) asynchronously.push(JSON.stringify({ system, record }));
    expect(asynchronously).toEqual(lines);
    const synchronously = [...generateRecords({ people: 1500, seed: 7 })].map(({ system, record }) => JSON.stringify({ system, record }));
    expect(synchronously).toEqual(lines);
  });
});
