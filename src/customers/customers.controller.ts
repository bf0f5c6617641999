import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../common/auth/authenticated.decorator';
import { ProblemDetails } from '../common/problem/problem-details';
import { CustomersService } from './customers.service';
import { CustomerSearchPage, CustomerSearchQuery } from './dto/customer-search.dto';

@ApiTags('customers')
@Controller('v1/customers')
export class CustomersController {
  constructor(private readonly customers: CustomersService) {}

  /** Search golden customers by fuzzy name and exact email, phone, identifier or birth date. */
  @Get()
  @Authenticated({ roles: ['analyst'] })
  @ApiOperation({ summary: 'Search customers' })
  @ApiBadRequestResponse({ type: ProblemDetails })
  search(@Query() query: CustomerSearchQuery): Promise<CustomerSearchPage> {
    return this.customers.search(query);
  }
}
