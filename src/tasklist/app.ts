import Fastify, {
  type FastifyInstance,
  type FastifyServerOptions,
} from 'fastify';
import type { ClaimSettings } from './auth/caller-from-claims';
import type { VerifyToken } from './auth/token-verifier';
import { createTasklistYoga } from './graphql/create-yoga';
import { createAuthenticator } from './http/authenticate';
import { registerCors } from './http/cors';
import { healthRoutes } from './http/health';
import type { TasklistStore } from './store/tasklist-store';

export interface TasklistAppOptions {
  store: TasklistStore;
  verifyToken: VerifyToken;
  claims: ClaimSettings;
  corsOrigins: string[];
  previewLimit: number;
  bodyLimitBytes: number;
}

/**
 * The embedded Tasklist as a fastify plugin: `GET /health` and `/graphql`
 * behind bearer-token authentication. Everything but listening, so tests can
 * use `inject()`.
 */
export async function tasklistApp(
  fastify: FastifyInstance,
  options: TasklistAppOptions,
) {
  fastify.setErrorHandler(
    (error: { statusCode?: number; message?: string }, request, reply) => {
      const status = error.statusCode ?? 500;
      if (status >= 500) {
        request.log.error({ err: error }, 'request failed');
        return reply.code(500).send({ message: 'Internal server error' });
      }
      return reply.code(status).send({ message: error.message ?? '' });
    },
  );

  await registerCors(fastify, options.corsOrigins);
  healthRoutes(fastify, options.store);

  const { authenticate, callerOf } = createAuthenticator(
    options.verifyToken,
    options.claims,
  );
  const yoga = createTasklistYoga({
    store: options.store,
    previewLimit: options.previewLimit,
    bodyLimitBytes: options.bodyLimitBytes,
    log: fastify.log,
    callerOf,
  });

  await fastify.register((scope) => {
    // yoga reads the body itself, so malformed JSON gets a GraphQL-style
    // error instead of fastify's, and yoga's size limit applies.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, _payload, done) => {
      done(null);
    });
    scope.route({
      url: '/graphql',
      method: ['GET', 'POST'],
      onRequest: authenticate,
      handler: (request, reply) =>
        yoga.handleNodeRequestAndResponse(request, reply, {
          req: request,
          reply,
        }),
    });
  });
}

/** Builds the fastify instance with JSON logs that never print tokens. */
export async function buildTasklistApp(
  options: TasklistAppOptions,
  server: FastifyServerOptions = {},
): Promise<FastifyInstance> {
  const fastify = Fastify(server);
  await fastify.register(tasklistApp, options);
  return fastify;
}
