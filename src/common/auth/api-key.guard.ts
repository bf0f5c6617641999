import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../problem/app-error';
import { ApiKeyRegistry, presentedKeyFrom } from './api-keys';
import { AUTH_METADATA, AuthRequirement } from './authenticated.decorator';
import { Principal, roleAllows } from './roles';

export type AuthenticatedRequest = FastifyRequest & { principal?: Principal };

/** Global guard. A route with neither @Authenticated nor @Public is refused: closed by default. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(ApiKeyRegistry) private readonly keys: ApiKeyRegistry,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const requirement = this.reflector.getAllAndOverride<AuthRequirement | 'public' | undefined>(AUTH_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (requirement === 'public') return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = this.keys.authenticate(presentedKeyFrom(request.headers));
    if (!principal) throw new AppError('UNAUTHENTICATED', 'Send a valid API key in X-API-Key or Authorization: Bearer');
    request.principal = principal;
    const roles = requirement?.roles ?? [];
    if (!roleAllows(principal.role, roles)) {
      throw new AppError('FORBIDDEN', `This operation needs one of the roles: ${['admin', ...roles].join(', ')}`);
    }
    return true;
  }
}
