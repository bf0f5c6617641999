import { Injectable } from '@nestjs/common';
import { AppError } from '../../common/problem/app-error';
import { NetworkService } from '../../network/network.service';
import { KycRepository } from '../kyc.repository';
import { customerTypeOf } from '../screening/customer-subject';
import { computeBeneficialOwners, OwnershipEdge } from './beneficial-owners';

/** Ownership edges read in all before the answer says `truncated`. */
const MAX_EDGES = 20_000;

export interface BeneficialOwnersAnswer {
  organizationId: string;
  displayName: string | null;
  threshold: number;
  maxDepth: number;
  owners: Array<{
    customerId: string;
    displayName: string | null;
    type: 'person' | 'organization';
    share: number;
    direct: boolean;
    chains: Array<{ customers: string[]; percentages: number[]; share: number }>;
  }>;
  truncated: boolean;
}

/**
 * Ultimate beneficial owners: the OWNS edges above an organisation, read level by level from
 * the graph, then every chain's percentages multiplied and parallel chains added up.
 */
@Injectable()
export class OwnershipService {
  constructor(
    private readonly repository: KycRepository,
    private readonly network: NetworkService,
  ) {}

  async beneficialOwners(id: string, threshold: number, maxDepth: number): Promise<BeneficialOwnersAnswer> {
    const target = await this.network.activeCustomer(id);
    const [kind] = await this.repository.customerKinds([target.id]);
    if (!kind || customerTypeOf(kind.recordTypes) !== 'organization') throw AppError.notFound(`Customer ${target.id} is not an organization`);

    const edges: OwnershipEdge[] = [];
    const names = new Map<string, string | null>([[target.id, target.displayName]]);
    const seen = new Set([target.id]);
    let frontier = [target.id];
    let truncated = false;
    for (let level = 0; level < maxDepth && frontier.length > 0; level++) {
      const rows = await this.repository.ownershipEdges(frontier, MAX_EDGES - edges.length);
      if (edges.length + rows.length >= MAX_EDGES) truncated = true;
      const next: string[] = [];
      for (const row of rows) {
        edges.push({ owner: row.owner, owned: row.owned, pct: row.pct });
        names.set(row.owner, row.ownerName);
        if (!seen.has(row.owner)) {
          seen.add(row.owner);
          next.push(row.owner);
        }
      }
      if (truncated) break;
      frontier = next;
    }
    // Owners at the depth limit who are owned in turn: longer chains exist and were not followed.
    if (!truncated && frontier.length > 0) truncated = (await this.repository.ownershipEdges(frontier, 100)).some((row) => !seen.has(row.owner));
    const result = computeBeneficialOwners(target.id, edges, { threshold, maxDepth });
    const kinds = new Map((await this.repository.customerKinds(result.owners.map((owner) => owner.id))).map((row) => [row.id, customerTypeOf(row.recordTypes)]));
    return {
      organizationId: target.id,
      displayName: target.displayName,
      threshold,
      maxDepth,
      owners: result.owners.map((owner) => ({
        customerId: owner.id,
        displayName: names.get(owner.id) ?? null,
        type: kinds.get(owner.id) ?? 'person',
        share: owner.share,
        direct: owner.direct,
        chains: owner.chains.map((chain) => ({ customers: chain.path, percentages: chain.pcts, share: chain.share })),
      })),
      truncated: truncated || result.truncated,
    };
  }
}
