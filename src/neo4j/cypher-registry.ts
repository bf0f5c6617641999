import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { projectRoot } from '../config/project-root';

/** Every statement in `cypher/`, loaded once by name (`customers/search-by-name`). Schema files are the migrations'. */
export class CypherRegistry {
  private readonly statements = new Map<string, string>();

  constructor(readonly directory = join(projectRoot(), 'cypher')) {
    for (const file of listCypherFiles(directory)) {
      const name = relative(directory, file).split(sep).join('/').replace(/\.cypher$/, '');
      if (!name.startsWith('schema/')) this.statements.set(name, readFileSync(file, 'utf8').trim());
    }
  }

  get(name: string): string {
    const statement = this.statements.get(name);
    if (statement === undefined) throw new Error(`No Cypher statement named "${name}" in ${this.directory}`);
    return statement;
  }

  names(): string[] {
    return [...this.statements.keys()].sort();
  }
}

export function listCypherFiles(directory: string): string[] {
  return readdirSync(directory)
    .sort()
    .flatMap((entry) => {
      const path = join(directory, entry);
      if (statSync(path).isDirectory()) return listCypherFiles(path);
      return entry.endsWith('.cypher') ? [path] : [];
    });
}
