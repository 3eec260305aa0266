import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { buildApp } from './app';
import { ConfigError, loadConfig } from './config';
import { loggerOptions } from './logger';

const root = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../..',
);

function readConfig() {
  try {
    return loadConfig(process.env);
  } catch (error) {
    // Fail at boot with every problem listed, rather than at the first request.
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  }
}

const { config, warnings } = readConfig();
const logger = pino(loggerOptions(config.logLevel));
for (const warning of warnings) logger.warn(warning);

// Vite serves the SPA in development and proxies /api here.
const distDir =
  config.nodeEnv === 'development' ? undefined : path.join(root, 'dist');
const fastify = await buildApp(config, { distDir, logger, warmUp: true });

// Close gracefully so in-flight requests finish before the process exits.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    fastify.log.info({ signal }, 'shutting down');
    void fastify.close().then(() => process.exit(0));
  });
}

await fastify.listen({ host: config.host, port: config.port });
