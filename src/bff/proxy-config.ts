import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { isLoopbackUrl } from './config-parsers';

/**
 * Proxy-mode settings (docs/bff.md, "Proxy mode"). They live apart from
 * `config.ts` so the direct-mode settings and these can change independently;
 * `loadConfig` reads both and reports every problem at once.
 */

const ROOT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../..',
);

/** The codegen's operations manifest: the SPA's trusted documents. */
export const DEFAULT_TRUSTED_DOCUMENTS_FILE = path.join(
  ROOT,
  'src/app/graphql/__generated__/operations.json',
);

/** What a person may see in proxy mode (docs/bff.md, "Visibility"). */
export type TaskVisibility = 'candidates' | 'all';

/**
 * The upstream kinds the BFF can resolve the SPA's GraphQL against:
 * Tasklist's own GraphQL API (Camunda 8.2-8.7, the embedded server) or the
 * Orchestration Cluster REST API v2 (Camunda 8.8 and later; decisions 015 and
 * 022).
 */
export type UpstreamKind = 'graphql' | 'rest-v2';

/** How the BFF authenticates to the REST API v2. */
export type RestAuth = 'oauth' | 'none';

export interface UpstreamConfig {
  kind: UpstreamKind;
  /** Tasklist's `/graphql` URL: where the `graphql` kind forwards to. */
  graphqlUrl: string;
  /** The REST API v2 base (`…/v2`): where the `rest-v2` kind sends its calls. */
  restUrl: string;
  /** `oauth`: the BFF's client-credentials token; `none`: no credentials at all. */
  restAuth: RestAuth;
  timeoutMs: number;
  /** Keep-alive connections in the pool to the upstream. */
  connections: number;
}

export interface ProxyConfig {
  /** PEM PKCS#8 Ed25519 key shared by several instances; a fresh key per start otherwise. */
  signingKeyFile: string | undefined;
  /** `iss` of the BFF token; its `aud` is this plus `/graphql`. */
  tokenIssuer: string;
  /** Upper bound of a BFF token's life; the user token's own `exp` may cut it shorter. */
  tokenTtlS: number;
  /** The user-token claim holding the person's Tasklist user name. */
  usernameClaim: string;
  visibility: TaskVisibility;
  /** `/graphql` requests per user per minute. */
  rateLimitPerUser: number;
  /** `startProcess` mutations per user per minute (on top of the above). */
  startProcessPerUser: number;
  trustedDocumentsFile: string;
  bodyLimitBytes: number;
  upstream: UpstreamConfig;
}

const opt = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());
const int = (min: number, max: number) =>
  z.coerce
    .number({ error: 'must be a number' })
    .int({ error: 'must be a whole number' })
    .min(min, { error: `must be at least ${min}` })
    .max(max, { error: `must be at most ${max}` });

const proxyEnvSchema = z.object({
  BFF_SIGNING_KEY_FILE: opt(z.string()),
  BFF_TOKEN_ISSUER: opt(
    z.string().refine((value) => URL.canParse(value), {
      error: 'must be a URI such as urn:tasklist-inbox:bff',
    }),
  ),
  BFF_TOKEN_TTL_S: opt(int(10, 300)),
  BFF_USERNAME_CLAIM: opt(
    z.string().regex(/^[\w.:-]+$/, 'must be a claim name'),
  ),
  BFF_TASK_VISIBILITY: opt(
    z.enum(['candidates', 'all'], { error: 'must be candidates or all' }),
  ),
  BFF_GRAPHQL_RATE_LIMIT_PER_USER: opt(int(1, 1_000_000)),
  BFF_START_PROCESS_PER_USER: opt(int(1, 10_000)),
  BFF_TRUSTED_DOCUMENTS_FILE: opt(z.string()),
  BFF_GRAPHQL_BODY_LIMIT_BYTES: opt(int(1024, 50 * 1024 * 1024)),
  BFF_UPSTREAM_TIMEOUT_MS: opt(int(100, 60_000)),
  BFF_UPSTREAM_CONNECTIONS: opt(int(1, 1024)),
  TASKLIST_UPSTREAM: opt(
    z.enum(['graphql', 'rest-v2'], { error: 'must be graphql or rest-v2' }),
  ),
  CAMUNDA_REST_URL: opt(
    z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
      .refine((value) => !new URL(value).search && !new URL(value).hash, {
        error:
          'must be the v2 base without query or fragment, e.g. http://127.0.0.1:8080/v2',
      }),
  ),
  CAMUNDA_REST_AUTH: opt(
    z.enum(['oauth', 'none'], { error: 'must be oauth or none' }),
  ),
});

