/**
 * The embedded Tasklist process: `node --import tsx src/tasklist/server.ts`.
 * Reads its settings from the environment, opens (and on first start seeds)
 * the SQLite world, listens, and closes everything on SIGINT/SIGTERM.
 */
import pino from 'pino';
import { buildTasklistApp } from './app';
import { createTokenVerifier } from './auth/token-verifier';
import { ConfigError, loadConfig } from './config';
import { loggerOptions } from './logging';
import { seedWorld } from './seed/seed-world';
import { TasklistStore } from './store/tasklist-store';

async function main(): Promise<void> {
  const config = loadConfig();
  const log = pino({ ...loggerOptions(config.logLevel), name: 'tasklist' });
  const store = TasklistStore.open(config.dbFile);
  log.info({ db: config.dbFile }, 'opened the Tasklist database');
  if (config.seedOnEmpty && store.isEmpty()) {
    const now = config.seedNow?.getTime() ?? Date.now();
    const summary = seedWorld(store, now);
    log.info(summary, 'seeded the demo world into the empty database');
  }

  const app = await buildTasklistApp(
    {
      store,
      verifyToken: createTokenVerifier({
        issuer: config.issuer,
        audience: config.audience,
        jwksUrl: config.jwksUrl,
        clockToleranceSeconds: config.clockToleranceSeconds,
      }),
      claims: config,
      corsOrigins: config.corsOrigins,
      previewLimit: config.previewLimit,
      bodyLimitBytes: config.bodyLimitBytes,
    },
    { loggerInstance: log },
  );

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'shutting down');
    // In-flight requests finish first; then the database is closed cleanly
    // (checkpointing the WAL).
    app
      .close()
      .then(() => {
        store.close();
        process.exit(0);
      })
      .catch((error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.once('SIGINT', () => {
    shutdown('SIGINT');
  });
  process.once('SIGTERM', () => {
    shutdown('SIGTERM');
  });

  await app.listen({ host: config.host, port: config.port });
}

main().catch((error: unknown) => {
  // Configuration problems are the user's to fix: print them plainly.
  if (error instanceof ConfigError) console.error(error.message);
  else console.error('[tasklist] failed to start:', error);
  process.exit(1);
});
