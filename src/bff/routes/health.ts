import type { FastifyInstance } from 'fastify';

/** Liveness without upstream calls, so an identity outage never restarts us. */
export function healthRoutes(fastify: FastifyInstance) {
  fastify.get('/healthz', async (_req, reply) => {
    await reply.header('cache-control', 'no-store').send({ status: 'ok' });
  });
}
