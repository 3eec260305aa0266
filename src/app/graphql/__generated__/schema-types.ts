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

/** An inclusive date range. */
export type DateFilter = {
  from: Scalars['DateTime']['input'];
  to: Scalars['DateTime']['input'];
};

export type Sort =
  | 'ASC'
  | 'DESC';

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

/** A variable to set when completing a task. */
export type VariableInput = {
  name: Scalars['String']['input'];
  /** Must be JSON text: strings in quotes, objects and lists serialised. */
  value: Scalars['String']['input'];
};
