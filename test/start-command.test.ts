import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../src/config/project-root';
import { freePort } from '../src/neo4j/embedded/embedded-neo4j';
import { describeIf, javaAvailable } from './support/describe-if';

const root = projectRoot();
const built = (file: string) => join(root, 'dist', 'src', file);

function requireBuild(): void {
  if (!existsSync(built('main.js'))) throw new Error('dist/ is missing: `npm test` builds first; run `npm run build` when running jest directly');
}

describe('the checked-in openapi.json', () => {
  it('matches the spec generated from the built application', () => {
    requireBuild();
    const check = spawnSync(process.execPath, [built('openapi/write-openapi.js'), '--check'], { cwd: root, encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });
});

describeIf(javaAvailable(), 'no Java on this machine, so `npm start` cannot start the embedded Neo4j')('the start command (node dist/src/main.js, no NEO4J_URI)', () => {
  let child: ChildProcess | undefined;
  let dataDir: string;
  afterAll(() => {
    child?.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts the embedded Neo4j, serves the API, and stops both on SIGTERM', async () => {
    requireBuild();
    dataDir = mkdtempSync(join(tmpdir(), 'customer-graph-start-'));
    const [port, boltPort] = [await freePort(), await freePort()];
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), NEO4J_EMBEDDED_DATA_DIR: dataDir, NEO4J_EMBEDDED_PORT: String(boltPort) };
    for (const name of ['NEO4J_URI', 'NEO4J_USERNAME', 'NEO4J_PASSWORD', 'API_KEYS', 'NODE_ENV']) delete env[name];
    env.NEO4J_EMBEDDED_HEAP_MB = '512';
    env.NEO4J_EMBEDDED_PAGECACHE_MB = '64';
    const output: string[] = [];
    child = spawn(process.execPath, [built('main.js')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (chunk) => output.push(String(chunk)));
    child.stderr!.on('data', (chunk) => output.push(String(chunk)));

    const health = await poll(`http://127.0.0.1:${port}/health`, 150_000);
    expect(health).toMatchObject({ status: 'up', neo4j: { status: 'up', mode: 'embedded' } });
    const search = await fetch(`http://127.0.0.1:${port}/v1/customers`, { headers: { 'x-api-key': 'dev-admin-key-change-me' } });
    expect(search.status).toBe(200);
    expect(output.join('')).toContain('API_KEYS is not set');

    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(await portOpen(boltPort)).toBe(false);
  }, 200_000);
});

async function poll(url: string, timeoutMs: number): Promise<unknown> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return response.json();
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}
