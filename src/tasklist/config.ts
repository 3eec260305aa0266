import { statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const REPO_ROOT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../..',
);

/** The embedded identity provider's issuer when nothing else is configured. */
export const DEV_ONLY_ISSUER = 'http://127.0.0.1:18080';

/** Tasklist's default `variableSizeThreshold`: longer values get truncated previews. */
export const DEFAULT_PREVIEW_LIMIT = 8191;

/** H54: request bodies above this get 413; a Tasklist request is a few kB. */
export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;

/** H55: requests per minute per caller and client address. */
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 1200;

const PORT_MESSAGE = 'must be a TCP port (1-65535, or 0 for any free port)';
const portSchema = z.coerce
  .number({ error: PORT_MESSAGE })
  .int(PORT_MESSAGE)
  .min(0, PORT_MESSAGE)
  .max(65535, PORT_MESSAGE);

const nonEmpty = z.string().trim().min(1, 'must not be empty');

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], {
    error: 'must be true or false',
  })
  .transform((value) => ['true', '1', 'yes'].includes(value));

const urlSchema = z.url({ error: 'must be an absolute http(s) URL' });

const originList = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((origin) => origin.trim())
      .filter((origin) => origin !== ''),
  )
  .pipe(
    z.array(
      z.string().refine(isExactOrigin, {
        error: (issue) =>
          `"${String(issue.input)}" is not an origin like http://127.0.0.1:3000 (scheme, host and optional port only; no "*", path or trailing slash)`,
      }),
    ),
  );

function isExactOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (
      (url.protocol === 'http:' || url.protocol === 'https:') &&
      url.origin === value
    );
  } catch {
    return false;
  }
}

const isoWithOffset = z
  .string()
  .refine(
    (value) =>
      /(Z|[+-]\d{2}:\d{2})$/i.test(value) && !Number.isNaN(Date.parse(value)),
    'must be an ISO 8601 date-time with an offset, e.g. 2024-05-06T09:00:00Z',
  );

const envSchema = z.object({
  NODE_ENV: z.string().default('development'),
  HOST: nonEmpty.default('127.0.0.1'),
  TASKLIST_PORT: portSchema.default(8080),
  DATA_DIR: nonEmpty.optional(),
  TASKLIST_DB: nonEmpty.optional(),
  PROCESSES_DIR: nonEmpty.optional(),
  OIDC_ISSUER: urlSchema.optional(),
  TASKLIST_JWKS_URL: urlSchema.optional(),
  TASKLIST_AUDIENCE: nonEmpty.default('tasklist-api'),
  TASKLIST_USER_ID_CLAIM: nonEmpty.default('preferred_username'),
  TASKLIST_GROUPS_CLAIM: nonEmpty.default('groups'),
  TASKLIST_READ_SCOPE: nonEmpty.default('tasklist:read'),
  TASKLIST_WRITE_SCOPE: nonEmpty.default('tasklist:write'),
  TASKLIST_CLOCK_TOLERANCE_SECONDS: z.coerce
    .number({ error: 'must be a number of seconds (0-300)' })
    .int()
    .min(0)
    .max(300, 'must be at most 300 seconds')
    .default(30),
  TASKLIST_CORS_ORIGINS: originList.default([]),
  TASKLIST_SEED_ON_EMPTY: booleanFlag.default(true),
  TASKLIST_SEED_NOW: isoWithOffset.optional(),
  TASKLIST_PREVIEW_LIMIT: z.coerce
    .number({ error: 'must be a positive integer' })
    .int()
    .min(1)
    .default(DEFAULT_PREVIEW_LIMIT),
  TASKLIST_BODY_LIMIT_BYTES: z.coerce
    .number({ error: 'must be a positive integer' })
    .int()
    .min(1024)
    .max(16 * 1024 * 1024, 'must be at most 16 MiB')
    .default(DEFAULT_BODY_LIMIT_BYTES),
  TASKLIST_RATE_LIMIT_PER_MINUTE: z.coerce
    .number({ error: 'must be a positive integer' })
    .int()
    .min(1)
    .max(1_000_000)
    .default(DEFAULT_RATE_LIMIT_PER_MINUTE),
  LOG_LEVEL: z
    .string()
    .toLowerCase()
    .pipe(
      z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
    )
    .default('info'),
});

