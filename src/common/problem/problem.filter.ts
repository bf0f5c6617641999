import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE } from './problem-details';
import { toProblem } from './to-problem';

/** Global filter: every error leaves as application/problem+json. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    sendProblem(error, http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>(), this.logger);
  }
}

/** Nest routes Fastify's own errors (body parsing, size limit) through this filter too. */
export function sendProblem(error: unknown, request: FastifyRequest, reply: FastifyReply, logger: Pick<Logger, 'error'>): void {
  const path = request.url.split('?')[0];
  const { problem, retryAfterSeconds, unexpected } = toProblem(error, path, String(request.id));
  if (unexpected) {
    // Only the error's name and stack: messages may carry personal data from a query.
    logger.error(`unexpected ${(error as Error)?.name ?? typeof error} on ${request.method} ${path} (request ${request.id})`, (error as Error)?.stack);
  }
  if (reply.sent) return;
  if (retryAfterSeconds !== undefined) reply.header('retry-after', String(retryAfterSeconds));
  reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(problem);
}
