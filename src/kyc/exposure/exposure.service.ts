import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '../../common/problem/app-error';
import { AppConfig } from '../../config/app-config';
import type { NetworkEdgeDto } from '../../network/dto/network.dto';
import { edgesOfRow, IDENTIFIER_LINKS } from '../../network/network-graph';
import { ExpansionFilter, ExpansionRow, NetworkRepository } from '../../network/network.repository';
import { FlaggedRow, KycRepository } from '../kyc.repository';
import { RISK_SETTINGS } from '../risk/risk-settings';

/** One customer's nearest sanctioned or PEP-matched customer, and how it is reached. */
export interface Exposure {
  customerId: string;
  hops: number;
  flagged: { customerId: string; displayName: string | null; hitId: string; list: string; entryId: string; topics: string[]; score: number };
  path: { customers: string[]; edges: NetworkEdgeDto[] };
}

/** Neighbours taken per customer and hop; enough to find a link, bounded so a hub cannot blow up the search. */
const FAN_OUT = 100;
/** Customers reached in all before the search stops (the answer then says `truncated`). */
const MAX_REACHED = 20_000;

/**
 * Network exposure: who is within k hops of a customer matching a sanctions or PEP entry,
 * through relationships (ownership and directorships included) and shared identifiers, not
 * through referrals and not through hub identifiers (NETWORK_HUB_DEGREE).
 */
@Injectable()
export class ExposureService {
  constructor(
    private readonly network: NetworkRepository,
    private readonly repository: KycRepository,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  private filter(): ExpansionFilter {
    return {
      relationshipTypes: null,
      referrals: false,
      identifierLinks: Object.values(IDENTIFIER_LINKS).filter((link) => link !== 'HAS_ADDRESS'),
      direction: 'both',
      fanOut: FAN_OUT,
      hubDegree: this.config.NETWORK_HUB_DEGREE,
      limit: 50_000,
    };
  }

  /**
   * Breadth-first from several customers at once (one query per hop for all of them). Answers,
   * per origin, its nearest flagged customer other than itself.
   */
  async nearestFlagged(origins: string[], depth = this.config.KYC_EXPOSURE_DEPTH): Promise<{ exposures: Map<string, Exposure>; truncated: boolean }> {
    const search = await this.search(origins, depth);
    const flagged = new Map((await this.repository.flaggedCustomers([...search.reachedBy.keys()], RISK_SETTINGS.exposureTopics)).map((row) => [row.customerId, row]));
    const exposures = new Map<string, Exposure>();
    for (const origin of origins) {
      let best: { id: string; hops: number } | null = null;
      for (const [id, reach] of search.reachedBy) {
        const step = reach.get(origin);
        if (!step || id === origin || !flagged.has(id)) continue;
        if (!best || step.hops < best.hops || (step.hops === best.hops && id < best.id)) best = { id, hops: step.hops };
      }
      if (best) exposures.set(origin, exposureOf(origin, best.id, best.hops, flagged.get(best.id)!, search.reachedBy));
    }
    return { exposures, truncated: search.truncated };
  }

  /** Every customer within `depth` hops of a flagged customer, nearest first, each with its path. */
  async exposedCustomers(depth: number, limit: number): Promise<{ flagged: number; items: Exposure[]; truncated: boolean }> {
    if (depth > this.config.KYC_EXPOSURE_DEPTH) throw AppError.validation([{ field: 'depth', reason: `must be at most ${this.config.KYC_EXPOSURE_DEPTH} (KYC_EXPOSURE_DEPTH)` }]);
    const flaggedRows = await this.repository.allFlaggedCustomers(RISK_SETTINGS.exposureTopics, 1000);
    const flagged = new Map(flaggedRows.map((row) => [row.customerId, row]));
    const search = await this.search([...flagged.keys()], depth);
    const items: Exposure[] = [];
    for (const [id, reach] of search.reachedBy) {
      if (flagged.has(id)) continue;
      let best: { origin: string; hops: number } | null = null;
      for (const [origin, step] of reach) if (!best || step.hops < best.hops || (step.hops === best.hops && origin < best.origin)) best = { origin, hops: step.hops };
      if (!best) continue;
      // The search ran outwards from the flagged customer; the path is read from the exposed one.
      const exposure = exposureOf(best.origin, id, best.hops, flagged.get(best.origin)!, search.reachedBy);
      items.push({ ...exposure, customerId: id, path: { customers: [...exposure.path.customers].reverse(), edges: [...exposure.path.edges].reverse() } });
    }
    items.sort((a, b) => a.hops - b.hops || a.customerId.localeCompare(b.customerId));
    return { flagged: flaggedRows.length, items: items.slice(0, limit), truncated: search.truncated || items.length > limit || flaggedRows.length >= 1000 };
  }

  /** The customers within reach of these ones (themselves excluded). */
  async reachable(origins: string[], depth = this.config.KYC_EXPOSURE_DEPTH): Promise<string[]> {
    const { reachedBy } = await this.search(origins, depth);
    return [...reachedBy.keys()].filter((id) => !origins.includes(id));
  }

  private async search(origins: string[], depth: number): Promise<{ reachedBy: Map<string, Map<string, Step>>; truncated: boolean }> {
    const reachedBy = new Map<string, Map<string, Step>>();
    for (const origin of origins) reachedBy.set(origin, new Map([[origin, { hops: 0, row: null }]]));
    let frontier = new Map(origins.map((origin) => [origin, [origin]]));
    let truncated = false;
    const filter = this.filter();
    for (let hop = 1; hop <= depth && frontier.size > 0; hop++) {
      const rows = await this.network.expand([...frontier.keys()], filter);
      if (rows.length >= filter.limit) truncated = true;
      const next = new Map<string, string[]>();
      for (const row of rows) {
        for (const origin of frontier.get(row.fromId) ?? []) {
          let reach = reachedBy.get(row.toId);
          if (!reach) {
            if (reachedBy.size >= MAX_REACHED) {
              truncated = true;
              continue;
            }
            reach = new Map();
            reachedBy.set(row.toId, reach);
          }
          if (reach.has(origin)) continue;
          reach.set(origin, { hops: hop, row });
          next.set(row.toId, [...(next.get(row.toId) ?? []), origin]);
        }
      }
      frontier = next;
    }
    return { reachedBy, truncated };
  }
}

interface Step {
  hops: number;
  /** The expansion row that reached this customer first from the origin (null at the origin). */
  row: ExpansionRow | null;
}

function exposureOf(origin: string, target: string, hops: number, flagged: FlaggedRow, reachedBy: Map<string, Map<string, Step>>): Exposure {
  const customers = [target];
  const edges: NetworkEdgeDto[] = [];
  let at = target;
  while (at !== origin) {
    const row = reachedBy.get(at)!.get(origin)!.row!;
    edges.unshift(...edgesOfRow(row));
    at = row.fromId;
    customers.unshift(at);
  }
  return {
    customerId: origin,
    hops,
    flagged: { customerId: flagged.customerId, displayName: flagged.displayName, ...flagged.best },
    path: { customers, edges },
  };
}
