import { z } from 'zod';
import { SecretValue } from './secret-value';
import {
  isLoopbackUrl,
  listOf,
  originList,
  parseAccentColor,
  parseFeatures,
  parseFontFamily,
  parseLogoUrl,
  parseFrameAncestors,
  parseTrustProxy,
  type Brand,
  type TrustProxy,
} from './config-parsers';
import { loadProxyConfig, type ProxyConfig } from './proxy-config';

/** The fixed development secret of `.env.example`; production refuses it. */
export const DEV_ONLY_CLIENT_SECRET = 'dev-only-secret-change-me';

const DEFAULT_APP_ORIGINS = [
  'http://127.0.0.1:3000',
  'http://localhost:3000',
  'http://127.0.0.1:5173',
  'http://localhost:5173',
];
const DEFAULT_ISSUER = 'http://127.0.0.1:18080';

/** Asymmetric JWS algorithms only: HS* would let anyone holding a public key mint tokens. */
const ASYMMETRIC_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
  'Ed25519',
] as const;

export type BodyFormat = 'form' | 'json';

export type BffMode = 'direct' | 'proxy';

export interface OAuthClientConfig {
  tokenUrl: string;
  clientId: string;
  clientSecret: SecretValue;
  /** Sent as `audience=` when defined (Camunda SaaS, the embedded provider). */
  audience: string | undefined;
  scope: string | undefined;
  /** RFC 8707 resource indicator, when the provider wants one. */
  resource: string | undefined;
  bodyFormat: BodyFormat;
  timeoutMs: number;
}

export interface BffConfig {
  nodeEnv: 'development' | 'production' | 'test';
  host: string;
  port: number;
  logLevel: string;
  /** proxy (the default): the BFF serves `/graphql`; direct: the browser calls Tasklist. */
  mode: BffMode;
  appOrigins: string[];
  allowSameSite: boolean;
  trustProxy: TrustProxy;
  oidc: { issuer: string; clientId: string; scopes: string; resource: string };
  userToken: {
    audience: string;
    algorithms: string[];
    clockToleranceS: number;
    /** Required JOSE `typ`; undefined only with BFF_USER_TOKEN_TYP=none. */
    typ: string | undefined;
    /** The SPA's client id, which `client_id`/`azp` must name (H59). */
    clientId: string;
  };
  allowedGroups: string[];
  rateLimit: { perUser: number; perIp: number };
  tasklistGraphqlUrl: string;
  pollIntervalMs: number;
  features: Record<string, boolean>;
  frameAncestors: string[];
  /** Issue 13: accent colour, font and logo, so an embedded inbox matches its portal. */
  brand: Brand;
  oauth: OAuthClientConfig;
  /** H64: where /metrics and the detailed /readyz are served. */
  management: { host: string; port: number };
  /** Proxy-mode settings (`proxy-config.ts`); read in both modes, used in proxy mode. */
  proxy: ProxyConfig;
}

export interface LoadedConfig {
  config: BffConfig;
  /** Things worth a warning at boot (dev-only fallbacks, plain-http secrets). */
  warnings: string[];
}

/** Every configuration problem at once, so one restart fixes them all. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Invalid BFF configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.name = 'ConfigError';
  }
}

/** Unset, empty and only blanks mean the same for most variables. */
const opt = <T extends z.ZodType>(schema: T) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    schema.optional(),
  );

const httpUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
  .describe('url');
/**
 * An address the BFF hands to the browser in /api/config
 * (runtime-config.schema.json): lower-case scheme, and no user info or
 * fragment, which would leak credentials or break the SPA's requests.
 */
const browserUrl = httpUrl
  .refine((v) => !/^https?:/i.test(v) || /^https?:\/\//.test(v), {
    error: 'must start with http:// or https:// in lower case',
  })
  .refine((v) => !/^[^/?#]*\/\/[^/?#]*@/.test(v), {
    error: 'must not contain a user name or password',
  })
  .refine((v) => !v.includes('#'), { error: 'must not contain a fragment' });
