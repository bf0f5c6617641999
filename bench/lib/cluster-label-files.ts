import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/** The key of a source record everywhere in Customer Graph (DESIGN §3). */
export function recordKey(system: string, sourceId: string): string {
  return `${system}:${sourceId}`;
}

async function* linesOf(path: string): AsyncGenerator<string> {
  for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) if (line.length > 0) yield line;
}

/** truth.csv of the generator (`system,sourceId,entityId`) as record key → entity id. */
export async function readTruthCsv(path: string): Promise<Map<string, string>> {
  const truth = new Map<string, string>();
  let header = true;
  for await (const line of linesOf(path)) {
    if (header) {
      if (line !== 'system,sourceId,entityId') throw new Error(`${path}: expected the header system,sourceId,entityId, got "${line}"`);
      header = false;
      continue;
    }
    const [system, sourceId, entityId] = line.split(',');
    truth.set(recordKey(system, sourceId), entityId);
  }
  return truth;
}

/** The crosswalk of `GET /v1/resolution/crosswalk` (NDJSON `{system, sourceId, customerId}`) as record key → customer id. */
export async function readCrosswalkNdjson(path: string): Promise<Map<string, string>> {
  const predicted = new Map<string, string>();
  for await (const line of linesOf(path)) {
    const { system, sourceId, customerId } = JSON.parse(line) as { system: string; sourceId: string; customerId: string };
    predicted.set(recordKey(system, sourceId), customerId);
  }
  return predicted;
}
