/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type * as Schema from './schema-types';

export type ProcessListItem_process = { __typename: 'Process', id: string, name: string | null, processDefinitionId: string | null, version: number | null } & { ' $fragmentName'?: 'ProcessListItem_process' };

export type ProcessesRouteQueryVariables = Exact<{
  search?: string | null | undefined;
}>;


export type ProcessesRouteQuery = { processes: Array<(
    { __typename: 'Process', id: string }
    & { ' $fragmentRefs'?: { 'ProcessListItem_process': ProcessListItem_process } }
  )> };

export type StartProcessMutationVariables = Exact<{
  processDefinitionId: string;
}>;


export type StartProcessMutation = { startProcess: { __typename: 'ProcessInstance', id: string } };

export type StartProcessFirstTaskQueryVariables = Exact<{
  query: Schema.TaskQuery;
}>;


export type StartProcessFirstTaskQuery = { tasks: Array<{ __typename: 'Task', id: string, name: string, assignee: string | null, candidateGroups: Array<string> | null, candidateUsers: Array<string> | null }> };

export type TaskDetailsAside_task = { __typename: 'Task', id: string, creationTime: string, completionTime: string | null, dueDate: string | null, followUpDate: string | null, assignee: string | null, candidateGroups: Array<string> | null, candidateUsers: Array<string> | null, taskState: Schema.TaskState } & { ' $fragmentName'?: 'TaskDetailsAside_task' };

export type TaskDetailsView_task = (
  { __typename: 'Task', id: string }
  & { ' $fragmentRefs'?: { 'TaskHeader_task': TaskHeader_task;'TaskDetailsAside_task': TaskDetailsAside_task } }
) & { ' $fragmentName'?: 'TaskDetailsView_task' };

export type TaskHeader_task = { __typename: 'Task', id: string, name: string, processName: string, assignee: string | null, taskState: Schema.TaskState } & { ' $fragmentName'?: 'TaskHeader_task' };

export type ClaimTaskMutationVariables = Exact<{
  taskId: string;
  assignee: string;
}>;


export type ClaimTaskMutation = { claimTask: { __typename: 'Task', id: string, assignee: string | null, taskState: Schema.TaskState } };

export type UnclaimTaskMutationVariables = Exact<{
  taskId: string;
}>;


export type UnclaimTaskMutation = { unclaimTask: { __typename: 'Task', id: string, assignee: string | null, taskState: Schema.TaskState } };

export type TaskFormQueryVariables = Exact<{
  formId: string;
  processDefinitionId: string;
}>;


export type TaskFormQuery = { form: { __typename: 'Form', id: string, processDefinitionId: string, schema: string } | null };

export type TaskFormVariablesQueryVariables = Exact<{
  taskId: string;
  variableNames: Array<string> | string;
}>;


export type TaskFormVariablesQuery = { variables: Array<{ __typename: 'Variable', id: string, name: string, value: string }> };

export type TaskFormPrefetch_task = { __typename: 'Task', id: string, taskState: Schema.TaskState, formKey: string | null, processDefinitionId: string | null } & { ' $fragmentName'?: 'TaskFormPrefetch_task' };

export type TaskCompletion_task = { __typename: 'Task', id: string, taskState: Schema.TaskState, assignee: string | null, formKey: string | null, processDefinitionId: string | null, variables: Array<{ __typename: 'Variable', id: string, name: string, previewValue: string, isValueTruncated: boolean }> | null } & { ' $fragmentName'?: 'TaskCompletion_task' };

export type CompleteTaskMutationVariables = Exact<{
  taskId: string;
  variables: Array<Schema.VariableInput> | Schema.VariableInput;
}>;


export type CompleteTaskMutation = { completeTask: { __typename: 'Task', id: string, taskState: Schema.TaskState, completionTime: string | null, assignee: string | null } };

export type VariableValueQueryVariables = Exact<{
  id: string;
}>;


export type VariableValueQuery = { variable: { __typename: 'Variable', id: string, value: string } };

export type TaskFilterProcessesQueryVariables = Exact<{ [key: string]: never; }>;


export type TaskFilterProcessesQuery = { processes: Array<{ __typename: 'Process', id: string, name: string | null, processDefinitionId: string | null, version: number | null }> };

export type TaskInboxRouteQueryVariables = Exact<{
  query: Schema.TaskQuery;
}>;


export type TaskInboxRouteQuery = { tasks: Array<(
    { __typename: 'Task', id: string, sortValues: Array<string> | null, isFirst: boolean | null, formKey: string | null, processDefinitionId: string | null }
    & { ' $fragmentRefs'?: { 'TaskListItem_task': TaskListItem_task } }
  )> };

export type TaskListItem_task = { __typename: 'Task', id: string, name: string, processName: string, assignee: string | null, creationTime: string, completionTime: string | null, dueDate: string | null, followUpDate: string | null, taskState: Schema.TaskState } & { ' $fragmentName'?: 'TaskListItem_task' };

export type PruneTaskLists_task = { __typename: 'Task', taskState: Schema.TaskState, assignee: string | null } & { ' $fragmentName'?: 'PruneTaskLists_task' };

export type PruneTaskLists_groups = { __typename: 'Task', candidateGroups: Array<string> | null } & { ' $fragmentName'?: 'PruneTaskLists_groups' };

export type TaskDetailsRouteQueryVariables = Exact<{
  id: string;
}>;


export type TaskDetailsRouteQuery = { task: (
    { __typename: 'Task', id: string }
    & { ' $fragmentRefs'?: { 'TaskDetailsView_task': TaskDetailsView_task;'TaskCompletion_task': TaskCompletion_task } }
  ) };
