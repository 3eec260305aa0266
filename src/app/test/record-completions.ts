import {
  Kind,
  OperationTypeNode,
  parse,
  type OperationDefinitionNode,
} from 'graphql';
import { http } from 'msw';
import type { VariableInput } from '../graphql/__generated__/schema-types';
import { TASKLIST_URL } from './msw-server';

/** One `completeTask` as the app sent it: the arguments, before Tasklist merges them. */
export interface RecordedCompletion {
  taskId: string;
  variables: VariableInput[];
}

interface GraphqlBody {
  query?: string;
  operationName?: string;
  variables?: Record<string, unknown>;
}

/** Whether the document's chosen operation is a mutation that calls `completeTask`. */
function callsCompleteTask(body: GraphqlBody): boolean {
  if (!body.query) return false;
  const operations = parse(body.query).definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const operation = body.operationName
    ? operations.find((o) => o.name?.value === body.operationName)
    : operations[0];
  return (
    operation?.operation === OperationTypeNode.MUTATION &&
    operation.selectionSet.selections.some(
      (s) => s.kind === Kind.FIELD && s.name.value === 'completeTask',
    )
  );
}

/**
 * An MSW handler that records every `completeTask` mutation Tasklist receives
 * and then lets the fake Tasklist answer it. Pass `handler` to renderAtUrl's
 * `handlers`; read `calls` after completing. It looks at the document, not the
 * operation name, so a renamed mutation is still seen.
 */
export function recordCompletions() {
  const calls: RecordedCompletion[] = [];
  const handler = http.post(TASKLIST_URL, async ({ request }) => {
    const body = (await request.clone().json()) as GraphqlBody;
    if (callsCompleteTask(body)) {
      const { taskId, variables } = body.variables ?? {};
      calls.push({
        taskId: String(taskId),
        variables: Array.isArray(variables)
          ? (structuredClone(variables) as VariableInput[])
          : [],
      });
    }
    return undefined;
  });
  return { handler, calls };
}

/**
 * Decodes a completion's variables into one object, checking on the way that
 * names are unique and every value is a string holding canonical JSON, as
 * Tasklist expects (a string variable keeps its quotes).
 */
export function decodeCompletion(
  completion: RecordedCompletion,
): Record<string, unknown> {
  const names = completion.variables.map((v) => v.name);
  if (new Set(names).size !== names.length)
    throw new Error(`duplicate variable names in ${names.join(', ')}`);
  return Object.fromEntries(
    completion.variables.map(({ name, value }) => {
      if (typeof value !== 'string')
        throw new Error(`variable ${name} is not JSON text: ${String(value)}`);
      let decoded: unknown;
      try {
        decoded = JSON.parse(value);
      } catch {
        throw new Error(`variable ${name} is not JSON: ${value}`);
      }
      if (JSON.stringify(decoded) !== value)
        throw new Error(`variable ${name} is not JSON-encoded: ${value}`);
      return [name, decoded];
    }),
  );
}
