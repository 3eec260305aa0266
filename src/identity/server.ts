/**
 * Starts the embedded OpenID provider on HOST:IDENTITY_PORT
 * (default http://127.0.0.1:18080) and stops it cleanly on SIGINT/SIGTERM.
 */
import { createServer } from 'node:http';
import { pino } from 'pino';
import { createIdentityApp } from './app';
import { ConfigError, loadConfig, type IdentityConfig } from './config';
import { loadOrCreateKeys } from './keys';
import { loadUsers } from './users';

function configOrExit(): IdentityConfig {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`[identity] ${error.message}`);
    process.exit(1);
  }
}

const config = configOrExit();
const logger = pino({
  level: config.logLevel,
  base: { service: 'identity' },
});
for (const warning of config.warnings) logger.warn(warning);

const { keys, created } = await loadOrCreateKeys(config.keysFile, (message) => {
  logger.warn(message);
});
logger.info(
  {
    file: config.keysFile,
    kid: keys.signing[0]?.kid,
    keys: keys.signing.length,
  },
  created ? 'generated new signing keys' : 'loaded signing keys',
);
const users = loadUsers(config.usersFile);
logger.info({ file: config.usersFile, users: users.size }, 'loaded users');
logger.warn(
  'sessions, refresh tokens and grants are kept in memory: a restart signs everyone out (signing keys persist, so issued tokens still verify)',
);

const app = createIdentityApp({ config, keys, users, logger });
const server = createServer(app.handle);

server.on('error', (error: NodeJS.ErrnoException) => {
  logger.fatal(
    { err: error },
    error.code === 'EADDRINUSE'
      ? `port ${String(config.port)} on ${config.host} is already in use (set IDENTITY_PORT)`
      : 'cannot start the identity provider',
  );
  process.exit(1);
});

server.listen(config.port, config.host, () => {
  logger.info({ issuer: config.issuer }, 'identity provider listening');
});

// Finish in-flight requests, then exit; give up after a few seconds.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    logger.info({ signal }, 'stopping');
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
