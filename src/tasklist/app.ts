import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyServerOptions,
} from 'fastify';
import type { ClaimSettings } from './auth/caller-from-claims';
import type { VerifyToken } from './auth/token-verifier';
import { createTasklistYoga } from './graphql/create-yoga';
import { createAuthenticator, refuseLikeTasklist } from './http/authenticate';
import { registerCors } from './http/cors';
import { healthRoutes } from './http/health';
import { bodyTooLarge, registerRequestLimits } from './http/request-limits';
import { isRestV2Request, sendProblem } from './rest-v2/problem';
import { restV2Plugin } from './rest-v2/rest-v2-plugin';
import type { TasklistStore } from './store/tasklist-store';

export interface TasklistAppOptions {
  store: TasklistStore;
  verifyToken: VerifyToken;
  claims: ClaimSettings;
  corsOrigins: string[];
  previewLimit: number;
  bodyLimitBytes: number;
  rateLimitPerMinute: number;
}

/**
 * The embedded Tasklist as a fastify plugin: `GET /health`, `/graphql` and
 * the REST API subset under `/v2`, both behind the same bearer-token checks
 * and request limits. Everything but listening, so tests can use `inject()`.
 */
export async function tasklistApp(
  fastify: FastifyInstance,
  options: TasklistAppOptions,
) {
  fastify.setErrorHandler(
    (
      error: { statusCode?: number; message?: string; code?: string },
      request,
      reply,
    ) => {
      if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
        return bodyTooLarge(request, reply, options.bodyLimitBytes);
      }
      const status = error.statusCode ?? 500;
      if (status >= 500) {
        request.log.error({ err: error }, 'request failed');
        return reply.code(500).send({ message: 'Internal server error' });
      }
      return reply.code(status).send({ message: error.message ?? '' });
    },
  );

  // Inside this plugin, so its hooks (the request limits) cover unknown
  // paths too.
  fastify.setNotFoundHandler((_request, reply) =>
    reply.code(404).send({ message: 'Not found' }),
  );
  await registerCors(fastify, options.corsOrigins);
  healthRoutes(fastify, options.store);

  // One authenticator for both APIs, so the rate limit knows every caller;
  // the REST API refuses in its own problem form (RFC 9457) instead of
  // Tasklist's `{"message": ""}`.
  const { authenticate, callerOf } = createAuthenticator(
    options.verifyToken,
    options.claims,
    (request, reply, challenge) =>
      isRestV2Request(request)
        ? sendProblem(request, reply.header('www-authenticate', challenge), {
            status: 401,
            title: 'Unauthorized',
            detail: 'The request lacks valid authentication credentials.',
          })
        : refuseLikeTasklist(request, reply, challenge),
  );
  await registerRequestLimits(fastify, {
    bodyLimitBytes: options.bodyLimitBytes,
    ratePerMinute: options.rateLimitPerMinute,
    callerOf,
  });
  const yoga = createTasklistYoga({
    store: options.store,
    previewLimit: options.previewLimit,
    log: fastify.log,
    callerOf,
  });

  await fastify.register(restV2Plugin, {
    prefix: '/v2',
    store: options.store,
    previewLimit: options.previewLimit,
    bodyLimitBytes: options.bodyLimitBytes,
    authenticate,
    callerOf,
  });

  await fastify.register((scope) => {
    // fastify only buffers the body, within the body limit (H54), and yoga
    // parses it, so malformed JSON gets a GraphQL-style error. This is the
    // only body limit on /graphql: yoga's own is off, since on Node 20 it
    // throws outside the request when a chunked body passes the limit, and
    // it pipes every body through a stream once more.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: options.bodyLimitBytes },
      (_request, body, done) => {
        done(null, body);
      },
    );
    scope.route({
      url: '/graphql',
      method: ['GET', 'POST'],
      onRequest: authenticate,
      handler: async (request, reply) => {
        const response = await yoga.handleNodeRequestAndResponse(
          request,
          reply,
          { req: request, reply },
        );
        return sendResponse(reply, response);
      },
    });
  });
}

/** Answers that are one JSON document (every answer but event streams). */
const WHOLE_BODY = /^application\/(graphql-response\+)?json\b/;

/**
 * Hands yoga's answer to fastify. A JSON answer is read whole and sent as a
 * string: yoga has it in memory already, and letting fastify pipe it as a
 * web stream cost more than executing a page of tasks. Anything else (an
 * event stream) is still streamed.
 */
async function sendResponse(reply: FastifyReply, response: Response) {
  reply.code(response.status);
  response.headers.forEach((value, key) => {
    reply.header(key, value);
  });
  if (WHOLE_BODY.test(response.headers.get('content-type') ?? '')) {
    return reply.send(await response.text());
  }
  return reply.send(response.body);
}

/** Builds the fastify instance with JSON logs that never print tokens. */
export async function buildTasklistApp(
  options: TasklistAppOptions,
  server: FastifyServerOptions = {},
): Promise<FastifyInstance> {
  // H54: fastify's parsers stop at the same limit as the HTTP-layer check.
  const fastify = Fastify({ bodyLimit: options.bodyLimitBytes, ...server });
  await fastify.register(tasklistApp, options);
  return fastify;
}
