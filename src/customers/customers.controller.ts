import { Controller, Delete, Get, Param, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AuditService } from '../common/audit/audit.service';
import { CurrentPrincipal } from '../common/auth/principal.decorator';
import { Principal } from '../common/auth/roles';
import { CustomerProfileDto, ErasureResultDto, MergedCustomerDto, ProfileQuery } from './dto/customer-profile.dto';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../common/auth/authenticated.decorator';
import { ProblemDetails } from '../common/problem/problem-details';
import { CustomersService } from './customers.service';
import { CustomerSearchPage, CustomerSearchQuery } from './dto/customer-search.dto';

@ApiTags('customers')
@Controller('v1/customers')
export class CustomersController {
  constructor(
    private readonly customers: CustomersService,
    private readonly audit: AuditService,
  ) {}

  /**
   * The 360 profile: golden attributes with their lineage, source records, and a summary per
   * dimension from the events. A merged id answers 308 Permanent Redirect to its survivor
   * (`Location` header, and `{id, status: MERGED, mergedInto}` in the body).
   */
  @Get(':id')
  @Authenticated({ roles: ['analyst'] })
  @ApiOperation({ summary: 'The 360 profile of a customer' })
  @ApiOkResponse({ type: CustomerProfileDto })
  @ApiResponse({ status: 308, type: MergedCustomerDto, description: 'The id was merged into another customer: see Location' })
  @ApiNotFoundResponse({ type: ProblemDetails })
  async profile(
    @Param('id') id: string,
    @Query() query: ProfileQuery,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CustomerProfileDto | MergedCustomerDto> {
    const profile = await this.customers.profile(id, query.asOf);
    if (profile.status === 'MERGED') {
      reply.status(308).header('location', `/v1/customers/${encodeURIComponent((profile as MergedCustomerDto).mergedInto)}`);
      return profile;
    }
    await this.audit.record(principal, { action: 'customer.view', target: profile.id, parameters: { asOf: query.asOf ?? null }, resultCount: 1 });
    return profile;
  }

  /**
   * Erasure (right to be forgotten): the customer, its source records, their events, and the
   * identifiers no other customer uses. The audit keeps the fact, the id and the counts; no
   * personal data. Records sent again later by a source system come back as a new customer.
   */
  @Delete(':id')
  @Authenticated({ roles: ['admin'] })
  @ApiOperation({ summary: 'Erase a customer and its source data' })
  @ApiOkResponse({ type: ErasureResultDto })
  @ApiNotFoundResponse({ type: ProblemDetails })
  async erase(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<ErasureResultDto> {
    const result = await this.customers.erase(id);
    await this.audit.record(principal, { action: 'customer.erase', target: id, parameters: { ...result.erased }, resultCount: result.erased.sourceRecords });
    return result;
  }

  /** Search golden customers by fuzzy name and exact email, phone, identifier or birth date. */
  @Get()
  @Authenticated({ roles: ['analyst'] })
  @ApiOperation({ summary: 'Search customers' })
  @ApiBadRequestResponse({ type: ProblemDetails })
  async search(@Query() query: CustomerSearchQuery, @CurrentPrincipal() principal: Principal): Promise<CustomerSearchPage> {
    const page = await this.customers.search(query);
    // Which filters were used, never their values: the audit holds no personal data.
    const filters = (['q', 'email', 'phone', 'identifier', 'birthDate'] as const).filter((name) => query[name] !== undefined);
    await this.audit.record(principal, { action: 'customer.search', target: null, parameters: { filters, limit: query.limit }, resultCount: page.items.length });
    return page;
  }
}
