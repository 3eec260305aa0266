import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { FONT_FAMILY_MAX } from './brand';
import { RUNTIME_CONFIG_PATTERNS, parseRuntimeConfig } from './runtime-config';

/**
 * The parser against the contract the BFF's tests hold `/api/config` to,
 * `src/bff/runtime-config.schema.json`: for every configuration in a table of
 * valid ones and their mutations (each field removed, or replaced by each of
 * many values; unknown fields; non-objects), the parser accepts exactly when
 * the schema allows, and what it returns is the input with the schema's
 * defaults filled in.
 */

type Json = Record<string, unknown>;

// The contract is data owned by the BFF (docs/architecture.md); Vite's glob
// import reads it as text without importing BFF code.
const schemaFiles = import.meta.glob<string>(
  '../../bff/runtime-config.schema.json',
  { query: '?raw', import: 'default', eager: true },
);
const schemaText = Object.values(schemaFiles)[0];
if (!schemaText)
  throw new Error('src/bff/runtime-config.schema.json is missing');
const schema = JSON.parse(schemaText) as Json;
const allows = new Ajv2020({ strict: true }).compile(schema);
const fillDefaults = new Ajv2020({ strict: true, useDefaults: true }).compile(
  schema,
);

function parses(value: unknown): boolean {
  try {
    parseRuntimeConfig(value);
    return true;
  } catch {
    return false;
  }
}

const FULL: Json = {
  mode: 'direct',
  tasklistGraphqlUrl: 'http://127.0.0.1:8080/graphql',
  oidc: {
    authority: 'http://127.0.0.1:18080',
    clientId: 'tasklist-inbox',
    scopes: 'openid profile email groups offline_access',
    resource: 'urn:tasklist-inbox:bff',
  },
  pollIntervalMs: 5000,
  features: { 'bulk-claim': true, drafts: false },
  embed: { allowedOrigins: ['https://portal.example.com', "'self'"] },
  brand: {
    accentColor: '#0f62fe',
    fontFamily: "'IBM Plex Sans', Arial, sans-serif",
    logoUrl: 'https://cdn.example.com/logo.svg',
  },
};
const MINIMAL: Json = {
  tasklistGraphqlUrl: 'https://tasklist.example.com/graphql',
  oidc: {
    authority: 'https://login.example.com/realms/camunda',
    clientId: 'inbox',
    scopes: 'openid',
  },
};

/** Values every field is tried with: the awkward, the almost right and the right. */
const SAMPLES: unknown[] = [
  undefined,
  null,
  true,
  false,
  0,
  -1,
  999,
  1000,
  1000.5,
  5000,
  3_600_000,
  3_600_001,
  '',
  ' ',
  '\t\n',
  '\u00a0',
  'x',
  'direct',
  'proxy',
  'Direct',
  'relay',
  'openid profile',
  'urn:tasklist-inbox:bff',
  'http://a',
  'https://idp.example.com/realms/camunda',
  'https://idp.example.com/',
  'http://127.0.0.1:18080',
  'http://[::1]:8080/graphql',
  'http://idp_service:8080/realms/a@b',
  'http://bücher.example/graphql',
  'http://h:123456',
  'http://user:secret@idp.example.com',
  'http://idp.example.com/?tenant=a',
  'http://idp.example.com?tenant=a',
  'http://idp.example.com/#top',
  'http://idp.example.com/a b',
  'HTTP://idp.example.com',
  'ftp://idp.example.com',
  'http:idp.example.com',
  'http://',
  'http://:80',
  'javascript:alert(1)',
  '/graphql',
  '/graphql?x=1',
  '//evil.example/graphql',
  'graphql',
  [],
  ['direct'],
  {},
  { drafts: true },
  { drafts: 'yes' },
  { '1st': true },
  { 'a-b_c': false, B: true },
  { __proto__: true },
  // Embed origins and brand tokens (issue 13).
  "'self'",
  "'none'",
  '*',
  'https://portal.example.com',
  'https://portal.example.com/',
  'https://Portal.example.com',
  'https://*.example.com',
  'http://127.0.0.1:4499',
  '#06c',
  '#0F62FE',
  '#12345',
  'red',
  'rgb(0,0,0)',
  '#fff;x',
  "'IBM Plex Sans', Arial, sans-serif",
  'Arial,sans-serif',
  'Arial ',
  'Arial; color: red',
  'Arial}body{display:none',
  '"Arial',
  'a'.repeat(200),
  'a'.repeat(201),
  '/brand/logo.png',
  '//cdn.example.com/logo.svg',
  '/\\cdn.example.com',
  'https://cdn.example.com/logo.svg',
  'https://cdn.example.com/x.svg#frag',
  'https://u:p@cdn.example.com/x.svg',
  'data:image/svg+xml,<svg/>',
  ['https://portal.example.com', "'self'"],
  ['https://portal.example.com/'],
  [42],
  { allowedOrigins: [] },
  { allowedOrigins: ['https://portal.example.com'] },
  { allowedOrigins: ['*'] },
  { allowedOrigins: [], extra: 1 },
  { accentColor: '#06c' },
  { accentColor: 'red' },
  { logoUrl: '/logo.svg', fontFamily: 'serif' },
  { colour: '#06c' },
];

