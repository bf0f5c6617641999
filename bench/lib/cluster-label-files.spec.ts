import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCrosswalkNdjson, readTruthCsv } from './cluster-label-files';

describe('cluster label files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'labels-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the generator truth and a crosswalk as record key → label', async () => {
    writeFileSync(join(dir, 'truth.csv'), 'system,sourceId,entityId\ncrm,CRM-1,P1\nloyalty,LOY2,P1\n');
    writeFileSync(join(dir, 'crosswalk.ndjson'), '{"system":"crm","sourceId":"CRM-1","customerId":"c-9"}\n\n');
    expect(await readTruthCsv(join(dir, 'truth.csv'))).toEqual(new Map([['crm:CRM-1', 'P1'], ['loyalty:LOY2', 'P1']]));
    expect(await readCrosswalkNdjson(join(dir, 'crosswalk.ndjson'))).toEqual(new Map([['crm:CRM-1', 'c-9']]));
  });

  it('refuses a file that is not a truth file', async () => {
    writeFileSync(join(dir, 'other.csv'), 'a,b,c\n');
    await expect(readTruthCsv(join(dir, 'other.csv'))).rejects.toThrow(/expected the header/);
  });
});
