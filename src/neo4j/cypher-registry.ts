import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { projectRoot } from '../config/project-root';

/** Every statement in `cypher/`, loaded once by name (`customers/search-by-name`). Schema files are the migrations'. */
export class CypherRegistry {
  private readonly statements = new Map<string, string>();

  constructor(readonly directory = join(projectRoot(), 'cypher')) {
    for (const file of listCypherFiles(directory)) {
      const name = relative(directory, file).split(sep).join('/').replace(/\.cypher$/, '');
      if (!name.startsWith('schema/')) this.statements.set(name, compactCypher(readFileSync(file, 'utf8')));
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

/**
 * The statement as sent: comments dropped and whitespace runs made one space, outside string
 * literals and backtick names. The files stay commented for readers; the wire carries only the
 * query, and every 1,400 bytes of it is one more socket write in the driver.
 */
export function compactCypher(text: string): string {
  let out = '';
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === "'" || char === '"' || char === '`') {
      let end = i + 1;
      while (end < text.length && text[end] !== char) end += text[end] === '\\' && char !== '`' ? 2 : 1;
      if (pendingSpace && out) out += ' ';
      pendingSpace = false;
      out += text.slice(i, end + 1);
      i = end;
    } else if (char === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      pendingSpace = true;
    } else if (char === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
      pendingSpace = true;
    } else if (/\s/.test(char)) {
      pendingSpace = true;
    } else {
      if (pendingSpace && out) out += ' ';
      pendingSpace = false;
      out += char;
    }
  }
  return out;
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
