import type {
  FormRecord,
  ProcessDefinitionRecord,
  TaskRecord,
} from '../store/records';
import type { ValueTest } from '../store/task-conditions';
import type { TasklistStore } from '../store/tasklist-store';
import {
  type ListSortKey,
  type ListValues,
  type Page,
  type PageRequest,
  pageList,
  type SortOrder,
} from './paging';
import { DEFAULT_TENANT } from './user-task-queries';
import { passes } from './value-tests';

const EMBEDDED_FORM_PREFIX = 'camunda-forms:bpmn:';

/** A process definition with what the REST API reports about it. */
export interface DefinitionView extends ProcessDefinitionRecord {
  tenantId: string;
  isLatestVersion: boolean;
  /** Start forms are not modelled; no definition has one. */
  hasStartForm: false;
  state: 'ACTIVE';
}

export type DefinitionTextField =
  | 'name'
  | 'bpmnProcessId'
  | 'resourceName'
  | 'versionTag'
  | 'tenantId'
  | 'state';

export type DefinitionCondition =
  | { field: DefinitionTextField; test: ValueTest<string> }
  | { field: 'version' | 'key'; test: ValueTest<number> }
  | { field: 'hasStartForm' | 'isLatestVersion'; value: boolean };

export type DefinitionSortField =
  | 'key'
  | 'name'
  | 'resourceName'
  | 'version'
  | 'versionTag'
  | 'bpmnProcessId'
  | 'tenantId';

export interface DefinitionQuery {
  conditions: DefinitionCondition[];
  sort: { field: DefinitionSortField; order: SortOrder }[];
  page: PageRequest<ListValues>;
}

function matches(view: DefinitionView, condition: DefinitionCondition) {
  switch (condition.field) {
    case 'version':
    case 'key':
      return passes(view[condition.field], condition.test);
    case 'hasStartForm':
    case 'isLatestVersion':
      return view[condition.field] === condition.value;
    default:
      return passes(view[condition.field], condition.test);
  }
}

/** Every deployed definition version as the REST API shows it. */
export function definitionViews(store: TasklistStore): DefinitionView[] {
  const latest = new Set(
    store.processes.latestDefinitions().map((definition) => definition.key),
  );
  return store.processes.allDefinitions().map((definition) => ({
    ...definition,
    tenantId: DEFAULT_TENANT,
    isLatestVersion: latest.has(definition.key),
    hasStartForm: false,
    state: 'ACTIVE',
  }));
}

/** Searches the deployed definitions: every condition must hold. */
export function searchProcessDefinitions(
  store: TasklistStore,
  query: DefinitionQuery,
): Page<DefinitionView, ListValues> {
  const found = definitionViews(store).filter((view) =>
    query.conditions.every((condition) => matches(view, condition)),
  );
  const sort: ListSortKey<DefinitionView>[] = query.sort.map(
    ({ field, order }) => ({
      value: (view) => view[field],
      order,
    }),
  );
  return pageList(found, sort, (view) => view.key, query.page);
}

/** Whether a task's form key names a form stored with its definition. */
export const isStoredFormKey = (formKey: string | null): boolean =>
  formKey?.startsWith(EMBEDDED_FORM_PREFIX) ?? false;

/**
 * The form a task shows (`camunda-forms:bpmn:<formId>`: an embedded form,
 * or a linked one the engine stored the same way), or undefined for a task
 * without one or with a custom form key.
 */
export function formOfTask(
  store: TasklistStore,
  task: TaskRecord,
): FormRecord | undefined {
  if (!task.formKey?.startsWith(EMBEDDED_FORM_PREFIX)) return undefined;
  const formId = task.formKey.slice(EMBEDDED_FORM_PREFIX.length);
  return store.processes.form(task.processDefinitionKey, formId);
}
