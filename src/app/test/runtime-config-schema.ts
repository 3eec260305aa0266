// The /api/config contract is data owned by the BFF (docs/architecture.md);
// Vite's glob import reads it as text without importing BFF code.
const files = import.meta.glob<string>('../../bff/runtime-config.schema.json', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** `src/bff/runtime-config.schema.json`, parsed. */
export function runtimeConfigSchema(): Record<string, unknown> {
  const text = Object.values(files)[0];
  if (!text) throw new Error('src/bff/runtime-config.schema.json is missing');
  return JSON.parse(text) as Record<string, unknown>;
}
