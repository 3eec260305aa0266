import type { CompiledForm, Mapping, UserTaskModel } from '../engine/model';
import type { ProcessDefinitionRecord } from '../store/records';
import type { TasklistStore } from '../store/tasklist-store';

export interface ModelTask {
  id: string;
  name?: string;
  /** Expressions in Zeebe's notation (`=…` is FEEL), as in the BPMN. */
  userTask?: Partial<UserTaskModel>;
  inputs?: Mapping[];
}

export interface LinearModel {
  id: string;
  name?: string;
  versionTag?: string;
  tasks: ModelTask[];
  forms?: CompiledForm[];
}

let deployments = 0;

/**
 * Deploys a start event, these user tasks in a row and an end event as a
 * compiled model, without BPMN XML: quick worlds for API tests. Every call
 * deploys a new version (`<id>.bpmn`).
 */
export function deployLinear(
  store: TasklistStore,
  spec: LinearModel,
): ProcessDefinitionRecord {
  const ids = ['start', ...spec.tasks.map((task) => task.id), 'end'];
  const flow = (i: number) => ({
    id: `flow${String(i)}`,
    targetId: ids[i + 1] ?? 'end',
  });
  const elements = Object.fromEntries([
    [
      'start',
      { id: 'start', type: 'START_EVENT', incoming: [], outgoing: [flow(0)] },
    ],
    ...spec.tasks.map((task, i) => [
      task.id,
      {
        id: task.id,
        name: task.name,
        type: 'USER_TASK',
        incoming: [`flow${String(i)}`],
        outgoing: [flow(i + 1)],
        userTask: {
          implementation: 'JOB_WORKER',
          inputs: task.inputs ?? [],
          outputs: [],
          ...task.userTask,
        },
      },
    ]),
    [
      'end',
      {
        id: 'end',
        type: 'END_EVENT',
        incoming: [`flow${String(spec.tasks.length)}`],
        outgoing: [],
      },
    ],
  ]) as Record<string, never>;
  deployments += 1;
  return store.deploy({
    compiled: {
      model: {
        bpmnProcessId: spec.id,
        name: spec.name,
        versionTag: spec.versionTag,
        startElementId: 'start',
        elements,
      },
      forms: spec.forms ?? [],
    },
    resourceName: `${spec.id}.bpmn`,
    xml: '',
    checksum: `model-builder-${String(deployments)}`,
  }).definition;
}
