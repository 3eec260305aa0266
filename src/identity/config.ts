/**
 * The identity provider's configuration, read from the environment and
 * validated once at boot so a typo fails loudly instead of half-working.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseTrustedProxies, type TrustedProxies } from './trusted-proxies';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');

/** DEV-ONLY: the BFF client's secret when nothing else is configured. */
export const DEV_ONLY_CLIENT_SECRET = 'dev-only-secret-change-me';

/** The app origins `npm start` and `npm run dev` use by default. */
const DEFAULT_APP_ORIGINS = [
  'http://127.0.0.1:3000',
  'http://localhost:3000',
  'http://127.0.0.1:5173',
  'http://localhost:5173',
];

export interface ResourceSetting {
  /** RFC 8707 resource indicator (an absolute URI). */
  identifier: string;
  /** The `aud` claim of tokens for this resource. */
  audience: string;
}

export interface IdentityConfig {
  production: boolean;
  host: string;
  port: number;
  issuer: string;
  appOrigins: string[];
  keysFile: string;
  usersFile: string;
  keepKeys: number;
  spaClientId: string;
  bffClientId: string;
  bffClientSecret: string;
  tasklistResource: ResourceSetting;
  bffResource: ResourceSetting;
  accessTokenTtl: number;
  refreshTokenTtl: number;
  trustProxy: TrustedProxies;
  allowDemoUsers: boolean;
  signIn: {
    maxFailuresPerUser: number;
    maxFailuresPerIp: number;
    windowSeconds: number;
  };
  logLevel: string;
  /** Things worth a warning at start-up (never secret values). */
  warnings: string[];
}

/** Thrown with every problem found, so one boot shows them all. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid identity configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

const seconds = (fallback: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

const absoluteUri = z.string().refine((value) => URL.canParse(value), {
  error: 'must be an absolute URI (e.g. urn:example:api)',
});

const origin = z
  .string()
  .refine((value) => URL.canParse(value) && new URL(value).origin === value, {
    error: 'must be an origin such as http://127.0.0.1:3000 (no path)',
  });

const issuer = z.string().refine(
  (value) => {
    if (!URL.canParse(value)) return false;
    const url = new URL(value);
    return /^https?:$/.test(url.protocol) && url.origin === value;
  },
  { error: 'must be an http(s) origin without a path or trailing slash' },
);

const flag = z
  .enum(['true', 'false', '1', '0', ''])
  .default('false')
  .transform((value) => value === 'true' || value === '1');

const envSchema = z.object({
  NODE_ENV: z.string().default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  IDENTITY_PORT: z.coerce.number().int().min(0).max(65535).default(18080),
  OIDC_ISSUER: issuer.optional(),
  APP_ORIGINS: z
    .string()
    .optional()
    .transform((value) =>
      value === undefined || value.trim() === ''
        ? DEFAULT_APP_ORIGINS
        : value
            .split(',')
            .map((item) => item.trim())
            .filter(Boolean),
    )
    .pipe(z.array(origin).min(1)),
  DATA_DIR: z.string().min(1).default('.data'),
  IDENTITY_KEYS_FILE: z.string().min(1).optional(),
  IDENTITY_USERS_FILE: z.string().min(1).optional(),
  IDENTITY_KEYS_KEEP: z.coerce.number().int().min(2).max(10).default(3),
  OIDC_CLIENT_ID: z.string().min(1).default('tasklist-inbox'),
  OAUTH_CLIENT_ID: z.string().min(1).default('tasklist-inbox-bff'),
  OAUTH_CLIENT_SECRET: z.string().optional(),
  TASKLIST_RESOURCE: absoluteUri.default('urn:camunda:tasklist-api'),
  TASKLIST_AUDIENCE: z.string().min(1).default('tasklist-api'),
  BFF_RESOURCE: absoluteUri.default('urn:tasklist-inbox:bff'),
  // The resource indicator itself: an ID token's audience is the SPA's
  // client id, and the BFF must never take one for an access token (H59).
  BFF_AUDIENCE: z.string().min(1).default('urn:tasklist-inbox:bff'),
  IDENTITY_ACCESS_TOKEN_TTL: seconds(300, 30, 24 * 3600),
  IDENTITY_REFRESH_TOKEN_TTL: seconds(8 * 3600, 60, 30 * 24 * 3600),
  IDENTITY_TRUST_PROXY: z
    .string()
    .optional()
    .transform((value, ctx): TrustedProxies => {
      try {
        return parseTrustedProxies(value);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    }),
  IDENTITY_ALLOW_DEMO_USERS: flag,
  IDENTITY_SIGNIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  IDENTITY_SIGNIN_MAX_FAILURES_PER_IP: z.coerce
    .number()
    .int()
    .min(1)
    .default(20),
  IDENTITY_SIGNIN_WINDOW: seconds(300, 1, 24 * 3600),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info'),
});

type Env = z.infer<typeof envSchema>;

function describeIssues(error: z.ZodError): string[] {
  return error.issues.map(
    (issue) => `${issue.path.join('.')}: ${issue.message}`,
  );
}

/** Empty strings mean "unset", as in a `.env` line like `IDENTITY_KEYS_FILE=`. */
function withoutEmpty(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && value !== '') out[key] = value;
  }
  return out;
}

