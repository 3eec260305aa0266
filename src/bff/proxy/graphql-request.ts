import { Kind, parse } from 'graphql';
import {
  batchRefused,
  introspectionRefused,
  invalidGraphqlRequest,
  multipleOperationsRefused,
  untrustedDocument,
} from './proxy-errors';
import { usesIntrospection } from './trusted-documents';

/** A request for a trusted document, as Apollo's persisted-query link sends it. */
export interface PersistedRequest {
  hash: string;
  operationName: string | undefined;
  variables: Record<string, unknown>;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;
/** Enough to classify any honest mistake; far too few to cost real CPU. */
const MAX_TOKENS_TO_CLASSIFY = 2_000;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads `{ operationName?, variables?, extensions: { persistedQuery:
 * { version: 1, sha256Hash } } }`. Batches and anything carrying document
 * text are refused (403) with a code naming what was sent; other malformed
 * bodies are a 400.
 */
export function readPersistedRequest(body: unknown): PersistedRequest {
  if (Array.isArray(body)) throw batchRefused();
  if (!isObject(body)) {
    throw invalidGraphqlRequest('The body must be a JSON object.');
  }
  if (body.query !== undefined && body.query !== null) {
    throw classifyDocument(body.query);
  }
  const persisted = isObject(body.extensions)
    ? body.extensions.persistedQuery
    : undefined;
  if (
    !isObject(persisted) ||
    persisted.version !== 1 ||
    typeof persisted.sha256Hash !== 'string' ||
    !SHA256_HEX.test(persisted.sha256Hash)
  ) {
    throw invalidGraphqlRequest(
      'Send extensions.persistedQuery { version: 1, sha256Hash } with the document hash.',
    );
  }
  const { operationName, variables } = body;
  if (operationName !== undefined && operationName !== null) {
    if (typeof operationName !== 'string') {
      throw invalidGraphqlRequest('operationName must be a string.');
    }
  }
  if (variables !== undefined && variables !== null && !isObject(variables)) {
    throw invalidGraphqlRequest('variables must be an object.');
  }
  return {
    hash: persisted.sha256Hash,
    operationName: operationName ?? undefined,
    variables: variables ?? {},
  };
}

/** Says precisely why a sent document is refused, parsing at most a little of it. */
function classifyDocument(query: unknown) {
  if (typeof query !== 'string') return untrustedDocument();
  try {
    const document = parse(query, {
      noLocation: true,
      maxLexicalTokens: MAX_TOKENS_TO_CLASSIFY,
    });
    if (usesIntrospection(document)) return introspectionRefused();
    const operations = document.definitions.filter(
      (def) => def.kind === Kind.OPERATION_DEFINITION,
    );
    if (operations.length > 1) return multipleOperationsRefused();
  } catch {
    // Unparsable or too long: simply not one of ours.
  }
  return untrustedDocument();
}
