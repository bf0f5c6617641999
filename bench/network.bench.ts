import { parseArgs } from 'node:util';
import { MatchModelProvider } from '../src/ingest/match-model.provider';
import { Neo4jService } from '../src/neo4j/neo4j.service';
import { seededRandom } from '../src/resolution/train/seeded-random';
import { graphCounts, loadResolvedGraph, sampleCustomerIds } from './lib/resolved-graph';
import { latencyRow, startBenchService } from './lib/bench-service';
import { recordResults } from './record-results';


const WARM_UP_REQUESTS = 1000;

/** The parts of network answers the benchmark reads. */
interface ApiAnswer {
  nodes: Array<{ id: string; label: string; depth: number }>;
  truncated: boolean;
  found: boolean;
  hops: number;
}

/**
 * Network queries on a graph of generated people (households, families, referrals, shared
 * identifiers, a shared call-centre phone), each record put on its true customer: the graph
 * ingest would build with perfect resolution. Then, through the REST API: 2-hop neighbourhoods
 * and shortest paths between customers up to 6 hops apart.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      people: { type: 'string', default: '1000000' },
      samples: { type: 'string', default: '500' },
      seed: { type: 'string', default: '42' },
      'data-dir': { type: 'string' },
      'warm-store': { type: 'boolean', default: true },
    },
  });
  const people = Number(values.people);
  const samples = Number(values.samples);
  const service = await startBenchService(values['data-dir'], 'network');
  const { graph, cypher } = service;
  try {
    const existing = await graphCounts(graph, cypher);
    const load = existing.customers > 0 ? { seconds: 0, records: 0 } : await loadResolvedGraph(service.app.get(MatchModelProvider), graph, cypher, people, Number(values.seed));
    const counts = await graphCounts(graph, cypher);
    console.log(`graph: ${JSON.stringify(counts)}`);

    const random = seededRandom(Number(values.seed) + 7);
    const ids = await sampleCustomerIds(graph, cypher, samples * 2, people, random);
    const get = (path: string) => service.get<ApiAnswer>(path);

    // The figures are of a service that has been up a while: the store in the page cache (as
    // bench:profile reads it), the query plans cached and the request path compiled by Node.
    const warmStart = performance.now();
    if (values['warm-store']) await graph.readRows(cypher.get('bench/warm-up-store'));
    const warmSeconds = (performance.now() - warmStart) / 1000;
    for (let n = 0; n < WARM_UP_REQUESTS; n++) await get(`/v1/customers/${ids[n % Math.min(100, ids.length)]}/network?depth=2`);

    const neighbourhood: number[] = [];
    const sizes: number[] = [];
    let truncated = 0;
    for (const id of ids.slice(0, samples)) {
      const { ms, body } = await get(`/v1/customers/${id}/network?depth=2`);
      neighbourhood.push(ms);
      sizes.push(body.nodes.length);
      if (body.truncated) truncated++;
    }

    // Pairs with a path: walk up to 6 random hops from a start, through what the neighbourhood answers.
    const connected: number[] = [];
    const hops: number[] = [];
    const unconnected: number[] = [];
    for (const start of ids.slice(samples, samples + samples)) {
      const target = await randomWalk(get, start, 1 + Math.floor(random() * 6), random);
      if (!target) continue;
      const { ms, body } = await get(`/v1/network/paths?from=${start}&to=${target}&maxDepth=6`);
      (body.found ? connected : unconnected).push(ms);
      if (body.found) hops.push(body.hops);
    }
    const randomPairs: number[] = [];
    for (let i = 0; i < Math.min(200, samples); i++) {
      const { ms } = await get(`/v1/network/paths?from=${ids[i]}&to=${ids[ids.length - 1 - i]}&maxDepth=6`);
      randomPairs.push(ms);
    }

    const hopCounts = hops.reduce<Record<number, number>>((counts, value) => ({ ...counts, [value]: (counts[value] ?? 0) + 1 }), {});
    recordResults(
      'network',
      `Network queries at ${counts.customers.toLocaleString('en')} customers`,
      [
        latencyRow('neighbourhood, depth 2', neighbourhood, { 'mean nodes': Math.round(sizes.reduce((a, b) => a + b, 0) / Math.max(1, sizes.length)), truncated }),
        latencyRow('shortest path, pairs ≤ 6 hops apart', connected, { hops: Object.entries(hopCounts).map(([h, n]) => `${h}:${n}`).join(' ') }),
        latencyRow('shortest path, random pairs (mostly none within 6)', randomPairs),
      ],
      [
        `\`npm run bench:network -- --people ${people}\`: ${counts.customers.toLocaleString('en')} customers, ${counts.records.toLocaleString('en')} source records, ${counts.identifiers.toLocaleString('en')} identifier nodes, ${counts.relationships.toLocaleString('en')} disclosed relationships, ${counts.referrals.toLocaleString('en')} referrals; generated people (seed ${values.seed}) put on their true customer${load.seconds ? `, loaded in ${Math.round(load.seconds)} s` : ''}.`,
        `Embedded Neo4j 5.26 on the same machine (heap 4 GiB, page cache ${service.pageCacheMb / 1024} GiB); every request through the REST API with its API key check and audit write, one client, after ${WARM_UP_REQUESTS} warm-up requests${values['warm-store'] ? ` and after the store was read into the page cache (${warmSeconds.toFixed(0)} s; --no-warm-store skips it)` : ', the store not read beforehand (--no-warm-store)'}.`,
        'Targets: 2-hop neighbourhood p95 ≤ 30 ms; shortest path up to 6 hops p95 ≤ 50 ms.',
        `Paths whose walk found no path back within 6 hops (walks through a hub): ${unconnected.length}.`,
      ],
    );
  } finally {
    await service.close();
  }
}

/**
 * A customer about `steps` hops from `start`: legs of up to two hops, each ending on a customer
 * at the far edge of that leg's neighbourhood and not seen before (the true distance may be shorter).
 */
async function randomWalk(get: (path: string) => Promise<{ body: ApiAnswer }>, start: string, steps: number, random: () => number): Promise<string | undefined> {
  let current = start;
  const seen = new Set([start]);
  let remaining = steps;
  while (remaining > 0) {
    const leg = Math.min(2, remaining);
    const { body } = await get(`/v1/customers/${current}/network?depth=${leg}&limit=200`);
    const customers = body.nodes.filter((node) => node.label === 'Customer' && !seen.has(node.id));
    customers.forEach((node) => seen.add(node.id));
    const farthest = Math.max(0, ...customers.map((node) => node.depth));
    const edge = customers.filter((node) => node.depth === farthest);
    if (edge.length === 0) return current === start ? undefined : current;
    current = edge[Math.floor(random() * edge.length)].id;
    remaining -= leg;
  }
  return current;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
