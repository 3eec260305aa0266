import {
  type DefinitionView,
  formOfTask,
  isStoredFormKey,
} from '../domain/process-queries';
import { DEFAULT_PRIORITY, DEFAULT_TENANT } from '../domain/user-task-queries';
import { previewOf } from '../domain/variable-queries';
import type { ScopedVariable } from '../domain/user-task-variables';
import type {
  FormRecord,
  ProcessDefinitionRecord,
  TaskRecord,
} from '../store/records';
import type { TasklistStore } from '../store/tasklist-store';

/*
 * The REST API's result shapes. Keys are digit strings and dates RFC 3339
 * in UTC. Camunda's schemas declare no field nullable, so a value a task does
 * not have (assignee, due date...) is left out rather than sent as null.
 */

const iso = (ms: number) => new Date(ms).toISOString();

/** Lookups a page of results shares: definitions and form keys, cached. */
export function createLookups(store: TasklistStore) {
  const definitions = new Map<number, ProcessDefinitionRecord | undefined>();
  return {
    definition(key: number) {
      if (!definitions.has(key))
        definitions.set(key, store.processes.definition(key));
      return definitions.get(key);
    },
    form: (task: TaskRecord) => formOfTask(store, task),
  };
}
export type Lookups = ReturnType<typeof createLookups>;

/** `UserTaskResult`. */
export function userTaskResult(task: TaskRecord, lookups: Lookups) {
  const definition = lookups.definition(task.processDefinitionKey);
  const form = lookups.form(task);
  // A custom form key is an external reference; stored forms have keys.
  const external =
    task.formKey !== null && !isStoredFormKey(task.formKey)
      ? task.formKey
      : undefined;
  return {
    userTaskKey: String(task.key),
    name: task.name,
    state: task.state,
    ...(task.assignee === null ? {} : { assignee: task.assignee }),
    elementId: task.elementId,
    candidateGroups: task.candidateGroups,
    candidateUsers: task.candidateUsers,
    ...(definition ? { processDefinitionId: definition.bpmnProcessId } : {}),
    creationDate: iso(task.creationTime),
    ...(task.completionTime === null
      ? {}
      : { completionDate: iso(task.completionTime) }),
    ...(task.followUpDate === null
      ? {}
      : { followUpDate: iso(task.followUpDate) }),
    ...(task.dueDate === null ? {} : { dueDate: iso(task.dueDate) }),
    tenantId: DEFAULT_TENANT,
    ...(external === undefined ? {} : { externalFormReference: external }),
    ...(definition ? { processDefinitionVersion: definition.version } : {}),
    customHeaders: {},
    priority: DEFAULT_PRIORITY,
    elementInstanceKey: String(task.elementInstanceKey),
    processName: task.processName,
    processDefinitionKey: String(task.processDefinitionKey),
    processInstanceKey: String(task.processInstanceKey),
    ...(form ? { formKey: String(form.key) } : {}),
  };
}

const variableBase = (variable: ScopedVariable) => ({
  name: variable.name,
  tenantId: DEFAULT_TENANT,
  variableKey: String(variable.key),
  scopeKey: String(variable.scopeKey),
  processInstanceKey: String(variable.processInstanceKey),
});

/** `VariableSearchResult`: the value cut at the preview limit unless asked not to. */
export function variableSearchResult(
  variable: ScopedVariable,
  previewLimit: number,
  truncate: boolean,
) {
  const { previewValue, isValueTruncated } = truncate
    ? previewOf(variable.value, previewLimit)
    : { previewValue: variable.value, isValueTruncated: false };
  return {
    ...variableBase(variable),
    value: previewValue,
    isTruncated: isValueTruncated,
  };
}

/** `VariableResult`: always the full value. */
export function variableResult(variable: ScopedVariable) {
  return { ...variableBase(variable), value: variable.value };
}

/** `ProcessDefinitionResult`. */
export function processDefinitionResult(view: DefinitionView) {
  return {
    ...(view.name === null ? {} : { name: view.name }),
    resourceName: view.resourceName,
    version: view.version,
    ...(view.versionTag === null ? {} : { versionTag: view.versionTag }),
    processDefinitionId: view.bpmnProcessId,
    tenantId: view.tenantId,
    processDefinitionKey: String(view.key),
    hasStartForm: view.hasStartForm,
  };
}

/** `FormResult`; a stored form's version is its definition's version. */
export function formResult(form: FormRecord, version: number) {
  return {
    tenantId: DEFAULT_TENANT,
    formId: form.formId,
    schema: form.schema,
    version,
    formKey: String(form.key),
  };
}
