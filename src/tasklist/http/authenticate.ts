import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  callerFromClaims,
  type ClaimSettings,
} from '../auth/caller-from-claims';
import { TokenRejected, type VerifyToken } from '../auth/token-verifier';
import type { Caller } from '../domain/caller';

const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

/** Answers a request whose token is missing or invalid, with this challenge. */
export type Refuse = (
  request: FastifyRequest,
  reply: FastifyReply,
  challenge: string,
) => FastifyReply;

/** Tasklist's refusal: 401 with `{"message": ""}`. */
export const refuseLikeTasklist: Refuse = (_request, reply, challenge) =>
  reply
    .code(401)
    .header('www-authenticate', challenge)
    .header('cache-control', 'no-store')
    .type('application/json')
    .send({ message: '' });

/**
 * Builds the onRequest hook guarding an API: no valid bearer JWT, no access.
 * Refusals look like Tasklist's (401 with `{"message": ""}`) unless the API
 * answers in its own shape; the reason goes to the log only, and the token
 * never does.
 */
export function createAuthenticator(
  verify: VerifyToken,
  claims: ClaimSettings,
  refuse: Refuse = refuseLikeTasklist,
) {
  const callers = new WeakMap<FastifyRequest, Caller>();

  const authenticate = async (request: FastifyRequest, reply: FastifyReply) => {
    const match = BEARER.exec(request.headers.authorization ?? '');
    const token = match?.[1];
    if (!token) {
      request.log.info('refused a request without a bearer token');
      return refuse(request, reply, 'Bearer');
    }
    try {
      const payload = await verify(token);
      callers.set(request, callerFromClaims(payload, claims));
    } catch (error) {
      const reason =
        error instanceof TokenRejected
          ? error.reason
          : 'token verification failed';
      const cause =
        error instanceof Error && error.cause instanceof Error
          ? error.cause.message
          : undefined;
      request.log.info(
        { reason, cause },
        'refused a request with an invalid token',
      );
      return refuse(request, reply, 'Bearer error="invalid_token"');
    }
  };

  return {
    authenticate,
    callerOf: (request: FastifyRequest) => callers.get(request),
  };
}