/** An OpenID issuer: a browser URL without a query (OpenID Connect Discovery 1.0, 3). */
const issuerUrl = browserUrl.refine((v) => !v.includes('?'), {
  error: 'must not contain a query',
});
const int = (min: number, max: number) =>
  z.coerce
    .number({ error: 'must be a number' })
    .int({ error: 'must be a whole number' })
    .min(min, { error: `must be at least ${min}` })
    .max(max, { error: `must be at most ${max}` });
const bool = z.enum(['true', 'false'], { error: 'must be true or false' });

const envSchema = z.object({
  NODE_ENV: opt(
    z.enum(['development', 'production', 'test'], {
      error: 'must be development, production or test',
    }),
  ),
  HOST: opt(z.string()),
  APP_PORT: opt(int(0, 65535)),
  MANAGEMENT_HOST: opt(z.string()),
  MANAGEMENT_PORT: opt(int(0, 65535)),
  LOG_LEVEL: opt(
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error:
        'must be a pino level (fatal, error, warn, info, debug, trace, silent)',
    }),
  ),
  BFF_MODE: opt(
    z.enum(['direct', 'proxy'], { error: 'must be proxy or direct' }),
  ),
  APP_ORIGINS: opt(originList),
  BFF_ALLOW_SAME_SITE: opt(bool),
  BFF_TRUST_PROXY: opt(z.string()),
  OIDC_ISSUER: opt(issuerUrl),
  OIDC_CLIENT_ID: opt(z.string()),
  OIDC_SCOPES: opt(z.string()),
  BFF_RESOURCE: opt(z.string()),
  BFF_AUDIENCE: opt(z.string()),
  BFF_USER_TOKEN_ALGORITHMS: opt(
    listOf(
      z.enum(ASYMMETRIC_ALGORITHMS, {
        error: `must list asymmetric algorithms only (${ASYMMETRIC_ALGORITHMS.join(', ')})`,
      }),
    ),
  ),
  BFF_CLOCK_TOLERANCE_S: opt(int(0, 60)),
  BFF_USER_TOKEN_TYP: opt(z.string()),
  BFF_ALLOWED_GROUPS: opt(listOf(z.string())),
  BFF_RATE_LIMIT_PER_USER: opt(int(1, 1_000_000)),
  BFF_RATE_LIMIT_PER_IP: opt(int(1, 1_000_000)),
  TASKLIST_GRAPHQL_URL: opt(browserUrl),
  POLL_INTERVAL_MS: opt(int(1000, 3_600_000)),
  BFF_FEATURES: opt(z.string()),
  FRAME_ANCESTORS: opt(z.string()),
  BRAND_ACCENT_COLOR: opt(z.string()),
  BRAND_FONT_FAMILY: opt(z.string()),
  BRAND_LOGO_URL: opt(z.string()),
  OAUTH_TOKEN_URL: opt(httpUrl),
  OAUTH_CLIENT_ID: opt(z.string()),
  OAUTH_CLIENT_SECRET: opt(z.string()),
  // Not `opt`: an empty OAUTH_AUDIENCE deliberately means "send none".
  OAUTH_AUDIENCE: z.string().optional(),
  OAUTH_SCOPE: opt(z.string()),
  OAUTH_RESOURCE: opt(z.string()),
  OAUTH_BODY_FORMAT: opt(
    z.enum(['form', 'json'], { error: 'must be form or json' }),
  ),
  OAUTH_TIMEOUT_MS: opt(int(100, 10_000)),
});

type Env = z.infer<typeof envSchema>;

/**
 * Reads and validates the BFF's configuration from the environment. Throws a
 * `ConfigError` naming every bad variable; never echoes secret values.
 */
