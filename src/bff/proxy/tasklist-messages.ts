/**
 * The Tasklist GraphQL error messages the proxy raises itself when a rule
 * refuses a request. They are Tasklist's exact strings (8.2-8.4 wording), so
 * the SPA shows the same text whether Tasklist or the BFF said no. A little
 * duplication of the embedded server's catalogue: parts share no code.
 */
export const TasklistMessages = {
  taskNotFound: (id: string) => `Task with id ${id} was not found`,
  taskNotActive: 'Task is not active',
  taskNotAssigned: 'Task is not assigned',
  taskNotAssignedTo: (username: string) =>
    `Task is not assigned to ${username}`,
  assignOtherUser:
    "User doesn't have the permission to assign another user to this task",
  formNotFound: (id: string) => `No task form found with id ${id}`,
  variableNotFound: (id: string) => `Variable with id ${id} not found.`,
  accessDenied: 'Access Denied',
} as const;
