import type { FastifyInstance } from 'fastify';
import { healthRoutes } from './routes/health';
import { spaPlugin } from './plugins/spa';

export interface AppOptions {
  /** Folder holding the built SPA; omitted in dev, where Vite serves it. */
  distDir?: string | undefined;
}

/** The BFF as a plugin: everything but listening, so tests can inject. */
export async function app(fastify: FastifyInstance, opts: AppOptions) {
  await fastify.register(healthRoutes);
  if (opts.distDir) {
    await fastify.register(spaPlugin, { distDir: opts.distDir });
  }
}
