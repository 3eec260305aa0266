import { GraphQLScalarType, Kind } from 'graphql';
// yoga's factory, so the executor recognises the errors as GraphQL errors.
import { createGraphQLError } from 'graphql-yoga';
import { formatIsoUtc, parseDateTimeWithOffset } from '../domain/dates';

function parse(value: unknown): number {
  const ms =
    typeof value === 'string' ? parseDateTimeWithOffset(value) : undefined;
  if (ms === undefined) {
    throw createGraphQLError(
      `DateTime must be an RFC 3339 date-time with an offset, e.g. 2023-04-12T10:00:00Z or 2023-04-12T10:00:00.000+02:00; got ${JSON.stringify(value)}`,
    );
  }
  return ms;
}

/**
 * Tasklist's `DateTime` (graphql-java extended scalars): inputs must carry an
 * offset; outputs are RFC 3339 in UTC with milliseconds,
 * e.g. `2024-03-08T18:41:31.000Z`. Internally values are epoch milliseconds.
 */
export const DateTimeScalar = new GraphQLScalarType<number, string>({
  name: 'DateTime',
  description:
    'RFC 3339 date-time with an offset, e.g. 2024-03-08T18:41:31.000Z.',
  serialize(value) {
    const ms = value instanceof Date ? value.getTime() : value;
    if (typeof ms !== 'number' || !Number.isFinite(ms)) {
      throw createGraphQLError('DateTime cannot represent a non-date value');
    }
    return formatIsoUtc(ms);
  },
  parseValue: parse,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) {
      throw createGraphQLError(
        'DateTime must be given as a string, e.g. "2023-04-12T10:00:00Z"',
        { nodes: ast },
      );
    }
    return parse(ast.value);
  },
});
