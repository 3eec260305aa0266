import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp, managementOf } from './app';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './logger';

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
const logger = createLogger(config.logLevel);
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

await listen(fastify, config.host, config.port, 'APP_PORT');
await listen(
  managementOf(fastify),
  config.management.host,
  config.management.port,
  'MANAGEMENT_PORT',
);

/**
 * A taken port is a setting to change, not a crash: one line naming it and
 * the variable that moves it, and no stack trace (H57).
 */
async function listen(
  server: typeof fastify,
  host: string,
  port: number,
  setting: string,
): Promise<void> {
  try {
    await server.listen({ host, port });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EADDRINUSE' && code !== 'EACCES') throw error;
    console.error(
      code === 'EADDRINUSE'
        ? `[bff] port ${String(port)} on ${host} is already in use; set ${setting} to a free port`
        : `[bff] not allowed to listen on port ${String(port)} on ${host}; set ${setting} to another port`,
    );
    await fastify.close();
    process.exit(1);
  }
}
