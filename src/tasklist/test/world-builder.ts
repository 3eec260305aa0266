import type { TaskImplementation, TaskRecord } from '../store/records';
import { TasklistStore } from '../store/tasklist-store';

export const T0 = Date.parse('2024-01-01T00:00:00.000Z');
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export interface TaskSpec {
  created: number;
  due?: number | null;
  followUp?: number | null;
  groups?: string[];
  users?: string[];
  assignee?: string;
  elementId?: string;
  /** The task's name (default "Review document"). */
  name?: string;
  formKey?: string;
  state?: 'CREATED' | 'COMPLETED' | 'CANCELED';
  /** Completion or cancellation time. */
  finished?: number;
  implementation?: TaskImplementation;
  /** Variables the instance starts with (JavaScript values). */
  variables?: Record<string, unknown>;
}

/** A fresh in-memory store whose clock stands still at `now`. */
export function emptyStore(now = T0): TasklistStore {
  return TasklistStore.open(':memory:', () => now);
}

const json = (values: Record<string, unknown>) =>
  new Map(
    Object.entries(values).map(([name, value]) => [
      name,
      JSON.stringify(value),
    ]),
  );

let deployments = 0;

/**
 * Adds one task exactly as described, through the store's own operations:
 * a start → user task → end process per task (so due dates are exact),
 * started at `created`, then assigned, completed or canceled. Keys grow
 * with every call.
 */
export function addTask(store: TasklistStore, spec: TaskSpec): TaskRecord {
  const elementId = spec.elementId ?? 'reviewDocument';
  const iso = (at: number | null | undefined) =>
    at == null ? undefined : new Date(at).toISOString();
  deployments += 1;
  const { definition } = store.deploy({
    compiled: {
      model: {
        bpmnProcessId: `process-${elementId}`,
        name: 'Test process',
        startElementId: 'start',
        elements: {
          start: {
            id: 'start',
            type: 'START_EVENT',
            incoming: [],
            outgoing: [{ id: 'toTask', targetId: elementId }],
          },
          [elementId]: {
            id: elementId,
            name: spec.name ?? 'Review document',
            type: 'USER_TASK',
            incoming: ['toTask'],
            outgoing: [{ id: 'toEnd', targetId: 'end' }],
            userTask: {
              implementation: spec.implementation ?? 'JOB_WORKER',
              formKey: spec.formKey,
              candidateGroups: spec.groups?.join(','),
              candidateUsers: spec.users?.join(','),
              dueDate: iso(spec.due),
              followUpDate: iso(spec.followUp),
              inputs: [],
              outputs: [],
            },
          },
          end: {
            id: 'end',
            type: 'END_EVENT',
            incoming: ['toEnd'],
            outgoing: [],
          },
        },
      },
      forms: [],
    },
    resourceName: 'world-builder.bpmn',
    xml: '',
    checksum: `world-builder-${String(deployments)}`,
  });
  const started = store.startInstance(
    definition,
    json(spec.variables ?? {}),
    spec.created,
  );
  const task = started.task;
  if (!task) throw new Error('the test process has a user task');
  if (spec.assignee) store.assign(task.key, spec.assignee);
  const finished = spec.finished ?? spec.created + HOUR;
  if (spec.state === 'COMPLETED') store.complete(task, new Map(), finished);
  if (spec.state === 'CANCELED')
    store.cancelInstance(started.processInstanceKey, finished);
  const stored = store.tasks.get(task.key);
  if (!stored) throw new Error('task vanished');
  return stored;
}
