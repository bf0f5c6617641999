import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../src/config/project-root';
import { decodeGolden } from '../src/resolution';
import { generatePeople } from './support/people';
import { createTestApp, TEST_KEYS, TestApp, uniqueSurname, uniqueTag } from './support/test-app';

const root = projectRoot();
const importCli = join(root, 'dist', 'src', 'cli', 'import', 'import-cli.js');

interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the built import command against the test Neo4j (NEO4J_URI from the global setup). */
function startImport(args: string[], env: NodeJS.ProcessEnv = {}): { child: ChildProcess; done: Promise<CliRun> } {
  if (!existsSync(importCli)) throw new Error('dist/ is missing: `npm test` builds first; run `npm run build` when running jest directly');
  const child = spawn(process.execPath, [importCli, ...args], { cwd: root, env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += String(chunk)));
  child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
  const done = new Promise<CliRun>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, done };
}

const runImport = (args: string[], env?: NodeJS.ProcessEnv) => startImport(args, env).done;

describe('npm run import', () => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    t = await createTestApp();
    dir = mkdtempSync(join(tmpdir(), 'customer-graph-import-'));
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const recordOf = (system: string, sourceId: string) => t.http.get(`/v1/sources/${system}/records/${encodeURIComponent(sourceId)}`).set('x-api-key', TEST_KEYS.analyst);

  it('loads every good row of a CSV and puts each bad row in the reject file with its line and reason', async () => {
    const system = uniqueTag('csv-');
    const family = uniqueSurname();
    const file = join(dir, `${system}.csv`);
    writeFileSync(
      file,
      [
        'sourceId,name.given,name.family,birthDate,emails,phones,addresses.line1,addresses.postcode,addresses.country',
        `A1,Anna,${family},1980-04-12,anna.${family}@example.com,+44 20 7946 0958,12 Baker Street,NW1 6XE,GB`,
        `A2,Bob,${family},1980-02-30,bob.${family}@example.com,,1 High St,LS1 1AA,GB`,
        `A3,Peggy,${family},1970-01-01,peggy.${family}@example.com,,2 High St,LS1 1AB`,
        `A4,,,1970-01-01,,,,,`,
        `A5,"Maria ""Mia""",${family},1990-05-05,maria.${family}@example.com;mia.${family}@example.com,,"3 Low`,
        `Street",LS1 1AC,GB`,
        `A6,Margaret,${family},1970-01-01,PEGGY.${family}@example.com,,2 High Street,LS1 1AB,GB`,
        '',
      ].join('\n'),
    );
    const run = await runImport([file, '--system', system, '--batch-size', '2']);
    expect(run.stderr).not.toMatch(/import stopped/);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/rows read\s+6/);
    expect(run.stdout).toMatch(/loaded\s+3/);
    expect(run.stdout).toMatch(/rejected\s+3/);

    const rejects = readFileSync(`${file}.rejects.ndjson`, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(rejects.map((reject) => reject.line)).toEqual([3, 4, 5]);
    expect(rejects[0]).toMatchObject({ sourceId: 'A2', errors: [{ field: 'birthDate', column: 'birthDate' }] });
    expect(rejects[0].reason).toMatch(/birthDate.*real date/);
    expect(rejects[1].reason).toBe('has 8 fields where the header has 9');
    expect(rejects[2].reason).toMatch(/name is required/);

    for (const sourceId of ['A1', 'A5', 'A6']) expect((await recordOf(system, sourceId)).status).toBe(200);
    for (const sourceId of ['A2', 'A3', 'A4']) expect((await recordOf(system, sourceId)).status).toBe(404);
    const multiline = (await recordOf(system, 'A5')).body;
    expect(multiline.record).toMatchObject({ name: { given: 'Maria "Mia"' }, emails: [`maria.${family}@example.com`, `mia.${family}@example.com`], addresses: [{ line1: '3 Low\nStreet' }] });

    // Running it again finds the checkpoint of a finished import and loads nothing twice.
    const again = await runImport([file, '--system', system]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/was already imported/);
  }, 120_000);

  it("maps a CRM export's own columns through a mapping file and sends them through the REST API", async () => {
    const system = uniqueTag('crmx-');
    const family = uniqueSurname();
    const file = join(dir, `${system}.csv`);
    const mappingFile = join(dir, `${system}.mapping.json`);
    writeFileSync(
      file,
      ['Customer No;Forename;Surname;DOB;E-mail;Mobile;Street;Town;NI Number;Internal Notes', `77;Robert;${family};03/02/1971;Bob.${family}@Example.com;07700 900123;1 High St;Leeds;QQ123456C;vip`, ''].join('\n'),
    );
    writeFileSync(
      mappingFile,
      JSON.stringify({
        columns: {
          'Customer No': 'sourceId',
          Forename: 'name.given',
          Surname: 'name.family',
          DOB: { field: 'birthDate', dateFormat: 'DD/MM/YYYY' },
          'E-mail': 'emails',
          Mobile: 'phones',
          Street: 'addresses.line1',
          Town: 'addresses.locality',
          'NI Number': { field: 'identifiers', identifierType: 'national_id', country: 'GB' },
        },
        constants: { 'addresses.country': 'GB' },
      }),
    );
    await t.app.listen(0, '127.0.0.1');
    const port = (t.app.getHttpServer().address() as AddressInfo).port;
    const run = await runImport([file, '--system', system, '--mapping', mappingFile, '--delimiter', ';', '--api', `http://127.0.0.1:${port}`], { API_KEY: TEST_KEYS.ingest });
    expect(run.stderr).toMatch(/columns not loaded \(not in the mapping\): Internal Notes/);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/loaded\s+1/);
    const record = (await recordOf(system, '77')).body;
    expect(record.record).toEqual(
      expect.objectContaining({
        birthDate: '1971-02-03',
        emails: [`Bob.${family}@Example.com`],
        identifiers: [{ type: 'national_id', value: 'QQ123456C', country: 'GB' }],
        addresses: [{ line1: '1 High St', locality: 'Leeds', country: 'GB' }],
      }),
    );

    const wrongKey = await runImport([file, '--system', system, '--mapping', mappingFile, '--delimiter', ';', '--api', `http://127.0.0.1:${port}`, '--restart'], { API_KEY: 'not-a-key' });
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.stderr).toMatch(/the API refused the batch: 401/);
  }, 120_000);

  it('loads a JSON file of records and reports a bad item by its position', async () => {
    const system = uniqueTag('json-');
    const family = uniqueSurname();
    const file = join(dir, `${system}.json`);
    writeFileSync(
      file,
      JSON.stringify({
        records: [
          { sourceId: 'J1', name: { given: 'Perpetua', family }, birthDate: '1966-06-16' },
          { sourceId: 'J2', name: { given: 'Quentin', family }, birthDate: '1966-13-01' },
          'not a record',
        ],
      }),
    );
    const run = await runImport([file, '--system', system]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/loaded\s+1\b/);
    const rejects = readFileSync(`${file}.rejects.ndjson`, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(rejects.map((reject) => [reject.line, reject.errors[0].field])).toEqual([[2, 'birthDate'], [3, '']]);
    expect((await recordOf(system, 'J1')).status).toBe(200);
  }, 60_000);

  it('refuses bad arguments and a header it cannot map before loading anything', async () => {
    const file = join(dir, 'odd-header.csv');
    writeFileSync(file, 'id,First Name\n1,Ann\n');
    const missingSystem = await runImport([file]);
    expect(missingSystem.code).toBe(2);
    expect(missingSystem.stderr).toMatch(/--system is required/);
    const oddHeader = await runImport([file, '--system', uniqueTag('odd-')]);
    expect(oddHeader.code).toBe(2);
    expect(oddHeader.stderr).toMatch(/column "id": "id" is not a canonical field path/);
    expect(oddHeader.stderr).toMatch(/--mapping/);
  }, 60_000);

  it('resumes after being killed and after Ctrl-C, and ends with the graph of an uninterrupted run', async () => {
    const tag = uniqueTag('res');
    const system = `resume-${tag.toLowerCase()}`;
    // 250 people with 3–5 records each, as one file from one system.
    // Phones of this run only: the generated ones repeat between tests that share the database.
    const runDigits = String(Math.floor(Math.random() * 1e6)).padStart(6, '0');
    const records = generatePeople(250, tag, 11).map(({ system: origin, personIndex, record }) => ({
      ...record,
      sourceId: `${origin}-${record.sourceId}`,
      phones: (record.phones as string[]).map(() => `+44 7${runDigits}${String(personIndex).padStart(3, '0')}`),
    }));
    const file = join(dir, `${system}.ndjson`);
    writeFileSync(file, records.map((record) => JSON.stringify(record)).join('\n') + '\n');
    const statePath = `${file}.import-state.json`;
    const args = [file, '--system', system, '--batch-size', '20', '--progress-interval', '0'];

    const uninterrupted = await runImport(args);
    expect(uninterrupted.code).toBe(0);
    const expected = await graphOf(system);
    expect(expected.records).toBe(records.length);
    expect(expected.onOneActiveCustomer).toBe(true);
    expect(expected.partition).toHaveLength(250);
    expect(expected.partition[0].golden).toMatch(/"name"/);
    await eraseSystem(system);
    expect((await graphOf(system)).records).toBe(0);

    // Killed outright once a few batches are in, then stopped with Ctrl-C further on.
    rmSync(statePath);
    const killed = startImport(args);
    await until(() => itemsDone(statePath) >= 100);
    killed.child.kill('SIGKILL');
    expect((await killed.done).signal).toBe('SIGKILL');
    const afterKill = itemsDone(statePath);
    expect(afterKill).toBeLessThan(records.length);

    const interrupted = startImport(args);
    await until(() => itemsDone(statePath) >= afterKill + 200);
    interrupted.child.kill('SIGINT');
    const stopped = await interrupted.done;
    expect(stopped.code).toBe(130);
    expect(stopped.stderr).toMatch(/run the same command again to continue/);
    expect(stopped.stdout).toMatch(/stopped before the end/);
    expect(itemsDone(statePath)).toBeLessThan(records.length);

    const resumed = await runImport(args);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toMatch(/resuming after item \d+/);
    expect(resumed.stdout).toMatch(new RegExp(`rows read\\s+${records.length}\\b`));
    expect(await graphOf(system)).toEqual(expected);
  }, 300_000);

  /** The part of the graph an import of `system` makes: records, the partition, golden records, reviews. */
  async function graphOf(system: string) {
    const rows = await t.neo4j.readRows<{ sourceId: string; customerId: string; status: string; golden: string; contentHash: string; customers: number }>(
      `MATCH (r:SourceRecord {system: $system})
       OPTIONAL MATCH (r)-[:RESOLVED_TO]->(c:Customer)
       WITH r, collect(c) AS customers
       RETURN r.sourceId AS sourceId, r.contentHash AS contentHash, size(customers) AS customers,
              customers[0].id AS customerId, customers[0].status AS status, customers[0].golden AS golden`,
      { system },
    );
    const groups = new Map<string, string[]>();
    for (const row of rows) groups.set(row.customerId, [...(groups.get(row.customerId) ?? []), row.sourceId]);
    // Times default to the moment of loading when a record has none, so they differ between two loads of one file.
    const goldenByGroup = new Map(rows.map((row) => [row.customerId, JSON.stringify(decodeGolden(row.golden), (key, value) => (key === 'observedAt' || key === 'at' ? '…' : value))]));
    const partition = [...groups].map(([customerId, members]) => ({ members: members.sort(), golden: goldenByGroup.get(customerId) })).sort((a, b) => a.members[0].localeCompare(b.members[0]));
    const [reviews] = await t.neo4j.readRows<{ open: number }>(
      `MATCH (task:ReviewTask)-[:ABOUT]->(r:SourceRecord {system: $system}) RETURN count(DISTINCT task) AS open`,
      { system },
    );
    return {
      records: rows.length,
      onOneActiveCustomer: rows.every((row) => row.customers === 1 && row.status === 'ACTIVE'),
      contentHashes: rows.map((row) => `${row.sourceId}:${row.contentHash}`).sort(),
      partition,
      reviews: reviews.open,
    };
  }

  /** Removes what an import of `system` made, so the same file can be loaded again from nothing. */
  async function eraseSystem(system: string): Promise<void> {
    await t.neo4j.writeRows(
      `MATCH (r:SourceRecord {system: $system})
       OPTIONAL MATCH (task:ReviewTask)-[:ABOUT|CANDIDATE]->(r)
       OPTIONAL MATCH (r)-[:RESOLVED_TO]->(c:Customer)
       OPTIONAL MATCH (merged:Customer)-[:MERGED_INTO*1..]->(c)
       DETACH DELETE task, merged, c, r`,
      { system },
    );
  }
});

function itemsDone(statePath: string): number {
  try {
    return (JSON.parse(readFileSync(statePath, 'utf8')) as { itemsDone: number }).itemsDone;
  } catch {
    return 0;
  }
}

async function until(condition: () => boolean, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the import to make progress');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
