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
 * The upstream kinds the BFF can resolve the SPA's GraphQL against. Only
 * Tasklist's own GraphQL API exists today; Camunda 8.8's REST API v2 plugs in
 * here as a second kind (docs/decisions/015-proxy-mode-executes-trusted-documents.md).
 */
export type UpstreamKind = 'graphql';

export interface UpstreamConfig {
  kind: UpstreamKind;
  /** Tasklist's `/graphql` URL: the only place the BFF forwards to. */
  graphqlUrl: string;
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
  const upstreamUrl = context.tasklistGraphqlUrl;
  if (
    context.proxyMode &&
    context.production &&
    !upstreamUrl.startsWith('https:') &&
    !isLoopbackUrl(upstreamUrl)
  ) {
    warnings.push(
      'TASKLIST_GRAPHQL_URL is plain http to a non-loopback host: the machine token crosses the network unencrypted',
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
      kind: 'graphql',
      graphqlUrl: context.tasklistGraphqlUrl,
      timeoutMs: e.BFF_UPSTREAM_TIMEOUT_MS ?? 8_000,
      connections: e.BFF_UPSTREAM_CONNECTIONS ?? 64,
    },
  };
}

/** The BFF token's audience: the BFF's own `/graphql`. */
export function bffTokenAudience(issuer: string): string {
  return `${issuer.replace(/\/$/, '')}/graphql`;
}