function clientSecret(env: Env, production: boolean) {
  const problems: string[] = [];
  const warnings: string[] = [];
  const secret = env.OAUTH_CLIENT_SECRET;
  if (production) {
    if (secret === undefined) {
      problems.push(
        'OAUTH_CLIENT_SECRET is required when NODE_ENV=production (npm start generates one in $DATA_DIR/oauth-client-secret)',
      );
    } else if (secret === DEV_ONLY_CLIENT_SECRET) {
      problems.push(
        'OAUTH_CLIENT_SECRET is the DEV-ONLY default from .env.example, which NODE_ENV=production refuses; set a random secret',
      );
    } else if (secret.length < 16) {
      problems.push(
        'OAUTH_CLIENT_SECRET must be at least 16 characters when NODE_ENV=production',
      );
    }
  } else if (secret === undefined || secret === DEV_ONLY_CLIENT_SECRET) {
    warnings.push(
      `OAUTH_CLIENT_SECRET is the DEV-ONLY default for ${env.OAUTH_CLIENT_ID}; never use it outside a development machine`,
    );
  }
  return { secret: secret ?? DEV_ONLY_CLIENT_SECRET, problems, warnings };
}

function crossChecks(env: Env): string[] {
  const problems: string[] = [];
  if (env.OIDC_CLIENT_ID === env.OAUTH_CLIENT_ID) {
    problems.push('OIDC_CLIENT_ID and OAUTH_CLIENT_ID must differ');
  }
  if (env.TASKLIST_RESOURCE === env.BFF_RESOURCE) {
    problems.push('TASKLIST_RESOURCE and BFF_RESOURCE must differ');
  }
  if (env.TASKLIST_AUDIENCE === env.BFF_AUDIENCE) {
    problems.push('TASKLIST_AUDIENCE and BFF_AUDIENCE must differ');
  }
  if (env.BFF_AUDIENCE === env.OIDC_CLIENT_ID) {
    problems.push(
      'BFF_AUDIENCE must differ from OIDC_CLIENT_ID: ID tokens carry the client id as audience and would pass for access tokens at the BFF',
    );
  }
  return problems;
}

/** The bundled demo users: passwords equal to usernames, for a local machine. */
export const DEMO_USERS_FILE = path.join(HERE, 'demo-users.json');

/** 127.0.0.0/8, ::1 and localhost: a listener nobody else can reach. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  return (
    bare === 'localhost' ||
    bare === '::1' ||
    /^127(\.\d{1,3}){3}$/.test(bare) ||
    /^::ffff:127(\.\d{1,3}){3}$/.test(bare)
  );
}

function demoUsernames(): string {
  try {
    const file = JSON.parse(readFileSync(DEMO_USERS_FILE, 'utf8')) as {
      users?: { username?: unknown }[];
    };
    return (file.users ?? []).map((user) => String(user.username)).join(', ');
  } catch {
    return 'demo, alice, bob, carol';
  }
}

/**
 * H63: the demo users' passwords are their usernames. On a listener other
 * machines can reach, anyone could sign in as them, so that needs a
 * deliberate IDENTITY_ALLOW_DEMO_USERS=true (a demo on a shared network).
 */
