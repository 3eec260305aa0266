import { createHash } from 'node:crypto';
import type { CodegenConfig } from '@graphql-codegen/cli';
import type {
  CodegenPlugin,
  PluginFunction,
} from '@graphql-codegen/plugin-helpers';
import {
  Kind,
  print,
  visit,
  type ASTNode,
  type DocumentNode,
  type OperationDefinitionNode,
} from 'graphql';

const TYPENAME = {
  kind: Kind.FIELD,
  name: { kind: Kind.NAME, value: '__typename' },
} as const;

/**
 * Adds `__typename` to every selection set below the operation root, as
 * Apollo Client's cache does to what it sends. The manifest holds the
 * documents exactly as the app runs them, so the BFF's answers carry the
 * type names the cache needs to normalise them.
 */
function withTypenames<T extends ASTNode>(node: T): T {
  return visit(node, {
    SelectionSet(set, _key, parent) {
      const isRoot =
        parent !== undefined &&
        !Array.isArray(parent) &&
        (parent as ASTNode).kind === Kind.OPERATION_DEFINITION;
      const hasTypename = set.selections.some(
        (s) => s.kind === Kind.FIELD && s.name.value === '__typename',
      );
      if (isRoot || hasTypename) return undefined;
      return { ...set, selections: [...set.selections, TYPENAME] };
    },
  });
}

interface ManifestEntry {
  name: string;
  type: string;
  sha256: string;
  text: string;
}

/** Every operation of the app with the fragments it uses, hashed. */
function manifestEntries(
  documents: { document?: DocumentNode | undefined }[],
): ManifestEntry[] {
  const fragments = new Map<string, string>();
  const operations: OperationDefinitionNode[] = [];
  for (const doc of documents) {
    for (const def of doc.document?.definitions ?? []) {
      if (def.kind === Kind.FRAGMENT_DEFINITION)
        fragments.set(def.name.value, print(withTypenames(def)));
      if (def.kind === Kind.OPERATION_DEFINITION)
        operations.push(withTypenames(def));
    }
  }
  return operations
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
}

/**
 * Writes every operation the SPA can send (name, type, sha256, text) as JSON.
 * The BFF's proxy allowlist and the Tasklist contract test read it, so an
 * operation the app does not ship can be refused by name and by hash.
 */
const operationsManifest: PluginFunction = (_schema, documents) =>
  `${JSON.stringify({ operations: manifestEntries(documents) }, null, 2)}\n`;

/**
 * The same hashes for the browser: in proxy mode the SPA sends an
 * operation's hash instead of its text (trusted documents), and the
 * texts themselves stay out of the bundle.
 */
const persistedDocumentHashes: PluginFunction = (_schema, documents) => {
  const lines = manifestEntries(documents).map(
    (entry) => `  ${entry.name}: '${entry.sha256}',`,
  );
  return [
    '/** sha256 of each operation in operations.json, by operation name (generated). */',
    'export const persistedDocumentHashes: Readonly<Record<string, string>> = {',
    ...lines,
    '};',
    '',
  ].join('\n');
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
      : name === 'persisted-document-hashes'
        ? { plugin: persistedDocumentHashes }
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
    'src/app/graphql/__generated__/persisted-documents.ts': {
      plugins: ['persisted-document-hashes'],
    },
  },
};

export default config;
