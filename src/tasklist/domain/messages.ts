import type { IncidentRecord } from '../store/records';

/**
 * The exact error messages of Camunda Tasklist's GraphQL API. Clients match on
 * `errors[0].message`, so these strings are part of the contract. Where
 * releases differ we follow 8.2-8.4 (plus the 8.5-only page-size rule);
 * docs/tasklist.md lists each choice.
 */
export const Messages = {
  accessDenied: 'Access Denied',
  taskNotFound: (id: string) => `Task with id ${id} was not found`,
  taskNotActive: 'Task is not active',
  taskAlreadyAssigned: 'Task is already assigned',
  taskNotAssigned: 'Task is not assigned',
  taskNotAssignedTo: (userId: string) => `Task is not assigned to ${userId}`,
  assignOtherUser:
    "User doesn't have the permission to assign another user to this task",
  assigneeRequired: 'Assignee must be specified',
  onlyOneCursor:
    'Only one of [searchAfter, searchAfterOrEqual, searchBefore, searchBeforeOrEqual] must be present in request.',
  // (sic) the 8.5 wording.
  pageSizeNotPositive: 'Page size cannot should be a positive number',
  formNotFound: (id: string) => `No task form found with id ${id}`,
  variableNotFound: (id: string) => `Variable with id ${id} not found.`,
  processNotFound: (bpmnProcessId: string) =>
    `Command 'CREATE' rejected with code 'NOT_FOUND': Expected to find process definition with process ID '${bpmnProcessId}', but none found`,
  processVersionNotFound: (bpmnProcessId: string, version: number) =>
    `Command 'CREATE' rejected with code 'NOT_FOUND': Expected to find process definition with process ID '${bpmnProcessId}' and version '${String(version)}', but none found`,
  processKeyNotFound: (key: string) =>
    `Command 'CREATE' rejected with code 'NOT_FOUND': Expected to find process definition with key '${key}', but none found`,
  // Ours: the embedded engine stops an instance where Zeebe raises an incident.
  instanceStarted: (processInstanceKey: number) =>
    `Process instance ${String(processInstanceKey)} was started`,
  taskCompleted: (taskKey: number) => `Task ${String(taskKey)} was completed`,
  incident: (
    done: string,
    processInstanceKey: number,
    elementId: string,
    message: string,
  ) =>
    `${done}, but process instance ${String(processInstanceKey)} stopped at '${elementId}' with an incident: ${message}`,
} as const;

/**
 * Why a rule refused a request, for APIs that answer with a status code
 * rather than only a message (the REST API maps these to HTTP statuses).
 */
export type Refusal =
  | 'INVALID_ARGUMENT'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'NOT_ACTIVE'
  | 'ALREADY_ASSIGNED'
  | 'NOT_ASSIGNED'
  | 'NOT_ASSIGNED_TO_CALLER'
  | 'ASSIGN_OTHER_USER'
  | 'INCIDENT';

/**
 * An error whose message clients may see verbatim. Anything else thrown while
 * answering a request is logged and replaced by a generic message.
 */
export class TasklistError extends Error {
  constructor(
    message: string,
    readonly refusal: Refusal = 'INVALID_ARGUMENT',
  ) {
    super(message);
    this.name = 'TasklistError';
  }
}

/**
 * The step itself succeeded (the task is completed, or the instance exists),
 * but the instance stopped further on, where Zeebe would raise an incident.
 * The message says both; `incidents` carries the details for other APIs.
 */
export class ProcessIncidentError extends TasklistError {
  constructor(
    message: string,
    readonly incidents: IncidentRecord[],
  ) {
    super(message, 'INCIDENT');
    this.name = 'ProcessIncidentError';
  }
}

/** Throws `ProcessIncidentError` when a step ran into incidents. */
export function throwOnIncident(
  done: string,
  incidents: IncidentRecord[],
): void {
  const first = incidents[0];
  if (!first) return;
  throw new ProcessIncidentError(
    Messages.incident(
      done,
      first.processInstanceKey,
      first.elementId,
      first.message,
    ),
    incidents,
  );
}
