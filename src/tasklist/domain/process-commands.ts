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
    throw new TasklistError(
      Messages.processNotFound(bpmnProcessId),
      'NOT_FOUND',
    );
  const started = store.startInstance(definition, variables);
  throwOnIncident(
    Messages.instanceStarted(started.processInstanceKey),
    started.incidents,
  );
  return String(started.processInstanceKey);
}

/** Which definition to start: a BPMN process id (latest or one version) or a key. */
export type StartTarget =
  | { bpmnProcessId: string; version?: number | undefined }
  | { definitionKey: string };

function findDefinition(
  store: TasklistStore,
  target: StartTarget,
): ProcessDefinitionRecord {
  if ('definitionKey' in target) {
    const key = parseKey(target.definitionKey);
    const definition =
      key === null ? undefined : store.processes.definition(key);
    if (!definition) {
      throw new TasklistError(
        Messages.processKeyNotFound(target.definitionKey),
        'NOT_FOUND',
      );
    }
    return definition;
  }
  const { bpmnProcessId, version } = target;
  const found =
    version === undefined
      ? store.processes.latestDefinition(bpmnProcessId)
      : store.processes
          .allDefinitions()
          .find(
            (d) => d.bpmnProcessId === bpmnProcessId && d.version === version,
          );
  if (!found) {
    throw new TasklistError(
      version === undefined
        ? Messages.processNotFound(bpmnProcessId)
        : Messages.processVersionNotFound(bpmnProcessId, version),
      'NOT_FOUND',
    );
  }
  return found;
}

/**
 * Starts an instance of the chosen definition with variables (normalised
 * JSON text by name) at the process scope, the REST API's way: an incident
 * on the way does not fail the start (Zeebe raises it separately; the
 * engine logs it).
 */
export function startProcessInstance(
  store: TasklistStore,
  target: StartTarget,
  variables: Map<string, string>,
): { definition: ProcessDefinitionRecord; processInstanceKey: number } {
  return store.db.transaction(() => {
    const definition = findDefinition(store, target);
    const started = store.startInstance(definition, variables);
    return { definition, processInstanceKey: started.processInstanceKey };
  })();
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
  if (!form) throw new TasklistError(Messages.formNotFound(id), 'NOT_FOUND');
  return form;
}