/**
 * Reads the proxy-mode settings. Problems are pushed (named by variable) so
 * `loadConfig` can list them with its own. A missing BFF_SIGNING_KEY_FILE is
 * fine for a single instance (a fresh key per start), so it is no problem.
 */
export function loadProxyConfig(
  env: NodeJS.ProcessEnv,
  context: {
    tasklistGraphqlUrl: string;
    proxyMode: boolean;
    production: boolean;
  },
  problems: string[],
  warnings: string[],
): ProxyConfig {
  const parsed = proxyEnvSchema.safeParse(env);
  const e = parsed.success ? parsed.data : {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push(`${issue.path.join('.')}: ${issue.message}`);
    }
  }
  const kind = e.TASKLIST_UPSTREAM ?? 'graphql';
  const restUrl = (e.CAMUNDA_REST_URL ?? 'http://127.0.0.1:8080/v2').replace(
    /\/+$/,
    '',
  );
  const restAuth = e.CAMUNDA_REST_AUTH ?? 'oauth';
  if (kind === 'rest-v2' && !context.proxyMode) {
    problems.push(
      "TASKLIST_UPSTREAM: rest-v2 needs BFF_MODE=proxy. In direct mode the browser calls Tasklist's GraphQL API itself, and Camunda 8.8 and later have none; only the BFF in proxy mode can answer the inbox's GraphQL from the REST API v2. Set BFF_MODE=proxy (the default), or TASKLIST_UPSTREAM=graphql for Camunda 8.2-8.7",
    );
  }
  const [urlName, upstreamUrl] =
    kind === 'rest-v2'
      ? ['CAMUNDA_REST_URL', restUrl]
      : ['TASKLIST_GRAPHQL_URL', context.tasklistGraphqlUrl];
  const remote =
    !upstreamUrl.startsWith('https:') && !isLoopbackUrl(upstreamUrl);
  if (context.proxyMode && context.production && remote) {
    if (kind !== 'rest-v2' || restAuth === 'oauth') {
      warnings.push(
        `${urlName} is plain http to a non-loopback host: the machine token crosses the network unencrypted`,
      );
    }
  }
  if (context.proxyMode && kind === 'rest-v2' && restAuth === 'none') {
    warnings.push(
      "CAMUNDA_REST_AUTH=none: the BFF sends no credentials to the REST API v2 (Camunda 8 Run without authentication); every person's rules are the BFF's alone",
    );
  }
  return {
    signingKeyFile: e.BFF_SIGNING_KEY_FILE,
    tokenIssuer: e.BFF_TOKEN_ISSUER ?? 'urn:tasklist-inbox:bff',
    tokenTtlS: e.BFF_TOKEN_TTL_S ?? 300,
    usernameClaim: e.BFF_USERNAME_CLAIM ?? 'preferred_username',
    visibility: e.BFF_TASK_VISIBILITY ?? 'candidates',
    rateLimitPerUser: e.BFF_GRAPHQL_RATE_LIMIT_PER_USER ?? 600,
    startProcessPerUser: e.BFF_START_PROCESS_PER_USER ?? 10,
    trustedDocumentsFile:
      e.BFF_TRUSTED_DOCUMENTS_FILE ?? DEFAULT_TRUSTED_DOCUMENTS_FILE,
    bodyLimitBytes: e.BFF_GRAPHQL_BODY_LIMIT_BYTES ?? 1024 * 1024,
    upstream: {
      kind,
      graphqlUrl: context.tasklistGraphqlUrl,
      restUrl,
      restAuth,
      timeoutMs: e.BFF_UPSTREAM_TIMEOUT_MS ?? 8_000,
      connections: e.BFF_UPSTREAM_CONNECTIONS ?? 64,
    },
  };
}

/** The BFF token's audience: the BFF's own `/graphql`. */
export function bffTokenAudience(issuer: string): string {
  return `${issuer.replace(/\/$/, '')}/graphql`;
}
