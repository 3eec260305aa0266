import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import { app } from './app';

const root = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../..',
);
const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.APP_PORT ?? 3000);
const dev = process.env.NODE_ENV === 'development';

const fastify = Fastify({ logger: { level: process.env.LOG_LEVEL ?? 'info' } });
await fastify.register(app, {
  distDir: dev ? undefined : path.join(root, 'dist'),
});

// Close gracefully so in-flight requests finish before the process exits.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void fastify.close().then(() => process.exit(0));
  });
}

await fastify.listen({ host, port });
