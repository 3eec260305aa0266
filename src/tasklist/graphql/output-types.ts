import { formatTasklistTime } from '../domain/dates';
import type { TaskResult } from '../domain/task-queries';
import { previewOf } from '../domain/variable-queries';
import type {
  FormRecord,
  ProcessDefinitionRecord,
  TaskRecord,
  VariableRecord,
} from '../store/records';

/** A `Task` as GraphQL returns it; `record` feeds the lazy `variables` field. */
export interface TaskObject {
  id: string;
  name: string;
  taskDefinitionId: string;
  processName: string;
  creationTime: string;
  completionTime: string | null;
  assignee: string | null;
  taskState: string;
  sortValues: string[] | null;
  isFirst: boolean;
  formKey: string | null;
  processDefinitionId: string;
  processInstanceId: string;
  candidateGroups: string[];
  candidateUsers: string[];
  followUpDate: number | null;
  dueDate: number | null;
  implementation: string;
  record: TaskRecord;
}

/** Maps a task, with its cursor when it comes from `tasks`, to the API shape. */
export function toTaskObject(
  task: TaskRecord,
  paging: Omit<TaskResult, 'task'> = { sortValues: null, isFirst: false },
): TaskObject {
  return {
    id: String(task.key),
    name: task.name,
    taskDefinitionId: task.elementId,
    processName: task.processName,
    creationTime: formatTasklistTime(task.creationTime),
    completionTime:
      task.completionTime === null
        ? null
        : formatTasklistTime(task.completionTime),
    assignee: task.assignee,
    taskState: task.state,
    sortValues: paging.sortValues,
    isFirst: paging.isFirst,
    formKey: task.formKey,
    processDefinitionId: String(task.processDefinitionKey),
    processInstanceId: String(task.processInstanceKey),
    candidateGroups: task.candidateGroups,
    candidateUsers: task.candidateUsers,
    followUpDate: task.followUpDate,
    dueDate: task.dueDate,
    implementation: task.implementation,
    record: task,
  };
}

/** A `Variable` with its preview cut at the configured length. */
export function toVariableObject(
  variable: VariableRecord,
  previewLimit: number,
) {
  return { ...variable, ...previewOf(variable.value, previewLimit) };
}

export function toProcessObject(definition: ProcessDefinitionRecord) {
  return {
    id: String(definition.key),
    name: definition.name,
    processDefinitionId: definition.bpmnProcessId,
    version: definition.version,
  };
}

export function toFormObject(form: FormRecord) {
  return {
    id: form.formId,
    processDefinitionId: String(form.processDefinitionKey),
    schema: form.schema,
  };
}
