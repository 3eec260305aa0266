/** Row shapes of the store, in JavaScript terms (times are epoch milliseconds). */

export type TaskState = 'CREATED' | 'COMPLETED' | 'CANCELED';
export type TaskImplementation = 'JOB_WORKER' | 'ZEEBE_USER_TASK';
export type InstanceState = 'ACTIVE' | 'COMPLETED' | 'CANCELED';

export interface TaskRecord {
  key: number;
  processInstanceKey: number;
  processDefinitionKey: number;
  /** The element instance of the user task (its local variable scope). */
  elementInstanceKey: number;
  processName: string;
  elementId: string;
  name: string;
  state: TaskState;
  creationTime: number;
  completionTime: number | null;
  assignee: string | null;
  formKey: string | null;
  candidateGroups: string[];
  candidateUsers: string[];
  dueDate: number | null;
  followUpDate: number | null;
  implementation: TaskImplementation;
}

export interface ProcessDefinitionRecord {
  key: number;
  bpmnProcessId: string;
  name: string | null;
  version: number;
  versionTag: string | null;
  /** The file the definition was loaded from. */
  resourceName: string;
}

export type ElementInstanceState = 'ACTIVE' | 'COMPLETED' | 'TERMINATED';

export interface ElementInstanceRecord {
  key: number;
  processInstanceKey: number;
  elementId: string;
  /** Zeebe's element type name, e.g. `USER_TASK`. */
  elementType: string;
  state: ElementInstanceState;
  startTime: number;
  endTime: number | null;
}

/** Why an instance stopped at an element (it stays ACTIVE there). */
export interface IncidentRecord {
  key: number;
  processInstanceKey: number;
  elementInstanceKey: number;
  elementId: string;
  /** Zeebe's error types: `CONDITION_ERROR`, `EXTRACT_VALUE_ERROR`. */
  errorType: 'CONDITION_ERROR' | 'EXTRACT_VALUE_ERROR';
  message: string;
  creationTime: number;
}

export interface ProcessInstanceRecord {
  key: number;
  processDefinitionKey: number;
  state: InstanceState;
  startTime: number;
  endTime: number | null;
}

export interface VariableRecord {
  /**
   * `<scopeKey>-<name>`: the process instance key (process scope), a user
   * task's element instance key (its local scope), or the task key for a
   * completed task's snapshot.
   */
  id: string;
  name: string;
  /** JSON text. */
  value: string;
  /** The scope the id names. */
  scopeKey: number;
  /** The variable's own key (a snapshot copy has its own too). */
  key: number;
}

export interface FormRecord {
  /** The form's own key (a linked form's deployment, or the embedded copy). */
  key: number;
  formId: string;
  processDefinitionKey: number;
  kind: 'embedded' | 'linked';
  schema: string;
}
