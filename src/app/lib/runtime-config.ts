import {
  BRAND_PATTERNS,
  PLAIN_HOST,
  isAccentColor,
  isFontFamily,
  isLogoUrl,
  type Brand,
} from './brand';

/**
 * What `/api/config` tells the SPA at start-up (the BFF owns the values).
 * The contract is `src/bff/runtime-config.schema.json`; this type and
 * `parseRuntimeConfig` mirror it, and `runtime-config-contract.test.ts`
 * checks that the parser accepts exactly what the schema allows.
 */
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
  features: Record<string, boolean>;
  /** Who may frame the app and talk to it (FRAME_ANCESTORS; `'self'` allowed). */
  embed: { allowedOrigins: string[] };
  brand: Brand;
}

type Json = Record<string, unknown>;

const HOST = String.raw`(?:\[[0-9A-Fa-f:.]+\]|[^\s/?#@\[\]:]+)(?::[0-9]{1,5})?`;

/** The schema's `pattern`s, compiled the way JSON Schema validators do (`u`). */
export const RUNTIME_CONFIG_PATTERNS = {
  tasklistGraphqlUrl: new RegExp(
    String.raw`^(?:https?://${HOST}(?:[/?][^\s#]*)?|/(?!/)[^\s#]*)$`,
    'u',
  ),
  authority: new RegExp(String.raw`^https?://${HOST}(?:/[^\s?#]*)?$`, 'u'),
  text: /\S/u,
  featureName: /^[A-Za-z][A-Za-z0-9_-]*$/u,
  /** An embed origin as the BFF normalises FRAME_ANCESTORS, or `'self'`. */
  embedOrigin: new RegExp(String.raw`^(?:'self'|https?://${PLAIN_HOST})$`, 'u'),
  ...BRAND_PATTERNS,
};

const KNOWN = {
  config: [
    'mode',
    'tasklistGraphqlUrl',
    'oidc',
    'pollIntervalMs',
    'features',
    'embed',
    'brand',
  ],
  oidc: ['authority', 'clientId', 'scopes', 'resource'],
  embed: ['allowedOrigins'],
  brand: ['accentColor', 'fontFamily', 'logoUrl'],
};

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const matches = (value: unknown, pattern: RegExp): value is string =>
  typeof value === 'string' && pattern.test(value);

const text = (value: unknown): value is string =>
  matches(value, RUNTIME_CONFIG_PATTERNS.text);

const unknownKeys = (value: Json, known: string[], prefix = '') =>
  Object.keys(value)
    .filter((key) => !known.includes(key))
    .map((key) => `${prefix}${key} (unknown)`);

function validFeatures(value: unknown): value is Record<string, boolean> {
  return (
    isObject(value) &&
    Object.entries(value).every(
      ([name, on]) =>
        RUNTIME_CONFIG_PATTERNS.featureName.test(name) &&
        typeof on === 'boolean',
    )
  );
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
  // Hand-written rather than a schema validator: this runs on every first
  // load, where every kilobyte of the bundle counts, and the shape is small.
  const config = isObject(value) ? value : {};
  const oidc = isObject(config.oidc) ? config.oidc : {};
  const bad: string[] = [];
  // eslint-disable-next-line lingui/no-unlocalized-strings -- a ConfigError detail for logs, never shown
  if (!isObject(value)) bad.push('(not an object)');
  bad.push(...unknownKeys(config, KNOWN.config));
  const mode = config.mode === undefined ? 'direct' : config.mode;
  if (mode !== 'direct' && mode !== 'proxy') bad.push('mode');
  if (
    !matches(
      config.tasklistGraphqlUrl,
      RUNTIME_CONFIG_PATTERNS.tasklistGraphqlUrl,
    )
  )
    bad.push('tasklistGraphqlUrl');
  if (!isObject(config.oidc)) bad.push('oidc');
  bad.push(...unknownKeys(oidc, KNOWN.oidc, 'oidc.'));
  if (!matches(oidc.authority, RUNTIME_CONFIG_PATTERNS.authority))
    bad.push('oidc.authority');
  if (!text(oidc.clientId)) bad.push('oidc.clientId');
  if (!text(oidc.scopes)) bad.push('oidc.scopes');
  if (oidc.resource !== undefined && !text(oidc.resource))
    bad.push('oidc.resource');
  const poll =
    config.pollIntervalMs === undefined ? 5000 : config.pollIntervalMs;
  if (
    typeof poll !== 'number' ||
    !Number.isInteger(poll) ||
    poll < 1000 ||
    poll > 3_600_000
  ) {
    bad.push('pollIntervalMs');
  }
  const features = config.features === undefined ? {} : config.features;
  if (!validFeatures(features)) bad.push('features');
  const embed = parseEmbed(config.embed, bad);
  const brand = parseBrand(config.brand, bad);
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
    features: { ...(features as Record<string, boolean>) },
    embed,
    brand,
  };
}

/** `embed` is optional (an older BFF sends none): nobody may frame the app. */
function parseEmbed(value: unknown, bad: string[]): RuntimeConfig['embed'] {
  if (value === undefined) return { allowedOrigins: [] };
  if (!isObject(value)) {
    bad.push('embed');
    return { allowedOrigins: [] };
  }
  bad.push(...unknownKeys(value, KNOWN.embed, 'embed.'));
  const origins = value.allowedOrigins;
  if (
    !Array.isArray(origins) ||
    !origins.every((o) => matches(o, RUNTIME_CONFIG_PATTERNS.embedOrigin))
  ) {
    bad.push('embed.allowedOrigins');
    return { allowedOrigins: [] };
  }
  return { allowedOrigins: [...origins] };
}

/** Brand tokens are checked as strictly as the BFF checks them. */
function parseBrand(value: unknown, bad: string[]): Brand {
  if (value === undefined) return {};
  if (!isObject(value)) {
    bad.push('brand');
    return {};
  }
  bad.push(...unknownKeys(value, KNOWN.brand, 'brand.'));
  const brand: Brand = {};
  const checks = {
    accentColor: isAccentColor,
    fontFamily: isFontFamily,
    logoUrl: isLogoUrl,
  } satisfies Record<keyof Brand, (v: unknown) => boolean>;
  for (const key of Object.keys(checks) as (keyof Brand)[]) {
    const token = value[key];
    if (token === undefined) continue;
    if (checks[key](token)) brand[key] = token;
    else bad.push(`brand.${key}`);
  }
  return brand;
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
