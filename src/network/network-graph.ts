import type { NetworkEdgeDto, NetworkNodeDto } from './dto/network.dto';
import type { ExpansionFilter, ExpansionRow } from './network.repository';

/** Identifier links and the kind names analysts use for them in `types`. */
export const IDENTIFIER_LINKS: Record<string, string> = {
  EMAIL: 'HAS_EMAIL',
  PHONE: 'HAS_PHONE',
  ADDRESS: 'HAS_ADDRESS',
  IDENTIFIER: 'HAS_IDENTIFIER',
  DEVICE: 'HAS_DEVICE',
};

/**
 * Reads `types` (SPOUSE,REFERRAL,PHONE, …) into what the expansion follows. RELATIONSHIP means
 * every relationship type; no `types` at all means everything.
 */
export function edgeKindsOf(types: string | undefined): Pick<ExpansionFilter, 'relationshipTypes' | 'referrals' | 'identifierLinks'> {
  if (!types) return { relationshipTypes: null, referrals: true, identifierLinks: Object.values(IDENTIFIER_LINKS) };
  const tokens = [...new Set(types.split(',').map((token) => token.trim().toUpperCase()))];
  const identifierLinks = tokens.filter((token) => token in IDENTIFIER_LINKS).map((token) => IDENTIFIER_LINKS[token]);
  const referrals = tokens.includes('REFERRAL');
  const specific = tokens.filter((token) => !(token in IDENTIFIER_LINKS) && token !== 'REFERRAL' && token !== 'RELATIONSHIP');
  return { relationshipTypes: tokens.includes('RELATIONSHIP') ? null : specific, referrals, identifierLinks };
}

const LABEL_OF_LINK: Record<string, string> = { HAS_EMAIL: 'Email', HAS_PHONE: 'Phone', HAS_ADDRESS: 'Address', HAS_IDENTIFIER: 'Identifier', HAS_DEVICE: 'Device' };

/** The id an identifier node has in answers: `phone:+442079460958`. */
export function identifierNodeId(label: string, value: string): string {
  return `${label.toLowerCase()}:${value}`;
}

/** The edges one expansion row stands for, oriented by meaning (not by which side was expanded). */
export function edgesOfRow(row: ExpansionRow): NetworkEdgeDto[] {
  if (row.viaValue !== null && row.viaLabel !== null) {
    const via = identifierNodeId(row.viaLabel, row.viaValue);
    return [
      { from: row.fromId, to: via, type: row.link, properties: {} },
      { from: row.toId, to: via, type: row.link, properties: {} },
    ];
  }
  const properties = Object.fromEntries(Object.entries(row.properties).filter(([key, value]) => key !== 'type' && value !== null && value !== undefined));
  if (row.link === 'REFERRED_BY') {
    // The record that says "referred by" belongs to the referred customer; the edge reads referrer → referred.
    return [row.outgoing ? { from: row.toId, to: row.fromId, type: 'REFERRED', properties } : { from: row.fromId, to: row.toId, type: 'REFERRED', properties }];
  }
  return [row.outgoing ? { from: row.fromId, to: row.toId, type: row.relationshipType!, properties } : { from: row.toId, to: row.fromId, type: row.relationshipType!, properties }];
}

export function edgeKey(edge: NetworkEdgeDto): string {
  return `${edge.from}|${edge.type}|${edge.to}`;
}

/** Nodes and edges gathered while walking out from a customer, up to a node limit. */
export class GraphBuilder {
  readonly nodes = new Map<string, NetworkNodeDto>();
  readonly edges = new Map<string, NetworkEdgeDto>();
  truncated = false;

  constructor(private readonly maxNodes: number) {}

  addCustomer(id: string, displayName: string | null, depth: number): boolean {
    if (this.nodes.has(id)) return true;
    if (this.nodes.size >= this.maxNodes) {
      this.truncated = true;
      return false;
    }
    this.nodes.set(id, { id, label: 'Customer', displayName, depth });
    return true;
  }

  /** Adds the row's neighbour (if there is room) and its edges; answers whether the neighbour is new. */
  addRow(row: ExpansionRow, depth: number, fanOut: number): boolean {
    const known = this.nodes.has(row.toId);
    if (!this.addCustomer(row.toId, row.toName, depth)) return false;
    if (row.viaValue !== null && row.viaLabel !== null) {
      const via = identifierNodeId(row.viaLabel, row.viaValue);
      if (!this.nodes.has(via)) {
        if (this.nodes.size >= this.maxNodes) {
          this.truncated = true;
          return false;
        }
        this.nodes.set(via, { id: via, label: LABEL_OF_LINK[row.link] ?? row.viaLabel, displayName: row.viaValue, depth: depth - 1, records: row.viaRecords });
      }
      // A hub shows only its first members.
      if (row.viaRecords > fanOut) this.truncated = true;
    }
    for (const edge of edgesOfRow(row)) this.edges.set(edgeKey(edge), edge);
    return !known;
  }

  answer(customerId: string) {
    return { customerId, nodes: [...this.nodes.values()], edges: [...this.edges.values()], truncated: this.truncated };
  }
}
