import { createHash } from 'node:crypto';
import type { CodegenConfig } from '@graphql-codegen/cli';
import type {
  CodegenPlugin,
  PluginFunction,
} from '@graphql-codegen/plugin-helpers';
import { Kind, print, type OperationDefinitionNode } from 'graphql';

/**
 * Writes every operation the SPA can send (name, type, sha256, text) as JSON.
 * The BFF's proxy allowlist and the Tasklist contract test read it, so an
 * operation the app does not ship can be refused by name and by hash.
 */
const operationsManifest: PluginFunction = (_schema, documents) => {
  const fragments = new Map<string, string>();
  const operations: OperationDefinitionNode[] = [];
  for (const doc of documents) {
    for (const def of doc.document?.definitions ?? []) {
      if (def.kind === Kind.FRAGMENT_DEFINITION)
        fragments.set(def.name.value, print(def));
      if (def.kind === Kind.OPERATION_DEFINITION) operations.push(def);
    }
  }
  const entries = operations
    .map((op) => {
      const used = new Set<string>();
      const collect = (text: string) => {
        for (const match of text.matchAll(/\.\.\.\s*([A-Za-z_]\w*)/g)) {
          const name = match[1] ?? '';
          if (!used.has(name) && fragments.has(name)) {
            used.add(name);
            collect(fragments.get(name) ?? '');
          }
        }
      };
      const body = print(op);
      collect(body);
      const text = [
        body,
        ...[...used].sort().map((n) => fragments.get(n)),
      ].join('\n\n');
      return {
        name: op.name?.value ?? '',
        type: op.operation,
        sha256: createHash('sha256').update(text).digest('hex'),
        text,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  return `${JSON.stringify({ operations: entries }, null, 2)}\n`;
};

const shared = {
  avoidOptionals: { field: true },
  defaultScalarType: 'unknown',
  nonOptionalTypename: true,
  skipTypeNameForRoot: true,
  dedupeOperationSuffix: true,
  // Types carry the document names exactly: TaskListItem_task, TaskInboxRouteQuery.
  omitOperationSuffix: true,
  namingConvention: 'keep',
  enumsAsTypes: true,
  useTypeImports: true,
  inlineFragmentTypes: 'mask',
  customDirectives: { apolloUnmask: true },
  scalars: { DateTime: 'string' },
};

const config: CodegenConfig = {
  overwrite: true,
  schema: 'src/tasklist/schema.graphql',
  // Test-only documents stay out: the manifest is the list of what the app sends.
  documents: [
    'src/app/**/*.{ts,tsx}',
    '!src/app/**/*.test.{ts,tsx}',
    '!src/app/test/**',
    '!src/app/graphql/__generated__/**',
  ],
  ignoreNoDocuments: false,
  pluginLoader: async (name: string): Promise<CodegenPlugin> =>
    name === 'operations-manifest'
      ? { plugin: operationsManifest }
      : ((await import(name)) as CodegenPlugin),
  generates: {
    // The typescript plugin writes the schema's types; typescript-operations
    // (v6 writes the inputs and enums it uses itself) imports them from there,
    // so nothing is declared twice.
    'src/app/graphql/__generated__/schema-types.ts': {
      plugins: ['typescript'],
      config: shared,
    },
    'src/app/graphql/__generated__/graphql.ts': {
      plugins: ['typescript-operations'],
      config: {
        ...shared,
        importSchemaTypesFrom: 'src/app/graphql/__generated__/schema-types.ts',
        namespacedImportName: 'Schema',
      },
    },
    'src/app/graphql/__generated__/operations.json': {
      plugins: ['operations-manifest'],
    },
  },
};

export default config;
