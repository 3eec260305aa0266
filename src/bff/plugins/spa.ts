import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export interface SpaOptions {
  distDir: string;
}

/**
 * Serves the built SPA. `index.html` must be revalidated on every load so a
 * deploy is picked up at once; hashed assets never change and are immutable.
 * The fallback to `index.html` is for client-side routes only: an unknown
 * `/assets/*` or `/api/*` path gets a 404, never HTML that the browser would
 * try to run as a module.
 */
export async function spaPlugin(fastify: FastifyInstance, opts: SpaOptions) {
  const indexFile = path.join(opts.distDir, 'index.html');
  if (!existsSync(indexFile)) {
    throw new Error(
      `No built SPA at ${opts.distDir}; run "npm run build" first`,
    );
  }

  await fastify.register(fastifyStatic, {
    root: opts.distDir,
    wildcard: false,
    index: false,
    cacheControl: false,
    setHeaders(reply, filePath) {
      const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
      void reply.header(
        'cache-control',
        immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });

  fastify.setNotFoundHandler(async (request, reply) => {
    const url = request.url.split('?')[0] ?? '/';
    const wantsApp =
      request.method === 'GET' &&
      !url.startsWith('/assets/') &&
      !url.startsWith('/api/') &&
      !path.extname(url);
    if (!wantsApp) {
      await reply
        .code(404)
        .type('application/json')
        .send({ error: 'not_found' });
      return;
    }
    await reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
