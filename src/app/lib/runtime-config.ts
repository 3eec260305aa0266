import * as z from 'zod/mini';

const runtimeConfigSchema = z.object({
  mode: z.enum(['direct', 'proxy']),
  tasklistGraphqlUrl: z.string().check(z.minLength(1)),
  oidc: z.object({
    authority: z.url(),
    clientId: z.string().check(z.minLength(1)),
    scopes: z.string().check(z.minLength(1)),
    resource: z.optional(z.string()),
  }),
  pollIntervalMs: z._default(z.number().check(z.int(), z.gte(1000)), 5000),
  features: z._default(z.record(z.string(), z.unknown()), {}),
});

/** What `/api/config` tells the SPA at start-up (the BFF owns the values). */
export type RuntimeConfig = z.infer<typeof runtimeConfigSchema>;

/** A start-up problem the user cannot fix by retrying a request. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Parses the runtime configuration. A malformed answer is a deployment
 * problem, so it fails loudly with the offending fields instead of limping on.
 */
export function parseRuntimeConfig(value: unknown): RuntimeConfig {
  const result = runtimeConfigSchema.safeParse(value);
  if (!result.success) {
    const fields = result.error.issues.map((i) => i.path.join('.')).join(', ');
    throw new ConfigError(`The app configuration is invalid (${fields}).`);
  }
  return result.data;
}

/** Loads and validates `/api/config` from the serving origin. */
export async function loadRuntimeConfig(
  fetchImpl: typeof fetch = fetch,
): Promise<RuntimeConfig> {
  const response = await fetchImpl('/api/config', {
    headers: { accept: 'application/json' },
  });
  if (!response.ok) {
    throw new ConfigError(
      `The app configuration could not be loaded (HTTP ${response.status}).`,
    );
  }
  return parseRuntimeConfig(await response.json());
}
