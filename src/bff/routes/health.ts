import type { FastifyInstance } from 'fastify';
import type { TokenCache } from '../token/token-cache';

const iso = (ms: number | undefined) =>
  ms === undefined ? null : new Date(ms).toISOString();

/**
 * `/healthz`: liveness without upstream calls, so an identity outage never
 * restarts us. `/readyz`: the last client-credentials fetch, ok or failing
 * (503 while failing); it never calls upstream either.
 *
 * H64: on the public port `/readyz` answers the status only; the detail
 * (since when, the last error, the circuit) is for the management listener.
 */
export function healthRoutes(
  fastify: FastifyInstance,
  opts: { cache: TokenCache; detailed: boolean },
): void {
  fastify.get('/healthz', async (_request, reply) => {
    await reply.header('cache-control', 'no-store').send({ status: 'ok' });
  });
  fastify.get('/readyz', async (_request, reply) => {
    const status = opts.cache.status();
    const failing = status.failingSince !== undefined;
    const summary = { status: failing ? 'failing' : 'ok' };
    await reply
      .code(failing ? 503 : 200)
      .header('cache-control', 'no-store')
      .send(
        opts.detailed
          ? {
              ...summary,
              tokenFetch: {
                lastSuccessAt: iso(status.lastSuccessAt),
                failingSince: iso(status.failingSince),
                lastError: status.lastError ?? null,
                circuit: status.circuit,
              },
            }
          : summary,
      );
  });
}
