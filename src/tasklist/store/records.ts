/** Row shapes of the store, in JavaScript terms (times are epoch milliseconds). */

export type TaskState = 'CREATED' | 'COMPLETED' | 'CANCELED';
export type TaskImplementation = 'JOB_WORKER' | 'ZEEBE_USER_TASK';
export type InstanceState = 'ACTIVE' | 'COMPLETED' | 'CANCELED';

export interface TaskRecord {
  key: number;
  processInstanceKey: number;
  processDefinitionKey: number;
  stepPosition: number;
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

/** One user task of a process, in the order the process runs them. */
export interface StepDefinition {
  elementId: string;
  /** Falls back to the element id, like BPMN elements without a name. */
  name?: string | undefined;
  /** `camunda-forms:bpmn:<formId>` for an embedded form, anything else for a custom form. */
  formKey?: string | undefined;
  candidateGroups?: string[] | undefined;
  candidateUsers?: string[] | undefined;
  assignee?: string | undefined;
  dueOffsetMs?: number | undefined;
  followUpOffsetMs?: number | undefined;
  implementation?: TaskImplementation | undefined;
}

export interface ProcessDefinitionInput {
  bpmnProcessId: string;
  name?: string | undefined;
  steps: StepDefinition[];
  /** Embedded forms by form id, as form-js schema objects. */
  forms?: Record<string, unknown> | undefined;
}

export interface ProcessDefinitionRecord {
  key: number;
  bpmnProcessId: string;
  name: string | null;
  version: number;
}

export interface ProcessInstanceRecord {
  key: number;
  processDefinitionKey: number;
  state: InstanceState;
  startTime: number;
  endTime: number | null;
}

export interface VariableRecord {
  /** `<scopeKey>-<name>`: the process instance key, or the task key for a snapshot. */
  id: string;
  name: string;
  /** JSON text. */
  value: string;
}

export interface FormRecord {
  formId: string;
  processDefinitionKey: number;
  schema: string;
}
