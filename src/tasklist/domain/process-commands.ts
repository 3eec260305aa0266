import { parseKey } from '../store/keys';
import type { FormRecord, ProcessDefinitionRecord } from '../store/records';
import type { TasklistStore } from '../store/tasklist-store';
import { Messages, TasklistError, throwOnIncident } from './messages';

/**
 * `processes(search)`: the latest version of every deployed process. A search
 * text matches (case-insensitively) a part of the name or BPMN process id, or
 * the definition key exactly.
 */
export function searchProcesses(
  store: TasklistStore,
  search: string | null | undefined,
): ProcessDefinitionRecord[] {
  const all = store.processes.latestDefinitions();
  const needle = search?.trim().toLowerCase() ?? '';
  if (needle === '') return all;
  return all.filter(
    (definition) =>
      definition.bpmnProcessId.toLowerCase().includes(needle) ||
      (definition.name?.toLowerCase().includes(needle) ?? false) ||
      String(definition.key) === needle,
  );
}

/**
 * `startProcess(processDefinitionId)`: the id is the BPMN process id; the
 * latest version starts (GraphQL passes no variables; other callers may).
 * Returns the instance key. When the instance stops at an incident on its
 * way to the first user task, it still exists and a `ProcessIncidentError`
 * says where it stopped.
 */
export function startProcess(
  store: TasklistStore,
  bpmnProcessId: string,
  variables = new Map<string, string>(),
): string {
  const definition = store.processes.latestDefinition(bpmnProcessId);
  if (!definition)
    throw new TasklistError(Messages.processNotFound(bpmnProcessId));
  const started = store.startInstance(definition, variables);
  throwOnIncident(
    Messages.instanceStarted(started.processInstanceKey),
    started.incidents,
  );
  return String(started.processInstanceKey);
}

/** `deleteProcessInstance`: true only when a finished instance was deleted. */
export function deleteProcessInstance(
  store: TasklistStore,
  id: string,
): boolean {
  const key = parseKey(id);
  return key !== null && store.deleteFinishedInstance(key);
}

/**
 * `form(id, processDefinitionId)`: a form stored with a process definition,
 * embedded (`zeebe:userTaskForm`) or, on the embedded engine only, linked
 * (`zeebe:formDefinition formId`, a `.form` file from the same folder).
 */
export function getForm(
  store: TasklistStore,
  id: string,
  processDefinitionId: string,
): FormRecord {
  const key = parseKey(processDefinitionId);
  const form = key === null ? undefined : store.processes.form(key, id);
  if (!form) throw new TasklistError(Messages.formNotFound(id));
  return form;
}
