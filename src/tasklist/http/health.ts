import type { FastifyInstance } from 'fastify';
import type { TasklistStore } from '../store/tasklist-store';

/**
 * `GET /health` without authentication: the launcher's readiness check. It
 * touches the database, so a closed or broken store reports 503.
 */
export function healthRoutes(fastify: FastifyInstance, store: TasklistStore) {
  fastify.get('/health', async (request, reply) => {
    try {
      store.db.prepare('SELECT 1').get();
      return await reply
        .header('cache-control', 'no-store')
        .send({ status: 'UP' });
    } catch (error) {
      request.log.error({ err: error }, 'health check failed');
      return await reply
        .code(503)
        .header('cache-control', 'no-store')
        .send({ status: 'DOWN' });
    }
  });
}