/** Everything the embedded Tasklist reads from its environment, validated. */
export interface TasklistConfig {
  production: boolean;
  host: string;
  port: number;
  dbFile: string;
  issuer: string;
  jwksUrl: string | undefined;
  audience: string;
  userIdClaim: string;
  groupsClaim: string;
  readScope: string;
  writeScope: string;
  clockToleranceSeconds: number;
  corsOrigins: string[];
  seedOnEmpty: boolean;
  seedNow: Date | undefined;
  /** A folder of `.bpmn` and `.form` files loaded after the shipped seed folder. */
  processesDir: string | undefined;
  previewLimit: number;
  bodyLimitBytes: number;
  rateLimitPerMinute: number;
  logLevel: string;
}

/** Thrown at boot with one line per bad setting, so the fix is obvious. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Invalid Tasklist configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.name = 'ConfigError';
  }
}

function isDirectory(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Resolves the database file: TASKLIST_DB wins, else `$DATA_DIR/tasklist.sqlite`,
 * else `<repo>/.data/tasklist.sqlite`. Relative paths resolve against the repo.
 */
export function resolveDbFile(env: NodeJS.ProcessEnv): string {
  const explicit = env.TASKLIST_DB?.trim();
  if (explicit) return path.resolve(REPO_ROOT, explicit);
  const dataDirSetting = env.DATA_DIR?.trim();
  const dataDir = path.resolve(
    REPO_ROOT,
    dataDirSetting === undefined || dataDirSetting === ''
      ? '.data'
      : dataDirSetting,
  );
  return path.join(dataDir, 'tasklist.sqlite');
}

/**
 * Reads and validates the environment. Every setting has a documented default
 * (see `.env.example`); the localhost issuer is a development convenience and
 * is refused when NODE_ENV=production.
 */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
): TasklistConfig {
  const settings = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== ''),
  );
  const parsed = envSchema.safeParse(settings);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map(
        (issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`,
      );
  if (
    settings.NODE_ENV === 'production' &&
    settings.OIDC_ISSUER === undefined
  ) {
    problems.push(
      `OIDC_ISSUER: must be set when NODE_ENV=production (the development default ${DEV_ONLY_ISSUER} is refused)`,
    );
  }
  const processesDir = settings.PROCESSES_DIR?.trim()
    ? path.resolve(REPO_ROOT, settings.PROCESSES_DIR.trim())
    : undefined;
  if (processesDir !== undefined && !isDirectory(processesDir)) {
    problems.push(
      `PROCESSES_DIR: ${processesDir} is not a folder (it should hold .bpmn and .form files)`,
    );
  }
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  return {
    production,
    host: e.HOST,
    port: e.TASKLIST_PORT,
    dbFile: resolveDbFile(env),
    // Compared exactly with the token's `iss`, so it is kept as configured.
    issuer: e.OIDC_ISSUER ?? DEV_ONLY_ISSUER,
    jwksUrl: e.TASKLIST_JWKS_URL,
    audience: e.TASKLIST_AUDIENCE,
    userIdClaim: e.TASKLIST_USER_ID_CLAIM,
    groupsClaim: e.TASKLIST_GROUPS_CLAIM,
    readScope: e.TASKLIST_READ_SCOPE,
    writeScope: e.TASKLIST_WRITE_SCOPE,
    clockToleranceSeconds: e.TASKLIST_CLOCK_TOLERANCE_SECONDS,
    corsOrigins: e.TASKLIST_CORS_ORIGINS,
    seedOnEmpty: e.TASKLIST_SEED_ON_EMPTY,
    seedNow: e.TASKLIST_SEED_NOW ? new Date(e.TASKLIST_SEED_NOW) : undefined,
    processesDir,
    previewLimit: e.TASKLIST_PREVIEW_LIMIT,
    bodyLimitBytes: e.TASKLIST_BODY_LIMIT_BYTES,
    rateLimitPerMinute: e.TASKLIST_RATE_LIMIT_PER_MINUTE,
    logLevel: e.LOG_LEVEL,
  };
}
