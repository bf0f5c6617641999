import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiSecurity, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ProblemDetails } from '../problem/problem-details';
import { Role } from './roles';

export const AUTH_METADATA = 'customer-graph:auth';
export interface AuthRequirement {
  /** Roles allowed besides admin, which may do everything. */
  roles: Role[];
}

/** Marks a route as needing an API key with one of `roles`, and says so in the OpenAPI spec. */
export function Authenticated(requirement: AuthRequirement) {
  return applyDecorators(
    SetMetadata(AUTH_METADATA, requirement),
    ApiSecurity('api-key'),
    ApiBearerAuth('bearer'),
    ApiUnauthorizedResponse({ description: 'No or unknown API key', type: ProblemDetails }),
    ApiForbiddenResponse({ description: `Allowed roles: ${['admin', ...requirement.roles].join(', ')}`, type: ProblemDetails }),
    ApiTooManyRequestsResponse({ description: 'Rate limit exceeded', type: ProblemDetails }),
  );
}

/** Open routes (health, metrics, docs). Every other route must carry @Authenticated. */
export const Public = () => SetMetadata(AUTH_METADATA, 'public');
