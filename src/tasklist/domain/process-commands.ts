import { parseKey } from '../store/keys';
import type { FormRecord, ProcessDefinitionRecord } from '../store/records';
import type { TasklistStore } from '../store/tasklist-store';
import { Messages, TasklistError } from './messages';

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
 * latest version starts without variables. Returns the instance key.
 */
export function startProcess(
  store: TasklistStore,
  bpmnProcessId: string,
): string {
  const definition = store.processes.latestDefinition(bpmnProcessId);
  if (!definition)
    throw new TasklistError(Messages.processNotFound(bpmnProcessId));
  return String(store.startInstance(definition).processInstanceKey);
}

/** `deleteProcessInstance`: true only when a finished instance was deleted. */
export function deleteProcessInstance(
  store: TasklistStore,
  id: string,
): boolean {
  const key = parseKey(id);
  return key !== null && store.deleteFinishedInstance(key);
}

/** `form(id, processDefinitionId)`: an embedded form of a process definition. */
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
