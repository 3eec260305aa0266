/**
 * The exact error messages of Camunda Tasklist's GraphQL API. Clients match on
 * `errors[0].message`, so these strings are part of the contract. Where
 * releases differ we follow 8.2-8.4 (plus the 8.5-only page-size and
 * Zeebe-user-task rules); docs/tasklist.md lists each choice.
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
  zeebeUserTaskNotSupported:
    'This operation is not supported using Tasklist graphql API. Please use the latest REST API. For more information, refer to the documentation: https://docs.camunda.io/docs/apis-tools/migration-manuals/migrate-to-zeebe-user-tasks/',
  processNotFound: (bpmnProcessId: string) =>
    `Command 'CREATE' rejected with code 'NOT_FOUND': Expected to find process definition with process ID '${bpmnProcessId}', but none found`,
} as const;

/**
 * An error whose message clients may see verbatim. Anything else thrown while
 * answering a request is logged and replaced by a generic message.
 */
export class TasklistError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TasklistError';
  }
}
