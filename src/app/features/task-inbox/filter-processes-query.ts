import { gql, type TypedDocumentNode } from '@apollo/client';
import type {
  TaskFilterProcessesQuery,
  TaskFilterProcessesQueryVariables,
} from '../../graphql/__generated__/graphql';

/**
 * The processes the `Process` filter offers (their latest versions, as
 * Tasklist lists them). The chips read it too, to name a filtered process.
 */
export const TASK_FILTER_PROCESSES_QUERY: TypedDocumentNode<
  TaskFilterProcessesQuery,
  TaskFilterProcessesQueryVariables
> = gql`
  query TaskFilterProcessesQuery {
    processes {
      id
      name
      processDefinitionId
      version
    }
  }
`;

export type FilterProcess = TaskFilterProcessesQuery['processes'][number];

/** What a process is called in the filter: its name, else its BPMN id, else its key. */
export function processLabel(process: FilterProcess): string {
  return process.name ?? process.processDefinitionId ?? process.id;
}
