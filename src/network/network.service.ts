import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { AppError } from '../common/problem/app-error';
import { decodeCursor, pageOf } from '../common/pagination/pagination';
import { AppConfig } from '../config/app-config';
import { NormalisedRecord } from '../resolution';
import {
  AddRelationshipDto,
  EdgeEndDto,
  HouseholdResultDto,
  NeighbourhoodQuery,
  NetworkEdgeDto,
  NetworkGraphDto,
  NetworkPathDto,
  PathQuery,
  PathResultDto,
  ReferralQuery,
  RelationshipResultDto,
  SHARED_IDENTIFIER_TYPES,
  SharedIdentifiersPageDto,
  SharedIdentifiersQuery,
  TopReferrersDto,
} from './dto/network.dto';
import { householdOf, Resident } from './household-rule';
import { edgeKey, edgeKindsOf, edgesOfRow, GraphBuilder } from './network-graph';
import { ExpansionFilter, ExpansionRow, NetworkRepository } from './network.repository';

/** No hub limit for neighbourhoods: hubs are shown, with their first members and `truncated`. */
const NO_HUB_LIMIT = 2 ** 31 - 1;
/** Path search gives up (truncated) when one side's frontier grows past this many customers. */
const PATH_FRONTIER_CAP = 5000;
const MAX_PATHS = 10;
const MAX_PARENTS = 4;
const MAX_RESIDENTS = 200;
const RING_MEMBERS = 50;

