export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** RFC 3339 date-time with an offset, e.g. 2024-03-08T18:41:31.000Z. */
  DateTime: { input: string; output: string; }
};

/** A link in Camunda SaaS's app switcher. */
export type C8AppLink = {
  __typename: 'C8AppLink';
  link: Scalars['String']['output'];
  name: Scalars['String']['output'];
};

/** An inclusive date range. */
export type DateFilter = {
  from: Scalars['DateTime']['input'];
  to: Scalars['DateTime']['input'];
};

/** An embedded Camunda Form (form-js). */
export type Form = {
  __typename: 'Form';
  /** The form id inside its process (formKey without camunda-forms:bpmn:). */
  id: Scalars['String']['output'];
  /** The process definition key the form belongs to. */
  processDefinitionId: Scalars['String']['output'];
  /** The form-js schema as JSON text. */
  schema: Scalars['String']['output'];
};

export type Mutation = {
  __typename: 'Mutation';
  /**
   * Assigns the task. People may only claim for themselves. An API
   * (client-credentials) caller must name the assignee, and may take over an
   * assigned task unless allowOverrideAssignment is false (it defaults to true).
   */
  claimTask: Task;
  /** Completes an active task, setting the given variables (pass [] for none). */
  completeTask: Task;
  /** Deletes a finished process instance with its tasks and variables. */
  deleteProcessInstance: Scalars['Boolean']['output'];
  /** Starts the latest version of a process by its BPMN process id. */
  startProcess: ProcessInstance;
  /** Removes the assignee of an active task. */
  unclaimTask: Task;
};


export type MutationclaimTaskArgs = {
  allowOverrideAssignment?: InputMaybe<Scalars['Boolean']['input']>;
  assignee?: InputMaybe<Scalars['String']['input']>;
  taskId: Scalars['String']['input'];
};


export type MutationcompleteTaskArgs = {
  taskId: Scalars['String']['input'];
  variables: Array<VariableInput>;
};


export type MutationdeleteProcessInstanceArgs = {
  processInstanceId: Scalars['String']['input'];
};


export type MutationstartProcessArgs = {
  processDefinitionId: Scalars['String']['input'];
};


export type MutationunclaimTaskArgs = {
  taskId: Scalars['String']['input'];
};

/** A deployed process definition. */
export type Process = {
  __typename: 'Process';
  /** The process definition key. */
  id: Scalars['String']['output'];
  name: Maybe<Scalars['String']['output']>;
  /** The BPMN process id (unlike Task.processDefinitionId). */
  processDefinitionId: Maybe<Scalars['String']['output']>;
  version: Maybe<Scalars['Int']['output']>;
};

export type ProcessInstance = {
  __typename: 'ProcessInstance';
  /** The process instance key. */
  id: Scalars['ID']['output'];
};

export type Query = {
  __typename: 'Query';
  currentUser: User;
  /** An embedded form of a process definition. */
  form: Maybe<Form>;
  /** Process definitions that can be started, filtered by free text. */
  processes: Array<Process>;
  /** One task in any state; an error when no task has this id. */
  task: Task;
  /** One page of tasks matching the query. */
  tasks: Array<Task>;
  variable: Variable;
  /** The task's variables with these names; an empty list means all. */
  variables: Array<Variable>;
};


export type QueryformArgs = {
  id: Scalars['String']['input'];
  processDefinitionId: Scalars['String']['input'];
};


export type QueryprocessesArgs = {
  search?: InputMaybe<Scalars['String']['input']>;
};


export type QuerytaskArgs = {
  id: Scalars['String']['input'];
};


export type QuerytasksArgs = {
  query: TaskQuery;
};


export type QueryvariableArgs = {
  id: Scalars['String']['input'];
};


export type QueryvariablesArgs = {
  taskId: Scalars['String']['input'];
  variableNames: Array<Scalars['String']['input']>;
};

export type Sort =
  | 'ASC'
  | 'DESC';

