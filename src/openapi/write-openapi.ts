import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from '../app.factory';
import { loadConfig } from '../config/app-config';
import { projectRoot } from '../config/project-root';
import { createRootLogger } from '../common/logging/logger';
import { buildOpenApiDocument } from './openapi';

/**
 * Writes openapi.json from the built application (`npm run openapi`), or with --check
 * exits 1 when the checked-in file differs. Needs no database: the app is never started.
 */
async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const config = loadConfig({ ...process.env, NEO4J_URI: 'bolt://127.0.0.1:1', LOG_LEVEL: 'silent' });
  const app = await createApp(config, { logger: createRootLogger('silent') });
  const text = JSON.stringify(buildOpenApiDocument(app), null, 2) + '\n';
  await app.close();
  const file = join(projectRoot(), 'openapi.json');
  if (check) {
    let current = '';
    try {
      current = readFileSync(file, 'utf8');
    } catch {
      // missing counts as stale
    }
    if (current !== text) {
      console.error('openapi.json is stale: run `npm run openapi` and commit the result');
      process.exit(1);
    }
    console.log('openapi.json is up to date');
    return;
  }
  writeFileSync(file, text);
  console.log(`wrote ${file}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