@Injectable()
export class NetworkService {
  constructor(
    private readonly repository: NetworkRepository,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  /** The active customer an id stands for (a merged id leads to its survivor); 404 for an unknown id. */
  async activeCustomer(id: string, field = 'id'): Promise<{ id: string; displayName: string | null }> {
    const customer = await this.repository.resolveCustomer(id);
    if (!customer?.activeId) throw AppError.notFound(`No active customer ${id}${field === 'id' ? '' : ` (${field})`}`);
    return { id: customer.activeId, displayName: customer.displayName };
  }

  async neighbourhood(id: string, query: NeighbourhoodQuery): Promise<NetworkGraphDto> {
    if (query.depth > this.config.NETWORK_MAX_DEPTH) {
      throw AppError.validation([{ field: 'depth', reason: `must be at most ${this.config.NETWORK_MAX_DEPTH} (NETWORK_MAX_DEPTH)` }]);
    }
    if (query.limit > this.config.NETWORK_MAX_NODES) {
      throw AppError.validation([{ field: 'limit', reason: `must be at most ${this.config.NETWORK_MAX_NODES} (NETWORK_MAX_NODES)` }]);
    }
    const filter: ExpansionFilter = { ...edgeKindsOf(query.types), direction: 'both', fanOut: query.limit + 1, hubDegree: NO_HUB_LIMIT, limit: query.limit * 20 };
    return this.walk(id, query.depth, query.limit, filter);
  }

  async referrals(id: string, query: ReferralQuery): Promise<NetworkGraphDto> {
    if (query.depth > this.config.NETWORK_MAX_REFERRAL_DEPTH) {
      throw AppError.validation([{ field: 'depth', reason: `must be at most ${this.config.NETWORK_MAX_REFERRAL_DEPTH} (NETWORK_MAX_REFERRAL_DEPTH)` }]);
    }
    const limit = this.config.NETWORK_MAX_NODES;
    // A record's "referred by" points up, to the referrer: up follows it, down comes against it.
    const filter: ExpansionFilter = {
      relationshipTypes: [],
      referrals: true,
      identifierLinks: [],
      direction: query.direction === 'up' ? 'out' : 'in',
      fanOut: limit + 1,
      hubDegree: NO_HUB_LIMIT,
      limit: limit * 20,
    };
    return this.walk(id, query.depth, limit, filter);
  }

  /**
   * Breadth-first from a customer, one query per hop. The first hop starts from the id as given:
   * only when it finds nothing (an unknown, merged or unconnected customer) is the id looked up.
   */
  private async walk(id: string, depth: number, maxNodes: number, filter: ExpansionFilter): Promise<NetworkGraphDto> {
    let rows = await this.repository.expand([id], filter);
    let root = { id, displayName: rows[0]?.fromName ?? null };
    if (rows.length === 0) {
      root = await this.activeCustomer(id);
      if (root.id !== id) rows = await this.repository.expand([root.id], filter);
    }
    const graph = new GraphBuilder(maxNodes);
    graph.addCustomer(root.id, root.displayName, 0);
    for (let hop = 1; hop <= depth && rows.length > 0; hop++) {
      if (rows.length >= filter.limit) graph.truncated = true;
      const next: string[] = [];
      for (const row of rows) if (graph.addRow(row, hop, filter.fanOut - 1)) next.push(row.toId);
      if (hop === depth || next.length === 0 || graph.truncated) break;
      rows = await this.repository.expand(next, filter);
    }
    return graph.answer(root.id);
  }

  /**
   * Shortest paths by a breadth-first search from both ends, expanding the smaller side each
   * round; hubs are not crossed (NETWORK_HUB_DEGREE), so a call-centre phone is not a path.
   */
  async paths(query: PathQuery): Promise<PathResultDto> {
    if (query.maxDepth > this.config.NETWORK_MAX_PATH_DEPTH) {
      throw AppError.validation([{ field: 'maxDepth', reason: `must be at most ${this.config.NETWORK_MAX_PATH_DEPTH} (NETWORK_MAX_PATH_DEPTH)` }]);
    }
    const [from, to] = await Promise.all([this.activeCustomer(query.from, 'from'), this.activeCustomer(query.to, 'to')]);
    const names = new Map([[from.id, from.displayName], [to.id, to.displayName]]);
    const empty = { from: from.id, to: to.id, found: false, hops: null, paths: [], nodes: [], edges: [], truncated: false };
    if (from.id === to.id) return { ...empty, found: true, hops: 0, paths: [{ hops: 0, customers: [from.id], edges: [] }], nodes: [{ id: from.id, label: 'Customer', displayName: from.displayName, depth: 0 }] };

    const filter: ExpansionFilter = { ...edgeKindsOf(query.types), direction: 'both', fanOut: 1000, hubDegree: this.config.NETWORK_HUB_DEGREE, limit: 50_000 };
    const sides = [new SearchSide(from.id), new SearchSide(to.id)];
    let truncated = false;
    let meeting: string[] = [];
    while (sides[0].depth + sides[1].depth < query.maxDepth) {
      const side = sides[0].frontier.length <= sides[1].frontier.length ? sides[0] : sides[1];
      const other = side === sides[0] ? sides[1] : sides[0];
      if (side.frontier.length === 0) break;
      if (side.frontier.length > PATH_FRONTIER_CAP) {
        truncated = true;
        break;
      }
      const rows = await this.repository.expand(side.frontier, filter);
      if (rows.length >= filter.limit) truncated = true;
      for (const row of rows) names.set(row.toId, row.toName);
      side.advance(rows);
      meeting = side.frontier.filter((id) => other.reached(id));
      if (meeting.length > 0) break;
    }
    if (meeting.length === 0) return { ...empty, truncated };

    const paths: NetworkPathDto[] = [];
    for (const middle of meeting.sort()) {
      for (const head of sides[0].chainsTo(middle)) {
        for (const tail of sides[1].chainsTo(middle)) {
          const steps = [...head, ...[...tail].reverse()];
          const customers = [from.id];
          const edges: NetworkEdgeDto[] = [];
          for (const step of steps) {
            const previous = customers.at(-1)!;
            customers.push(previous === step.fromId ? step.toId : step.fromId);
            // The two edges through a shared identifier are listed in the path's direction.
            const stepEdges = edgesOfRow(step);
            edges.push(...(stepEdges.length === 2 && stepEdges[0].from !== previous ? stepEdges.reverse() : stepEdges));
          }
          paths.push({ hops: steps.length, customers, edges });
          if (paths.length >= MAX_PATHS) break;
        }
        if (paths.length >= MAX_PATHS) break;
      }
      if (paths.length >= MAX_PATHS) break;
    }
    const nodes = new Map<string, PathResultDto['nodes'][number]>();
    const edges = new Map<string, NetworkEdgeDto>();
    for (const path of paths) {
      path.customers.forEach((id, position) => nodes.set(id, nodes.get(id) ?? { id, label: 'Customer', displayName: names.get(id) ?? null, depth: position }));
      for (const edge of path.edges) {
        edges.set(edgeKey(edge), edge);
        if (edge.type.startsWith('HAS_') && !nodes.has(edge.to)) {
          const [kind] = edge.to.split(':');
          nodes.set(edge.to, { id: edge.to, label: kind.charAt(0).toUpperCase() + kind.slice(1), displayName: edge.to.slice(kind.length + 1), depth: path.customers.indexOf(edge.from) });
        }
      }
    }
    return { from: from.id, to: to.id, found: true, hops: paths[0].hops, paths, nodes: [...nodes.values()], edges: [...edges.values()], truncated };
  }

  async topReferrers(limit: number): Promise<TopReferrersDto> {
    return { items: await this.repository.topReferrers(limit) };
  }

  async household(id: string): Promise<HouseholdResultDto> {
    const customer = await this.activeCustomer(id);
    const found = await this.repository.householdResidents(customer.id, MAX_RESIDENTS);
    if (!found) return { customerId: customer.id, household: null };
    const residents: Resident[] = found.residents.map((resident) => {
      const records = resident.normalised.map((text) => JSON.parse(text) as NormalisedRecord);
      return {
        id: resident.id,
        displayName: resident.displayName,
        familyNames: [...new Set(records.flatMap((record) => record.family))],
        phones: [...new Set(records.flatMap((record) => record.phones))],
        emails: [...new Set(records.flatMap((record) => record.emails))],
      };
    });
    const members = householdOf(customer.id, residents);
    if (members.length === 0) return { customerId: customer.id, household: null };
    const first = [...members].map((member) => member.id).sort()[0];
    const { value, ...address } = found.address;
    return {
      customerId: customer.id,
      household: { id: `hh_${createHash('sha256').update(`${value}|${first}`).digest('hex').slice(0, 24)}`, address, members },
    };
  }

  async sharedIdentifiers(query: SharedIdentifiersQuery): Promise<SharedIdentifiersPageDto> {
    const offset = decodeCursor(query.cursor);
    const types = query.type ? [query.type] : [...SHARED_IDENTIFIER_TYPES];
    const rows = await this.repository.sharedIdentifiers(types, query.minCustomers, RING_MEMBERS, offset, query.limit + 1);
    return pageOf(rows, offset, query.limit);
  }

  async addRelationship(body: AddRelationshipDto, assertedBy: string): Promise<RelationshipResultDto> {
    const [from, to] = await Promise.all([this.recordFor(body.from, 'from'), this.recordFor(body.to, 'to')]);
    if (from.recordKey === to.recordKey || from.customerId === to.customerId) {
      throw AppError.validation([{ field: 'to', reason: 'must be another customer than from' }]);
    }
    if (body.ownershipPct !== undefined && body.type !== 'OWNS') {
      throw AppError.validation([{ field: 'ownershipPct', reason: 'is only for OWNS' }]);
    }
    const at = new Date().toISOString();
    const source = body.source ?? assertedBy;
    const stored = await this.repository.addRelationship({
      fromKey: from.recordKey,
      toKey: to.recordKey,
      type: body.type,
      ownershipPct: body.ownershipPct ?? null,
      since: body.since ?? null,
      source,
      assertedBy,
      now: at,
    });
    if (!stored) throw AppError.notFound('A record of the edge was retracted meanwhile; nothing was stored');
    return { from, to, type: body.type, origin: 'api', source, assertedBy, at };
  }

  /** The record that carries an edge end: the named record, or the customer's oldest record. */
  private async recordFor(end: EdgeEndDto, field: 'from' | 'to'): Promise<{ recordKey: string; customerId: string }> {
    const byCustomer = end.customerId !== undefined;
    const byRecord = end.system !== undefined || end.sourceId !== undefined;
    if (byCustomer === byRecord || (byRecord && (!end.system || !end.sourceId))) {
      throw AppError.validation([{ field, reason: 'must name either a customerId, or a record by system and sourceId' }]);
    }
    if (byCustomer) {
      const customer = await this.activeCustomer(end.customerId!, `${field}.customerId`);
      const anchors = await this.repository.anchorRecords([customer.id]);
      const recordKey = anchors.get(customer.id);
      if (!recordKey) throw AppError.notFound(`Customer ${customer.id} has no source record to carry the edge`);
      return { recordKey, customerId: customer.id };
    }
    const recordKey = `${end.system}:${end.sourceId}`;
    const customers = await this.repository.recordCustomers([recordKey]);
    const customerId = customers.get(recordKey);
    if (!customerId) throw AppError.notFound(`No record ${end.sourceId} from ${end.system} (${field})`);
    return { recordKey, customerId };
  }
}

/** One end of the two-sided path search: how far it reached, and how (for each customer, the rows that reached it first). */
class SearchSide {
  depth = 0;
  frontier: string[];
  private readonly parents = new Map<string, ExpansionRow[]>();
  private readonly level = new Map<string, number>();

  constructor(private readonly start: string) {
    this.frontier = [start];
    this.level.set(start, 0);
  }

  reached(id: string): boolean {
    return this.level.has(id);
  }

  advance(rows: ExpansionRow[]): void {
    this.depth++;
    const next: string[] = [];
    for (const row of rows) {
      const known = this.level.get(row.toId);
      if (known === undefined) {
        this.level.set(row.toId, this.depth);
        this.parents.set(row.toId, [row]);
        next.push(row.toId);
      } else if (known === this.depth) {
        const parents = this.parents.get(row.toId)!;
        if (parents.length < MAX_PARENTS && !parents.some((parent) => parent.fromId === row.fromId && parent.link === row.link && parent.viaValue === row.viaValue)) parents.push(row);
      }
    }
    this.frontier = next;
  }

  /** Every way (up to a few) from the start to `id`, as the rows of each hop in order. */
  chainsTo(id: string): ExpansionRow[][] {
    if (id === this.start) return [[]];
    const chains: ExpansionRow[][] = [];
    for (const row of this.parents.get(id) ?? []) {
      for (const chain of this.chainsTo(row.fromId)) {
        chains.push([...chain, row]);
        if (chains.length >= MAX_PATHS) return chains;
      }
    }
    return chains;
  }
}