/** A user task waiting for, or done by, a person. */
export type Task = {
  __typename: 'Task';
  /** The user id of the assignee, or null. */
  assignee: Maybe<Scalars['String']['output']>;
  candidateGroups: Maybe<Array<Scalars['String']['output']>>;
  candidateUsers: Maybe<Array<Scalars['String']['output']>>;
  /** Set once the task is completed or canceled. */
  completionTime: Maybe<Scalars['String']['output']>;
  /** Creation time in Tasklist's format, e.g. 2023-03-03T14:16:18.441+0000. */
  creationTime: Scalars['String']['output'];
  dueDate: Maybe<Scalars['DateTime']['output']>;
  followUpDate: Maybe<Scalars['DateTime']['output']>;
  /** camunda-forms:bpmn:<formId> for embedded Camunda Forms, any other string for custom forms. */
  formKey: Maybe<Scalars['String']['output']>;
  /** The task key (the Zeebe job key for job-worker user tasks). */
  id: Scalars['ID']['output'];
  /** ADDITION (Tasklist 8.5): how the user task is implemented. */
  implementation: Maybe<TaskImplementation>;
  /** True when this task is the first of the whole result for the current filter. */
  isFirst: Maybe<Scalars['Boolean']['output']>;
  /** The BPMN element name, or its id when it has none. */
  name: Scalars['String']['output'];
  /** The process definition key (a numeric string), despite the name. */
  processDefinitionId: Maybe<Scalars['String']['output']>;
  /** The process instance key. */
  processInstanceId: Maybe<Scalars['String']['output']>;
  /** The process name, or the BPMN process id when it has none. */
  processName: Scalars['String']['output'];
  /** Paging cursor: copy into TaskQuery.searchAfter/searchBefore. Only set in `tasks` results. */
  sortValues: Maybe<Array<Scalars['String']['output']>>;
  /** The BPMN element id of the user task. */
  taskDefinitionId: Scalars['String']['output'];
  taskState: TaskState;
  /** Variables visible to the task, sorted by name. */
  variables: Maybe<Array<Variable>>;
};

/** ADDITION (Tasklist 8.5): the kind of user task. */
export type TaskImplementation =
  | 'JOB_WORKER'
  | 'ZEEBE_USER_TASK';

export type TaskOrderBy = {
  field: TaskSortFields;
  order: Sort;
};

/** One page of a task search. Every field is optional and all given fields must match. */
export type TaskQuery = {
  assigned?: InputMaybe<Scalars['Boolean']['input']>;
  assignee?: InputMaybe<Scalars['String']['input']>;
  /** Matches when the group is one of the task's candidate groups. */
  candidateGroup?: InputMaybe<Scalars['String']['input']>;
  /** Matches when the user is one of the task's candidate users. */
  candidateUser?: InputMaybe<Scalars['String']['input']>;
  dueDate?: InputMaybe<DateFilter>;
  followUpDate?: InputMaybe<DateFilter>;
  /** Tasks per page; 50 when absent. */
  pageSize?: InputMaybe<Scalars['Int']['input']>;
  /** The process definition key. */
  processDefinitionId?: InputMaybe<Scalars['String']['input']>;
  /** The process instance key. */
  processInstanceId?: InputMaybe<Scalars['String']['input']>;
  /** sortValues of a task: the page strictly after it. */
  searchAfter?: InputMaybe<Array<Scalars['String']['input']>>;
  /** sortValues of a task: the page starting with it. */
  searchAfterOrEqual?: InputMaybe<Array<Scalars['String']['input']>>;
  /** sortValues of a task: the page strictly before it. */
  searchBefore?: InputMaybe<Array<Scalars['String']['input']>>;
  /** sortValues of a task: the page ending with it. */
  searchBeforeOrEqual?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Replaces the default order; the task key is always the final tie-breaker. */
  sort?: InputMaybe<Array<InputMaybe<TaskOrderBy>>>;
  /** Absent means every state but CANCELED. */
  state?: InputMaybe<TaskState>;
  taskDefinitionId?: InputMaybe<Scalars['String']['input']>;
};

export type TaskSortFields =
  | 'completionTime'
  | 'creationTime'
  | 'dueDate'
  | 'followUpDate';

export type TaskState =
  | 'CANCELED'
  | 'COMPLETED'
  | 'CREATED';

/** The caller, as Tasklist sees it. */
export type User = {
  __typename: 'User';
  /** SaaS only. */
  c8Links: Maybe<Array<Maybe<C8AppLink>>>;
  displayName: Maybe<Scalars['String']['output']>;
  /** A subset of READ and WRITE. */
  permissions: Maybe<Array<Scalars['String']['output']>>;
  /** SaaS only. */
  roles: Maybe<Array<Maybe<Scalars['String']['output']>>>;
  /** SaaS only. */
  salesPlanType: Maybe<Scalars['String']['output']>;
  /** Login name for people; the client id for API (client-credentials) callers. */
  userId: Scalars['ID']['output'];
};

/** A process variable as JSON text. */
export type Variable = {
  __typename: 'Variable';
  /** <scopeKey>-<name> at runtime, <taskId>-<name> in a completed task's snapshot. */
  id: Scalars['ID']['output'];
  /** True when value is longer than previewValue. */
  isValueTruncated: Scalars['Boolean']['output'];
  name: Scalars['String']['output'];
  /** The first 8191 characters of value. */
  previewValue: Scalars['String']['output'];
  /** The full value as JSON text, e.g. a string keeps its quotes. */
  value: Scalars['String']['output'];
};

/** A variable to set when completing a task. */
export type VariableInput = {
  name: Scalars['String']['input'];
  /** Must be JSON text: strings in quotes, objects and lists serialised. */
  value: Scalars['String']['input'];
};
