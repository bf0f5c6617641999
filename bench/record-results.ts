import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../src/config/project-root';

/** The machine a figure was measured on, written beside every result. */
export function machineDescription(): Record<string, string | number> {
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    measuredAt: new Date().toISOString(),
  };
}

/** Writes bench/results/<name>.json and a Markdown table beside it. */
export function recordResults(name: string, title: string, rows: Array<Record<string, string | number>>, notes: string[] = []): void {
  const directory = join(projectRoot(), 'bench', 'results');
  mkdirSync(directory, { recursive: true });
  const machine = machineDescription();
  writeFileSync(join(directory, `${name}.json`), JSON.stringify({ title, machine, rows, notes }, null, 2) + '\n');
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const markdown = [
    `# ${title}`,
    '',
    `Measured ${machine.measuredAt} on ${machine.cores} × ${machine.cpu}, ${machine.memoryGiB} GiB, Node ${machine.node}.`,
    '',
    `| ${columns.join(' | ')} |`,
    `| ${columns.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${columns.map((column) => String(row[column] ?? '')).join(' | ')} |`),
    '',
    ...notes.map((note) => `- ${note}`),
    '',
  ].join('\n');
  writeFileSync(join(directory, `${name}.md`), markdown);
  console.log(markdown);
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
