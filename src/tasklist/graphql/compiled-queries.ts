import {
  BREAK,
  getOperationAST,
  OperationTypeNode,
  visit,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { Plugin } from 'graphql-yoga';

/** A compiled query, or null when it must go to graphql-js. */
type Compiled = CompiledQuery | null;

function isPromiseLike<T>(value: unknown): value is PromiseLike<T> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

const hasErrors = (result: ExecutionResult) =>
  result.errors !== undefined && result.errors.length > 0;

/**
 * Executes queries as JavaScript compiled for their document (graphql-jit),
 * which is several times faster than graphql-js walking the document for
 * every field of every row: a `tasks` page is 50 rows of 13 fields.
 *
 * Only the success path is compiled. graphql-jit words variable-coercion
 * errors differently and shapes failed results differently (`data` left out
 * instead of `null`), and Tasklist's clients see exact messages; so a query
 * whose compiled run reports any error (or throws) is run again by
 * graphql-js, whose result is the answer. Queries are reads, so running one twice changes
 * nothing. Mutations always run in graphql-js, exactly once.
 *
 * Compiled queries are kept per parsed document, which yoga's parser cache
 * reuses for identical query text, so the cache is bounded by it. Documents
 * with string literals are never compiled (see `hasStringLiteral`).
 */
export function useCompiledQueries(): Plugin {
  const byDocument = new WeakMap<DocumentNode, Map<string, Compiled>>();

  function compiledFor(args: ExecutionArgs): Compiled {
    const name = args.operationName ?? '';
    let forDocument = byDocument.get(args.document);
    if (!forDocument) {
      forDocument = new Map();
      byDocument.set(args.document, forDocument);
    }
    let compiled = forDocument.get(name);
    if (compiled === undefined) {
      compiled = compile(args);
      forDocument.set(name, compiled);
    }
    return compiled;
  }

  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const compiled = compiledFor(args);
      if (!compiled) return;
      const graphqlJs = executeFn as (args: ExecutionArgs) => unknown;
      setExecuteFn((execution: ExecutionArgs) =>
        runCompiled(compiled, graphqlJs, execution),
      );
    },
  };
}

/**
 * Runs the compiled query; any error (reported or thrown) hands the request
 * to graphql-js instead. A module function with anonymous callbacks: under
 * tsx (esbuild's keepNames) a named closure made per request also costs a
 * defineProperty for its name.
 */
function runCompiled(
  compiled: CompiledQuery,
  graphqlJs: (args: ExecutionArgs) => unknown,
  execution: ExecutionArgs,
): unknown {
  let result: unknown;
  try {
    result = compiled.query(
      execution.rootValue,
      execution.contextValue,
      execution.variableValues,
    );
  } catch {
    return graphqlJs(execution);
  }
  if (isPromiseLike<ExecutionResult>(result)) {
    return Promise.resolve(result).then(
      (done) => (hasErrors(done) ? graphqlJs(execution) : done),
      () => graphqlJs(execution),
    );
  }
  const done = result as ExecutionResult;
  return hasErrors(done) ? graphqlJs(execution) : done;
}

/**
 * graphql-jit writes literal argument values into the code it generates
 * (JSON with a marker-based rewrite for dates), so a string literal chosen
 * by a client could turn into code. Variables are read at run time and
 * names are restricted by the grammar; only string literals carry free
 * text. Documents with any go to graphql-js; the SPA sends variables.
 */
function hasStringLiteral(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    StringValue() {
      found = true;
      return BREAK;
    },
  });
  return found;
}

function compile(args: ExecutionArgs): Compiled {
  const operation = getOperationAST(args.document, args.operationName);
  if (operation?.operation !== OperationTypeNode.QUERY) return null;
  if (hasStringLiteral(args.document)) return null;
  const compiled = compileQuery(
    args.schema,
    args.document,
    args.operationName ?? undefined,
    // Errors go to graphql-js anyway, so their stack traces are not needed.
    { disablingCapturingStackErrors: true },
  );
  return isCompiledQuery(compiled) ? compiled : null;
}
