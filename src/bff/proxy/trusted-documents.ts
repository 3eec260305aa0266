import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import {
  Kind,
  OperationTypeNode,
  parse,
  validate,
  visit,
  type DocumentNode,
  type ExecutionResult,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * The root fields a person may use through the proxy. Everything else is
 * refused, `deleteProcessInstance` above all (G46).
 */
export const ALLOWED_ROOT_FIELDS = {
  query: new Set([
    'tasks',
    'task',
    'variables',
    'variable',
    'form',
    'processes',
    'currentUser',
  ]),
  mutation: new Set([
    'claimTask',
    'unclaimTask',
    'completeTask',
    'startProcess',
  ]),
} as const;

export interface TrustedDocument {
  /** sha256 of `text`, lower-case hex: what the browser sends. */
  hash: string;
  /** The operation name, also the `operation` label of the metrics. */
  name: string;
  type: 'query' | 'mutation';
  document: DocumentNode;
  /** Root field names in document order, once per selection (aliases count). */
  rootFields: string[];
  /** Runs the document, compiled once at start-up (graphql-jit). */
  execute: (
    context: unknown,
    variables: Record<string, unknown>,
  ) => Promise<ExecutionResult> | ExecutionResult;
}

/** Every problem of a manifest at once; the BFF does not start with a bad one. */
export class TrustedDocumentsError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(
      `The trusted documents in ${file} cannot be used:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.name = 'TrustedDocumentsError';
  }
}

interface ManifestEntry {
  name?: unknown;
  type?: unknown;
  sha256?: unknown;
  text?: unknown;
}

/**
 * The SPA's own operations, by hash (G43). The BFF
 * reads the codegen's operations manifest as data, parses, validates and
 * compiles each document against the schema once at start-up, and refuses the whole file
 * if any entry is malformed, has a wrong hash, several operations,
 * introspection, or a root field outside `ALLOWED_ROOT_FIELDS`.
 */
export class TrustedDocuments {
  readonly #byHash: Map<string, TrustedDocument>;

  private constructor(documents: TrustedDocument[]) {
    this.#byHash = new Map(documents.map((doc) => [doc.hash, doc]));
  }

  static fromFile(file: string, schema: GraphQLSchema): TrustedDocuments {
    let manifest: unknown;
    try {
      manifest = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new TrustedDocumentsError(file, [
        `cannot read it as JSON (${error instanceof Error ? error.message : String(error)}); run npm run codegen`,
      ]);
    }
    const operations = (manifest as { operations?: unknown } | null)
      ?.operations;
    if (!Array.isArray(operations)) {
      throw new TrustedDocumentsError(file, ['no "operations" list']);
    }
    return TrustedDocuments.fromEntries(file, operations, schema);
  }

  static fromEntries(
    source: string,
    entries: unknown[],
    schema: GraphQLSchema,
  ): TrustedDocuments {
    const problems: string[] = [];
    const documents: TrustedDocument[] = [];
    for (const [index, entry] of entries.entries()) {
      const doc = checkEntry(entry as ManifestEntry, schema, (problem) =>
        problems.push(`operation ${String(index)}: ${problem}`),
      );
      if (doc) documents.push(doc);
    }
    const hashes = new Set<string>();
    for (const doc of documents) {
      if (hashes.has(doc.hash))
        problems.push(`${doc.name}: the same document twice`);
      hashes.add(doc.hash);
    }
    if (problems.length > 0) throw new TrustedDocumentsError(source, problems);
    return new TrustedDocuments(documents);
  }

  get(hash: string): TrustedDocument | undefined {
    return this.#byHash.get(hash);
  }

  get size(): number {
    return this.#byHash.size;
  }

  names(): string[] {
    return [...this.#byHash.values()].map((doc) => doc.name).sort();
  }
}

/** sha256 of a document's text, as the manifest and the browser spell it. */
export function documentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function checkEntry(
  entry: ManifestEntry,
  schema: GraphQLSchema,
  problem: (text: string) => void,
): TrustedDocument | undefined {
  const { name, sha256, text } = entry;
  if (typeof name !== 'string' || typeof text !== 'string') {
    problem('needs a name and a text');
    return undefined;
  }
  if (sha256 !== documentHash(text)) {
    problem(`${name}: sha256 does not match the text`);
    return undefined;
  }
  let document: DocumentNode;
  try {
    document = parse(text, { noLocation: false });
  } catch (error) {
    problem(
      `${name}: ${error instanceof Error ? error.message : 'unparsable'}`,
    );
    return undefined;
  }
  const operations = document.definitions.filter(
    (def): def is OperationDefinitionNode =>
      def.kind === Kind.OPERATION_DEFINITION,
  );
  const [operation] = operations;
  if (operations.length !== 1 || !operation) {
    problem(`${name}: must hold exactly one operation`);
    return undefined;
  }
  if (operation.name?.value !== name) {
    problem(
      `${name}: the operation is called ${operation.name?.value ?? '(nothing)'}`,
    );
    return undefined;
  }
  const errors = validate(schema, document);
  if (errors.length > 0) {
    problem(`${name}: ${errors.map((error) => error.message).join('; ')}`);
    return undefined;
  }
  if (usesIntrospection(document)) {
    problem(`${name}: introspection is not allowed`);
    return undefined;
  }
  const type = operation.operation;
  if (type === OperationTypeNode.SUBSCRIPTION) {
    problem(`${name}: subscriptions are not supported`);
    return undefined;
  }
  const rootFields = rootFieldNames(operation.selectionSet, document);
  const refused = [...new Set(rootFields)].filter(
    (field) => !ALLOWED_ROOT_FIELDS[type].has(field),
  );
  if (refused.length > 0) {
    problem(`${name}: ${refused.join(', ')} not allowed in proxy mode`);
    return undefined;
  }
  // One mutation per request keeps rules and audit lines one-to-one.
  if (type === OperationTypeNode.MUTATION && rootFields.length !== 1) {
    problem(`${name}: a mutation document must hold exactly one root field`);
    return undefined;
  }
  // Compiled here, once: a request then runs plain JavaScript made for
  // exactly this selection (docs/decisions/018-graphql-jit-for-trusted-documents.md).
  const compiled = compileQuery(schema, document, name);
  if (!isCompiledQuery(compiled)) {
    problem(
      `${name}: cannot be compiled (${compiled.errors?.map((e) => e.message).join('; ') ?? 'unknown'})`,
    );
    return undefined;
  }
  return {
    hash: sha256,
    name,
    type,
    document,
    rootFields,
    execute: (context, variables) =>
      compiled.query(undefined, context, variables),
  };
}

/** `__schema` and `__type`; `__typename` is harmless and Apollo adds it. */
export function usesIntrospection(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        found = true;
      }
    },
  });
  return found;
}

/** The root field names, following fragments spread at the root. */
function rootFieldNames(
  selectionSet: SelectionSetNode,
  document: DocumentNode,
): string[] {
  const fragments = new Map(
    document.definitions
      .filter(
        (def): def is FragmentDefinitionNode =>
          def.kind === Kind.FRAGMENT_DEFINITION,
      )
      .map((def) => [def.name.value, def]),
  );
  // Every occurrence, aliases included: two aliased claims are two claims.
  const names: string[] = [];
  const walk = (set: SelectionSetNode, seen: Set<string>) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value !== '__typename')
          names.push(selection.name.value);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, seen);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment && !seen.has(fragment.name.value)) {
          walk(fragment.selectionSet, new Set([...seen, fragment.name.value]));
        }
      }
    }
  };
  walk(selectionSet, new Set());
  return names;
}
