import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { createHash } from 'node:crypto';
import { presentedKeyFrom } from '../auth/api-keys';
import { AppError } from '../problem/app-error';

/** Limits each API key (or, without a key, each client address) to THROTTLE_LIMIT per window. */
@Injectable()
export class ApiKeyThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(request: Record<string, any>): Promise<string> {
    const key = presentedKeyFrom(request.headers ?? {});
    return key ? `key:${createHash('sha256').update(key).digest('hex')}` : `ip:${request.ip}`;
  }

  protected override async throwThrottlingException(): Promise<void> {
    throw new AppError('TOO_MANY_REQUESTS', 'Rate limit exceeded for this API key; retry later');
  }
}