function without(value: Json, key: string): Json {
  return Object.fromEntries(Object.entries(value).filter(([k]) => k !== key));
}
function withValue(value: Json, key: string, sample: unknown): Json {
  return sample === undefined
    ? without(value, key)
    : { ...value, [key]: sample };
}

function candidates(): unknown[] {
  const out: unknown[] = [null, [], 'config', 42, {}, { oidc: {} }];
  for (const base of [FULL, MINIMAL]) {
    out.push(base, { ...base, extra: 1 });
    out.push({ ...base, oidc: { ...(base.oidc as Json), clientSecret: 'x' } });
    for (const key of Object.keys(FULL)) {
      for (const sample of SAMPLES) out.push(withValue(base, key, sample));
    }
    for (const [key, keys] of [
      ['oidc', Object.keys(FULL.oidc as Json)],
      ['embed', ['allowedOrigins', 'extra']],
      ['brand', [...Object.keys(FULL.brand as Json), 'extra']],
    ] as const) {
      const inner = (base[key] ?? FULL[key]) as Json;
      for (const name of keys) {
        for (const sample of SAMPLES) {
          out.push({ ...base, [key]: withValue(inner, name, sample) });
        }
      }
    }
  }
  return out;
}

const CASES = candidates();

describe('parseRuntimeConfig against runtime-config.schema.json', () => {
  it('the table is big and holds both verdicts', () => {
    expect(CASES.length).toBeGreaterThan(3000);
    const accepted = CASES.filter((c) => allows(c)).length;
    expect(accepted).toBeGreaterThan(100);
    expect(CASES.length - accepted).toBeGreaterThan(500);
  });

  it('accepts exactly what the schema allows', () => {
    const disagreements = CASES.filter((c) => parses(c) !== allows(c)).map(
      (c) => `${JSON.stringify(c)}: schema ${allows(c) ? 'allows' : 'refuses'}`,
    );
    expect(disagreements).toEqual([]);
  });

  it("returns the input with the schema's defaults filled in", () => {
    for (const candidate of CASES.filter((c) => allows(c))) {
      const expected = structuredClone(candidate) as Json;
      fillDefaults(expected);
      const parsed = parseRuntimeConfig(candidate);
      expect(
        JSON.parse(JSON.stringify(parsed)),
        JSON.stringify(candidate),
      ).toEqual(expected);
    }
  });

  it("uses the schema's own patterns", () => {
    const properties = schema.properties as Record<string, Json>;
    const oidc = (properties.oidc?.properties ?? {}) as Record<string, Json>;
    const features = properties.features?.propertyNames as Json;
    const embed = properties.embed?.properties as Record<string, Json>;
    const brand = properties.brand?.properties as Record<string, Json>;
    const compiled = (pattern: unknown) =>
      new RegExp(String(pattern), 'u').source;
    expect(RUNTIME_CONFIG_PATTERNS.tasklistGraphqlUrl.source).toBe(
      compiled(properties.tasklistGraphqlUrl?.pattern),
    );
    expect(RUNTIME_CONFIG_PATTERNS.authority.source).toBe(
      compiled(oidc.authority?.pattern),
    );
    expect(RUNTIME_CONFIG_PATTERNS.text.source).toBe(
      compiled(oidc.clientId?.pattern),
    );
    expect(RUNTIME_CONFIG_PATTERNS.featureName.source).toBe(
      compiled(features.pattern),
    );
    expect(RUNTIME_CONFIG_PATTERNS.embedOrigin.source).toBe(
      compiled((embed.allowedOrigins?.items as Json).pattern),
    );
    for (const key of ['accentColor', 'fontFamily', 'logoUrl'] as const) {
      expect(RUNTIME_CONFIG_PATTERNS[key].source, key).toBe(
        compiled(brand[key]?.pattern),
      );
    }
    expect(brand.fontFamily?.maxLength).toBe(FONT_FAMILY_MAX);
  });
});
