import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

let cached: string | undefined;

/** The folder holding this project's package.json, whether running from src/ (tests) or dist/. */
export function projectRoot(): string {
  if (cached) return cached;
  let directory = __dirname;
  while (dirname(directory) !== directory) {
    const manifest = join(directory, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'customer-graph') {
      cached = directory;
      return directory;
    }
    directory = dirname(directory);
  }
  throw new Error(`Cannot find the customer-graph package.json above ${__dirname}`);
}