export function loadConfig(env: NodeJS.ProcessEnv): LoadedConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map(
        (issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`,
      ),
    );
  }
  const problems: string[] = [];
  const warnings: string[] = [];
  const config = assemble(parsed.data, env, problems, warnings);
  if (problems.length > 0) throw new ConfigError(problems);
  return { config, warnings };
}

function assemble(
  e: Env,
  rawEnv: NodeJS.ProcessEnv,
  problems: string[],
  warnings: string[],
): BffConfig {
  const nodeEnv = e.NODE_ENV ?? 'development';
  const issuer = e.OIDC_ISSUER ?? DEFAULT_ISSUER;
  const mode = e.BFF_MODE ?? 'proxy';
  const oauth = oauthConfig(e, issuer, nodeEnv, problems, warnings);
  const tasklistGraphqlUrl =
    e.TASKLIST_GRAPHQL_URL ?? 'http://127.0.0.1:8080/graphql';
  return {
    nodeEnv,
    host: e.HOST ?? '127.0.0.1',
    port: e.APP_PORT ?? 3000,
    logLevel: e.LOG_LEVEL ?? 'info',
    mode,
    appOrigins: e.APP_ORIGINS ?? DEFAULT_APP_ORIGINS,
    allowSameSite: e.BFF_ALLOW_SAME_SITE === 'true',
    trustProxy: collect(
      () => parseTrustProxy(e.BFF_TRUST_PROXY),
      'BFF_TRUST_PROXY',
      problems,
      false,
    ),
    oidc: {
      issuer,
      clientId: e.OIDC_CLIENT_ID ?? 'tasklist-inbox',
      scopes: e.OIDC_SCOPES ?? 'openid profile email groups offline_access',
      resource: e.BFF_RESOURCE ?? 'urn:tasklist-inbox:bff',
    },
    userToken: userTokenConfig(e, problems, warnings),
    allowedGroups: e.BFF_ALLOWED_GROUPS ?? [],
    rateLimit: {
      perUser: e.BFF_RATE_LIMIT_PER_USER ?? 20,
      perIp: e.BFF_RATE_LIMIT_PER_IP ?? 120,
    },
    tasklistGraphqlUrl,
    pollIntervalMs: e.POLL_INTERVAL_MS ?? 5000,
    features: collect(
      () => parseFeatures(e.BFF_FEATURES),
      'BFF_FEATURES',
      problems,
      {},
    ),
    frameAncestors: collect(
      () => parseFrameAncestors(e.FRAME_ANCESTORS),
      'FRAME_ANCESTORS',
      problems,
      [],
    ),
    brand: brandConfig(e, problems),
    oauth,
    management: managementConfig(e, problems, warnings),
    proxy: loadProxyConfig(
      rawEnv,
      {
        tasklistGraphqlUrl,
        proxyMode: mode === 'proxy',
        production: nodeEnv === 'production',
      },
      problems,
      warnings,
    ),
  };
}

/**
 * H64: metrics and the detailed readiness belong to operators, not to the
 * public port: by default on the loopback interface only.
 */
function managementConfig(
  e: Env,
  problems: string[],
  warnings: string[],
): BffConfig['management'] {
  const host = e.MANAGEMENT_HOST ?? '127.0.0.1';
  const port = e.MANAGEMENT_PORT ?? 9000;
  if (port !== 0 && port === (e.APP_PORT ?? 3000)) {
    problems.push(
      `MANAGEMENT_PORT: must differ from APP_PORT (${String(port)}); the management listener is separate from the public one`,
    );
  }
  if (!isLoopbackUrl(`http://${host.includes(':') ? `[${host}]` : host}/`)) {
    warnings.push(
      `MANAGEMENT_HOST=${host} is not a loopback address: /metrics and /readyz are reachable from the network; keep the port behind a firewall`,
    );
  }
  return { host, port };
}

/** The BFF is the audience of the SPA's access tokens, named by its resource. */
export const DEFAULT_BFF_AUDIENCE = 'urn:tasklist-inbox:bff';

/**
 * H59: only an access token meant for the BFF opens `/api/token`, never an
 * ID token. ID tokens leak through logout URLs (`id_token_hint`), browser
 * history and proxy logs, and their audience is the SPA's client id; so that
 * audience is refused, RFC 9068's `typ: at+jwt` is required unless a
 * provider without it is configured explicitly, and `client_id`/`azp` must
 * name the SPA.
 */
