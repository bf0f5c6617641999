import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditService } from '../common/audit/audit.service';
import { Authenticated } from '../common/auth/authenticated.decorator';
import { CurrentPrincipal } from '../common/auth/principal.decorator';
import { Principal } from '../common/auth/roles';
import { ProblemDetails } from '../common/problem/problem-details';
import {
  AddRelationshipDto,
  HouseholdResultDto,
  NeighbourhoodQuery,
  NetworkGraphDto,
  PathQuery,
  PathResultDto,
  ReferralQuery,
  RelationshipResultDto,
  SharedIdentifiersPageDto,
  SharedIdentifiersQuery,
  TopReferrersDto,
  TopReferrersQuery,
} from './dto/network.dto';
import { NetworkService } from './network.service';

const customerCount = (graph: { nodes: Array<{ label: string }> }) => graph.nodes.filter((node) => node.label === 'Customer').length;

/** Who a customer is connected to and how; every query is audited. */
@ApiTags('network')
@Controller('v1')
@ApiBadRequestResponse({ type: ProblemDetails })
export class NetworkController {
  constructor(
    private readonly network: NetworkService,
    private readonly audit: AuditService,
  ) {}

  @Get('customers/:id/network')
  @Authenticated({ roles: ['analyst'] })
  @ApiOperation({ summary: "A customer's neighbourhood as { nodes, edges }: relationships, referrals, shared identifiers" })
  @ApiNotFoundResponse({ type: ProblemDetails })
  async neighbourhood(@Param('id') id: string, @Query() query: NeighbourhoodQuery, @CurrentPrincipal() principal: Principal): Promise<NetworkGraphDto> {
    const graph = await this.network.neighbourhood(id, query);
    await this.audit.record(principal, { action: 'network.neighbourhood', target: graph.customerId, parameters: { depth: query.depth, types: query.types ?? null, limit: query.limit }, resultCount: customerCount(graph) });
    return graph;
  }

  @Get('network/paths')
  @Authenticated({ roles: ['analyst'] })
  @ApiOperation({ summary: 'Shortest paths between two customers, with every edge on the way' })
  @ApiNotFoundResponse({ type: ProblemDetails })
  async paths(@Query() query: PathQuery, @CurrentPrincipal() principal: Principal): Promise<PathResultDto> {
    const result = await this.network.paths(query);
    await this.audit.record(principal, { action: 'network.paths', target: `${result.from}->${result.to}`, parameters: { maxDepth: query.maxDepth, types: query.types ?? null }, resultCount: result.paths.length });
    return result;
  }

  @Get('customers/:id/referrals')
  @Authenticated({ roles: ['analyst'] })
  @ApiOperation({ summary: 'The referral tree: who referred the customer (up) or whom it referred (down)' })
  @ApiNotFoundResponse({ type: ProblemDetails })
  async referrals(@Param('id') id: string, @Query() query: ReferralQuery, @CurrentPrincipal() principal: Principal): Promise<NetworkGraphDto> {
    const graph = await this.network.referrals(id, query);
    await this.audit.record(principal, { action: 'network.referrals', target: graph.customerId, parameters: { direction: query.direction, depth: query.depth }, resultCount: customerCount(graph) - 1 });
    return graph;
  }

  @Get('network/top-referrers')
  @Authenticated({ roles: ['analyst'] })
  @ApiOperation({ summary: 'Customers who referred the most customers' })
  async topReferrers(@Query() query: TopReferrersQuery, @CurrentPrincipal() principal: Principal): Promise<TopReferrersDto> {
    const result = await this.network.topReferrers(query.limit);
    await this.audit.record(principal, { action: 'network.top-referrers', target: null, parameters: { limit: query.limit }, resultCount: result.items.length });
    return result;
  }

  @Get('customers/:id/household')
  @Authenticated({ roles: ['analyst'] })
  @ApiOperation({ summary: 'The household: customers at the same current address who share a surname or a contact point' })
  @ApiNotFoundResponse({ type: ProblemDetails })
  async household(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<HouseholdResultDto> {
    const result = await this.network.household(id);
    await this.audit.record(principal, { action: 'network.household', target: result.customerId, parameters: {}, resultCount: result.household?.members.length ?? 0 });
    return result;
  }

  @Get('network/shared-identifiers')
  @Authenticated({ roles: ['analyst'] })
  @ApiOperation({ summary: 'Identifiers shared by several customers (rings), largest first' })
  async sharedIdentifiers(@Query() query: SharedIdentifiersQuery, @CurrentPrincipal() principal: Principal): Promise<SharedIdentifiersPageDto> {
    const page = await this.network.sharedIdentifiers(query);
    await this.audit.record(principal, { action: 'network.shared-identifiers', target: null, parameters: { type: query.type ?? null, minCustomers: query.minCustomers, limit: query.limit }, resultCount: page.items.length });
    return page;
  }

  @Post('relationships')
  @Authenticated({ roles: ['ingest', 'analyst'] })
  @ApiOperation({ summary: 'Add an edge between two customers or records, with its provenance' })
  @ApiNotFoundResponse({ type: ProblemDetails })
  async addRelationship(@Body() body: AddRelationshipDto, @CurrentPrincipal() principal: Principal): Promise<RelationshipResultDto> {
    const result = await this.network.addRelationship(body, `api-key:${principal.keyId}`);
    await this.audit.record(principal, { action: 'relationship.add', target: `${result.from.customerId}->${result.to.customerId}`, parameters: { type: result.type }, resultCount: 1 });
    return result;
  }
}
