import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { BffError } from '../errors';
import { TasklistApiError } from '../upstream/tasklist-upstream';
import type { ProxyContext } from './proxy-context';
import type { TrustedDocument } from './trusted-documents';

/** What the browser gets for an unexpected failure inside a resolver. */
export const GENERIC_ERROR_MESSAGE = 'Unexpected error.';

export interface ProxyResult {
  data?: Record<string, unknown> | null;
  errors?: GraphQLFormattedError[];
}

/**
 * Runs a trusted document (parsed, validated and compiled at start-up)
 * against the proxy schema. Tasklist's messages and GraphQL's own request errors go to
 * the browser as GraphQL errors, just as Tasklist would send them; a
 * `BffError` from any resolver (upstream down or slow, a rate limit) turns
 * the whole answer into that problem response; anything else is logged and
 * answered with a generic message.
 */
export async function executeTrusted(
  trusted: TrustedDocument,
  variables: Record<string, unknown>,
  context: ProxyContext,
  logUnexpected: (error: unknown) => void,
): Promise<ProxyResult> {
  const result = await trusted.execute(context, variables);
  if (!result.errors) return { data: result.data ?? null };
  for (const error of result.errors) {
    if (error.originalError instanceof BffError) throw error.originalError;
  }
  return {
    data: result.data ?? null,
    errors: result.errors.map((error) => format(error, logUnexpected)),
  };
}

function format(
  error: GraphQLError,
  logUnexpected: (error: unknown) => void,
): GraphQLFormattedError {
  const original = error.originalError;
  if (
    !original ||
    original instanceof TasklistApiError ||
    original instanceof GraphQLError
  ) {
    return error.toJSON();
  }
  logUnexpected(original);
  return new GraphQLError(GENERIC_ERROR_MESSAGE, {
    nodes: error.nodes,
    path: error.path,
  }).toJSON();
}
