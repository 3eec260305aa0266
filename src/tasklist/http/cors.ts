import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';

/**
 * CORS for the app's "direct" mode, where the browser calls `/graphql`
 * itself. Off unless origins are configured; then only those exact origins
 * get CORS headers (never `*`, never credentials), and preflights from any
 * other origin are not answered.
 */
export async function registerCors(
  fastify: FastifyInstance,
  origins: string[],
) {
  if (origins.length === 0) return;
  const allowed = new Set(origins);
  await fastify.register(cors, {
    origin: (origin, callback) => {
      callback(
        null,
        origin !== undefined && allowed.has(origin) ? origin : false,
      );
    },
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ['authorization', 'content-type', 'x-is-polling'],
    credentials: false,
    maxAge: 600,
  });
}
