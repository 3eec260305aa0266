import type { TaskState, UpstreamTask } from '../tasklist-upstream';
import type { UserTaskResult, UserTaskStateEnum } from './v2-types';

/**
 * The GraphQL state a v2 state shows as. An `-ING` state means a change is
 * in flight (task listeners) while the task still holds its old values, so
 * it shows as the state it is leaving: open. FAILED (a creation a listener
 * rejected) never became workable, so it shows as CANCELED.
 */
export const GRAPHQL_STATE: Record<UserTaskStateEnum, TaskState> = {
  CREATING: 'CREATED',
  CREATED: 'CREATED',
  ASSIGNING: 'CREATED',
  UPDATING: 'CREATED',
  COMPLETING: 'CREATED',
  CANCELING: 'CREATED',
  COMPLETED: 'COMPLETED',
  CANCELED: 'CANCELED',
  FAILED: 'CANCELED',
};

/** The v2 states behind each GraphQL state: the inverse of `GRAPHQL_STATE`. */
export function v2StatesOf(state: TaskState): UserTaskStateEnum[] {
  return (Object.keys(GRAPHQL_STATE) as UserTaskStateEnum[]).filter(
    (v2) => GRAPHQL_STATE[v2] === state,
  );
}

/**
 * Forms in rest-v2 mode: `camunda-forms:bpmn:` (the prefix the SPA knows,
 * decision 012) followed by an id naming the task whose form it is, because
 * v2 serves a linked form through its task (`GET /user-tasks/{key}/form`).
 * The SPA passes the id back to `form(id, processDefinitionId)` without
 * looking inside (decision 024).
 */
export const FORM_KEY_PREFIX = 'camunda-forms:bpmn:';
const FORM_ID = /^task-(\d{1,25})$/;

export function formIdOf(userTaskKey: string): string {
  return `task-${userTaskKey}`;
}

/** The task key inside a form id of ours, or undefined for anything else. */
export function taskKeyOfFormId(formId: string): string | undefined {
  return FORM_ID.exec(formId)?.[1];
}

/** Dates in GraphQL's format (RFC 3339, UTC, milliseconds), or null. */
function date(value: string | undefined): string | null {
  if (value === undefined) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/**
 * A v2 user task as the GraphQL `Task` of the port (docs/bff.md, "REST API
 * v2"). v2's `processDefinitionId` is the BPMN id, so GraphQL's
 * `processDefinitionId` comes from `processDefinitionKey`.
 */
export function toUpstreamTask(result: UserTaskResult): UpstreamTask {
  const key = String(result.userTaskKey);
  let formKey: string | null = null;
  if (result.formKey !== undefined) formKey = FORM_KEY_PREFIX + formIdOf(key);
  else if (result.externalFormReference !== undefined) {
    formKey = result.externalFormReference;
  }
  return {
    id: key,
    name: result.name ?? result.elementId ?? '',
    taskDefinitionId: result.elementId ?? '',
    processName: result.processName ?? result.processDefinitionId ?? '',
    creationTime: date(result.creationDate) ?? new Date(0).toISOString(),
    completionTime: date(result.completionDate),
    assignee: result.assignee ?? null,
    taskState: GRAPHQL_STATE[result.state ?? 'CREATED'],
    sortValues: null,
    isFirst: null,
    formKey,
    processDefinitionId:
      result.processDefinitionKey === undefined
        ? null
        : String(result.processDefinitionKey),
    processInstanceId:
      result.processInstanceKey === undefined
        ? null
        : String(result.processInstanceKey),
    candidateGroups: result.candidateGroups ?? [],
    candidateUsers: result.candidateUsers ?? [],
    followUpDate: date(result.followUpDate),
    dueDate: date(result.dueDate),
    implementation: null,
  };
}
