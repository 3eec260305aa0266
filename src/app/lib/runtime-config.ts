/** What `/api/config` tells the SPA at start-up (the BFF owns the values). */
export interface RuntimeConfig {
  mode: 'direct' | 'proxy';
  tasklistGraphqlUrl: string;
  oidc: {
    authority: string;
    clientId: string;
    scopes: string;
    resource?: string | undefined;
  };
  pollIntervalMs: number;
  features: Record<string, unknown>;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const text = (value: unknown): value is string =>
  typeof value === 'string' && value.trim() !== '';

function isUrl(value: unknown): value is string {
  if (!text(value)) return false;
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** A start-up problem the user cannot fix by retrying a request. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Parses the runtime configuration. A malformed answer is a deployment
 * problem, so it fails loudly with the offending fields instead of limping on.
 */
export function parseRuntimeConfig(value: unknown): RuntimeConfig {
  // Hand-written rather than zod: this runs on every first load, where every
  // kilobyte of the bundle counts, and the shape is small.
  const config = isObject(value) ? value : {};
  const oidc = isObject(config.oidc) ? config.oidc : {};
  const bad: string[] = [];
  const mode = config.mode ?? 'direct';
  if (mode !== 'direct' && mode !== 'proxy') bad.push('mode');
  if (!text(config.tasklistGraphqlUrl)) bad.push('tasklistGraphqlUrl');
  if (!isUrl(oidc.authority)) bad.push('oidc.authority');
  if (!text(oidc.clientId)) bad.push('oidc.clientId');
  if (!text(oidc.scopes)) bad.push('oidc.scopes');
  if (oidc.resource !== undefined && !text(oidc.resource))
    bad.push('oidc.resource');
  const poll = config.pollIntervalMs ?? 5000;
  if (typeof poll !== 'number' || !Number.isInteger(poll) || poll < 1000) {
    bad.push('pollIntervalMs');
  }
  if (config.features !== undefined && !isObject(config.features))
    bad.push('features');
  if (bad.length > 0) {
    throw new ConfigError(
      `The app configuration is invalid (${bad.join(', ')}).`,
    );
  }
  return {
    mode: mode as RuntimeConfig['mode'],
    tasklistGraphqlUrl: config.tasklistGraphqlUrl as string,
    oidc: {
      authority: oidc.authority as string,
      clientId: oidc.clientId as string,
      scopes: oidc.scopes as string,
      resource: oidc.resource as string | undefined,
    },
    pollIntervalMs: poll as number,
    features: (config.features ?? {}) as Record<string, unknown>,
  };
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
