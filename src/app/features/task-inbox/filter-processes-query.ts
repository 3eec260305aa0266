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

const TEXT = {
  anyProcess: 'Any process',
  unlisted: (key: string) => `Process ${key} (not among the current processes)`,
  withId: (name: string, id: string) => `${name} (${id})`,
};

/** The `Process` field's "no process" choice. */
export const ANY_PROCESS = '__any__';

export interface ProcessItem {
  id: string;
  label: string;
}

/** Any process first, then the processes A–Z; twins named apart by their BPMN id. */
export function processItems(
  processes: readonly FilterProcess[],
  current: string,
): ProcessItem[] {
  const names = new Map<string, number>();
  for (const p of processes) {
    const label = processLabel(p);
    names.set(label, (names.get(label) ?? 0) + 1);
  }
  const items = processes
    .map((p) => {
      const label = processLabel(p);
      const twin = (names.get(label) ?? 0) > 1 && p.processDefinitionId;
      return {
        id: p.id,
        label: twin ? TEXT.withId(label, p.processDefinitionId ?? '') : label,
      };
    })
    .sort((a, b) => a.label.localeCompare(b.label));
  if (current && !items.some((item) => item.id === current)) {
    items.push({ id: current, label: TEXT.unlisted(current) });
  }
  return [{ id: ANY_PROCESS, label: TEXT.anyProcess }, ...items];
}
