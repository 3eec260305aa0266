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
import { loadProcessFolders } from './engine/load-processes';
import { SEED_PROCESS_DIR, seedWorld } from './seed/seed-world';
import { TasklistStore } from './store/tasklist-store';

async function main(): Promise<void> {
  const config = loadConfig();
  const log = pino({ ...loggerOptions(config.logLevel), name: 'tasklist' });
  const engineLog = log.child({ component: 'engine' });
  const store = TasklistStore.open(config.dbFile, undefined, engineLog);
  log.info({ db: config.dbFile }, 'opened the Tasklist database');
  if (config.seedOnEmpty && store.isEmpty()) {
    const now = config.seedNow?.getTime() ?? Date.now();
    const summary = await seedWorld(store, now, engineLog);
    log.info(summary, 'seeded the demo world into the empty database');
  }
  // The local preview engine: the shipped processes, then PROCESSES_DIR.
  // Changed files become new versions; refused ones are logged with the
  // file, element and reason, and the server still starts.
  const loadStarted = performance.now();
  const folders = [
    SEED_PROCESS_DIR,
    ...(config.processesDir ? [config.processesDir] : []),
  ];
  const report = await loadProcessFolders(store, folders, engineLog);
  log.info(
    {
      folders,
      deployed: report.deployed.length,
      newVersions: report.deployed.filter((d) => d.created).length,
      refused: report.refused.length,
      ms: Math.round(performance.now() - loadStarted),
    },
    'loaded BPMN processes (local preview engine; production runs on Zeebe)',
  );

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
      rateLimitPerMinute: config.rateLimitPerMinute,
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
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (error instanceof ConfigError) console.error(error.message);
  else if (code === 'EADDRINUSE') {
    // Expected, not a crash: one line naming the setting (H57).
    console.error(
      `[tasklist] port ${process.env.TASKLIST_PORT ?? '8080'} is already in use; set TASKLIST_PORT to a free port`,
    );
  } else console.error('[tasklist] failed to start:', error);
  process.exit(1);
});
