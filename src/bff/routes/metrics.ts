import type { FastifyInstance } from 'fastify';
import type { BffMetrics } from '../metrics';

/** `GET /metrics` in the Prometheus text format. */
export function metricsRoutes(
  fastify: FastifyInstance,
  opts: { metrics: BffMetrics },
): void {
  fastify.get('/metrics', async (_request, reply) => {
    const text = await opts.metrics.registry.metrics();
    await reply
      .header('cache-control', 'no-store')
      .type(opts.metrics.registry.contentType)
      .send(text);
  });
}