function demoUsersCheck(env: Env, usersFile: string): string[] {
  if (
    usersFile !== DEMO_USERS_FILE ||
    isLoopbackHost(env.HOST) ||
    env.IDENTITY_ALLOW_DEMO_USERS
  ) {
    return [];
  }
  return [
    `HOST=${env.HOST} is reachable from other machines, and the users are the bundled demo users (${demoUsernames()}) whose passwords are their usernames: set IDENTITY_USERS_FILE to your own users, or IDENTITY_ALLOW_DEMO_USERS=true for a demo on a shared network`,
  ];
}

/**
 * Where the key file lives and how many keys a rotation keeps. The
 * rotate-keys command needs only this, not the rest of the configuration.
 */
export function keySettings(rawEnv: NodeJS.ProcessEnv): {
  keysFile: string;
  keepKeys: number;
} {
  const schema = envSchema.pick({
    DATA_DIR: true,
    IDENTITY_KEYS_FILE: true,
    IDENTITY_KEYS_KEEP: true,
  });
  const parsed = schema.safeParse(withoutEmpty(rawEnv));
  if (!parsed.success) {
    throw new ConfigError(describeIssues(parsed.error));
  }
  const env = parsed.data;
  const dataDir = path.resolve(ROOT, env.DATA_DIR);
  return {
    keysFile: path.resolve(
      ROOT,
      env.IDENTITY_KEYS_FILE ?? path.join(dataDir, 'identity-keys.json'),
    ),
    keepKeys: env.IDENTITY_KEYS_KEEP,
  };
}

/**
 * Reads and validates the identity provider's settings.
 * @throws ConfigError listing every problem found.
 */
export function loadConfig(rawEnv: NodeJS.ProcessEnv): IdentityConfig {
  const parsed = envSchema.safeParse(withoutEmpty(rawEnv));
  if (!parsed.success) {
    throw new ConfigError(describeIssues(parsed.error));
  }
  const env = parsed.data;
  const production = env.NODE_ENV === 'production';
  const secret = clientSecret(env, production);
  const usersFile = path.resolve(
    ROOT,
    env.IDENTITY_USERS_FILE ?? DEMO_USERS_FILE,
  );
  const problems = [
    ...secret.problems,
    ...crossChecks(env),
    ...demoUsersCheck(env, usersFile),
  ];
  if (problems.length > 0) throw new ConfigError(problems);

  const keys = keySettings(rawEnv);
  return {
    production,
    host: env.HOST,
    port: env.IDENTITY_PORT,
    issuer: env.OIDC_ISSUER ?? `http://${env.HOST}:${env.IDENTITY_PORT}`,
    appOrigins: [...new Set(env.APP_ORIGINS)],
    keysFile: keys.keysFile,
    usersFile,
    keepKeys: keys.keepKeys,
    spaClientId: env.OIDC_CLIENT_ID,
    bffClientId: env.OAUTH_CLIENT_ID,
    bffClientSecret: secret.secret,
    tasklistResource: {
      identifier: env.TASKLIST_RESOURCE,
      audience: env.TASKLIST_AUDIENCE,
    },
    bffResource: { identifier: env.BFF_RESOURCE, audience: env.BFF_AUDIENCE },
    accessTokenTtl: env.IDENTITY_ACCESS_TOKEN_TTL,
    refreshTokenTtl: env.IDENTITY_REFRESH_TOKEN_TTL,
    trustProxy: env.IDENTITY_TRUST_PROXY,
    allowDemoUsers: env.IDENTITY_ALLOW_DEMO_USERS,
    signIn: {
      maxFailuresPerUser: env.IDENTITY_SIGNIN_MAX_FAILURES,
      maxFailuresPerIp: env.IDENTITY_SIGNIN_MAX_FAILURES_PER_IP,
      windowSeconds: env.IDENTITY_SIGNIN_WINDOW,
    },
    logLevel: env.LOG_LEVEL,
    warnings: secret.warnings,
  };
}