function userTokenConfig(
  e: Env,
  problems: string[],
  warnings: string[],
): BffConfig['userToken'] {
  const clientId = e.OIDC_CLIENT_ID ?? 'tasklist-inbox';
  const audience = e.BFF_AUDIENCE ?? DEFAULT_BFF_AUDIENCE;
  if (audience === clientId) {
    problems.push(
      `BFF_AUDIENCE: must differ from OIDC_CLIENT_ID ("${clientId}"); the SPA's ID tokens carry its client id as audience, so they would be accepted as access tokens. Give the SPA's access tokens for the BFF their own audience (default ${DEFAULT_BFF_AUDIENCE})`,
    );
  }
  let typ: string | undefined = e.BFF_USER_TOKEN_TYP ?? 'at+jwt';
  if (typ.toLowerCase() === 'none') {
    typ = undefined;
    warnings.push(
      'BFF_USER_TOKEN_TYP=none: the JOSE typ of user tokens is not checked; ID tokens are told apart only by audience and client_id/azp',
    );
  }
  return {
    audience,
    algorithms: e.BFF_USER_TOKEN_ALGORITHMS ?? ['RS256', 'PS256', 'ES256'],
    clockToleranceS: e.BFF_CLOCK_TOLERANCE_S ?? 30,
    typ,
    clientId,
  };
}

function oauthConfig(
  e: Env,
  issuer: string,
  nodeEnv: BffConfig['nodeEnv'],
  problems: string[],
  warnings: string[],
): OAuthClientConfig {
  const tokenUrl = e.OAUTH_TOKEN_URL ?? `${issuer.replace(/\/$/, '')}/token`;
  let secret = e.OAUTH_CLIENT_SECRET;
  if (nodeEnv === 'production') {
    if (secret === undefined) {
      problems.push('OAUTH_CLIENT_SECRET: required when NODE_ENV=production');
    } else if (secret === DEV_ONLY_CLIENT_SECRET) {
      problems.push(
        'OAUTH_CLIENT_SECRET: the DEV-ONLY default is refused when NODE_ENV=production; set the real client secret',
      );
    }
    if (!tokenUrl.startsWith('https:') && !isLoopbackUrl(tokenUrl)) {
      warnings.push(
        'OAUTH_TOKEN_URL is plain http to a non-loopback host: the client secret crosses the network unencrypted',
      );
    }
  } else if (secret === undefined) {
    secret = DEV_ONLY_CLIENT_SECRET;
    warnings.push(
      'OAUTH_CLIENT_SECRET is not set: using the DEV-ONLY default secret (refused when NODE_ENV=production)',
    );
  }
  return {
    tokenUrl,
    clientId: e.OAUTH_CLIENT_ID ?? 'tasklist-inbox-bff',
    clientSecret: new SecretValue(secret ?? ''),
    audience:
      e.OAUTH_AUDIENCE === undefined
        ? 'tasklist-api'
        : e.OAUTH_AUDIENCE || undefined,
    scope: e.OAUTH_SCOPE,
    resource: e.OAUTH_RESOURCE,
    bodyFormat: e.OAUTH_BODY_FORMAT ?? 'form',
    timeoutMs: e.OAUTH_TIMEOUT_MS ?? 4000,
  };
}

/** The brand tokens that are set; each one checked strictly (issue 13). */
function brandConfig(e: Env, problems: string[]): Brand {
  const brand: Brand = {};
  const set = (
    key: keyof Brand,
    name: string,
    raw: string | undefined,
    parse: (raw: string) => string,
  ) => {
    if (raw === undefined) return;
    const value = collect(() => parse(raw.trim()), name, problems, undefined);
    if (value !== undefined) brand[key] = value;
  };
  set(
    'accentColor',
    'BRAND_ACCENT_COLOR',
    e.BRAND_ACCENT_COLOR,
    parseAccentColor,
  );
  set('fontFamily', 'BRAND_FONT_FAMILY', e.BRAND_FONT_FAMILY, parseFontFamily);
  set('logoUrl', 'BRAND_LOGO_URL', e.BRAND_LOGO_URL, parseLogoUrl);
  return brand;
}

/** Runs a parser that throws plain messages, turning them into problems. */
function collect<T>(
  parse: () => T,
  name: string,
  problems: string[],
  fallback: T,
): T {
  try {
    return parse();
  } catch (error) {
    problems.push(
      `${name}: ${error instanceof Error ? error.message : String(error)}`,
    );
    return fallback;
  }
}
