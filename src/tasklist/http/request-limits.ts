import { STATUS_CODES } from 'node:http';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Caller } from '../domain/caller';
import { isRestV2Request, sendProblem } from '../rest-v2/problem';

export interface RequestLimitOptions {
  bodyLimitBytes: number;
  ratePerMinute: number;
  /** The caller the route's authentication verified, if any. */
  callerOf: (request: FastifyRequest) => Caller | undefined;
}

const WINDOW_MS = 60_000;
/** Probes must answer even when a caller is throttled. */
const UNLIMITED_PATHS = new Set(['/health']);

/**
 * A refusal in the shape of the route: GraphQL clients get an `errors` array
 * (HTTP 200 for the rate limit, as for every GraphQL error: H56), the REST
 * API a problem document, other routes a JSON `message` with the HTTP status.
 */
function refuse(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  message: string,
  headers: Record<string, string> = {},
) {
  if (isRestV2Request(request)) {
    return sendProblem(request, reply.headers(headers), {
      status,
      title: STATUS_CODES[status] ?? 'Error',
      detail: message,
    });
  }
  const graphql = request.routeOptions.url === '/graphql';
  return reply
    .code(graphql && status === 429 ? 200 : status)
    .headers({ 'cache-control': 'no-store', ...headers })
    .type('application/json')
    .send(
      graphql
        ? {
            data: null,
            errors: [{ message, extensions: { code: codeOf(status) } }],
          }
        : { message },
    );
}

const mib = (bytes: number) =>
  `${String(Math.round((bytes / 1024 / 1024) * 100) / 100)} MiB (${String(bytes)} bytes)`;

/** H54's refusal, also for bodies fastify stops while reading them. */
export function bodyTooLarge(
  request: FastifyRequest,
  reply: FastifyReply,
  limitBytes: number,
) {
  // Close the connection: the client may still be sending the body.
  reply.header('connection', 'close');
  return refuse(
    request,
    reply,
    413,
    `Request body too large: the limit is ${mib(limitBytes)}`,
  );
}

const codeOf = (status: number) =>
  status === 413 ? 'REQUEST_ENTITY_TOO_LARGE' : 'RATE_LIMITED';

/**
 * Limits that apply to every route of the embedded Tasklist, `/graphql` and
 * whatever REST routes exist, at the HTTP layer:
 *
 * - H54: a declared body above the limit is refused with 413 before a byte
 *   is read; fastify's own `bodyLimit` (set by `buildTasklistApp`) and yoga's
 *   `maxRequestBodySize` catch bodies that do not declare their length.
 * - H55: requests per minute per caller and client address. In direct mode
 *   every browser shares the app's client-credentials token, so the caller
 *   alone would throttle all users together; the address keeps one greedy
 *   client from starving the others. It runs after authentication (the
 *   routes' onRequest hooks), so anonymous floods end at the 401.
 */
export async function registerRequestLimits(
  fastify: FastifyInstance,
  options: RequestLimitOptions,
): Promise<void> {
  fastify.addHook('onRequest', async (request, reply) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > options.bodyLimitBytes) {
      await bodyTooLarge(request, reply, options.bodyLimitBytes);
    }
  });

  await fastify.register(rateLimit, { global: false });
  const limiter = fastify.createRateLimit({
    max: options.ratePerMinute,
    timeWindow: WINDOW_MS,
    keyGenerator: (request) => {
      const caller = options.callerOf(request);
      return `${caller ? `caller:${caller.userId}` : 'anonymous'}|${request.ip}`;
    },
  });
  fastify.addHook('preHandler', async (request, reply) => {
    if (UNLIMITED_PATHS.has(request.routeOptions.url ?? '')) return;
    const result = await limiter(request);
    if (result.isAllowed || !result.isExceeded) return;
    const seconds = Math.max(1, result.ttlInSeconds);
    await refuse(
      request,
      reply,
      429,
      `Too many requests: at most ${String(options.ratePerMinute)} per minute per caller. Try again in ${String(seconds)} seconds.`,
      { 'retry-after': String(seconds) },
    );
  });
}
