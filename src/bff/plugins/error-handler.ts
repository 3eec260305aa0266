import type { FastifyError, FastifyInstance } from 'fastify';
import {
  BffError,
  PROBLEM_CONTENT_TYPE,
  internalError,
  problemBody,
} from '../errors';
import { TokenProviderError } from '../token/token-errors';
import { UpstreamFailure } from '../upstream/upstream-errors';

const CLIENT_ERRORS: Record<number, [string, string]> = {
  400: ['bad_request', 'Bad request'],
  403: ['forbidden', 'Forbidden'],
  404: ['not_found', 'Not found'],
  406: ['not_acceptable', 'Not acceptable'],
  413: ['payload_too_large', 'Request body too large'],
  414: ['uri_too_long', 'URI too long'],
  415: ['unsupported_media_type', 'Unsupported media type'],
  431: ['headers_too_large', 'Request headers too large'],
};

/** Turns anything thrown into a `BffError`; unknown failures become a bare 500. */
function toBffError(error: FastifyError | Error): BffError {
  if (error instanceof BffError) return error;
  const status = 'statusCode' in error ? error.statusCode : undefined;
  if (status !== undefined && status >= 400 && status < 500) {
    const [code, title] = CLIENT_ERRORS[status] ?? [
      'bad_request',
      'Bad request',
    ];
    return new BffError({ status, code, title });
  }
  return internalError();
}

/**
 * The single error handler: every error becomes `application/problem+json`
 * (RFC 9457). 5xx answers carry a generic title only; the details, including
 * the stack of unexpected errors, go to the log and never to the client.
 */
export function registerErrorHandler(fastify: FastifyInstance): void {
  fastify.setErrorHandler(
    async (error: FastifyError | Error, request, reply) => {
      const problem = toBffError(error);
      request.audit.decision ??= problem.code;
      if (error instanceof TokenProviderError) {
        request.log.warn(
          { reason: error.reason, code: error.code },
          'token provider failure',
        );
      } else if (error instanceof UpstreamFailure) {
        request.log.warn(
          { reason: error.reason, code: error.code },
          'upstream failure',
        );
      } else if (!(error instanceof BffError) && problem.statusCode >= 500) {
        request.log.error({ err: error }, 'unexpected error');
      }
      await reply
        .code(problem.statusCode)
        .headers(problem.headers)
        .type(PROBLEM_CONTENT_TYPE)
        .send(problemBody(problem));
    },
  );
}
