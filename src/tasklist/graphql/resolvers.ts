import { requirePermission, type Permission } from '../domain/caller';
import type { VariableInput } from '../domain/json-values';
import {
  deleteProcessInstance,
  getForm,
  searchProcesses,
  startProcess,
} from '../domain/process-commands';
import { claimTask, completeTask, unclaimTask } from '../domain/task-commands';
import {
  getTask,
  searchTasks,
  type TaskQueryInput,
} from '../domain/task-queries';
import {
  taskVariables,
  variableById,
  variablesOfTask,
} from '../domain/variable-queries';
import type { TasklistContext } from './context';
import { DateTimeScalar } from './date-time-scalar';
import {
  type TaskObject,
  toFormObject,
  toProcessObject,
  toTaskObject,
  toVariableObject,
} from './output-types';

type Resolver<Args, Result> = (
  parent: unknown,
  args: Args,
  context: TasklistContext,
) => Result;

/**
 * Checks the caller's permission before the resolver runs, the way Tasklist's
 * `@PreAuthorize` does: queries need READ, mutations WRITE.
 */
function guarded<Args, Result>(
  permission: Permission,
  resolve: (args: Args, context: TasklistContext) => Result,
): Resolver<Args, Result> {
  return (_parent, args, context) => {
    requirePermission(context.caller, permission);
    return resolve(args, context);
  };
}

const Query = {
  tasks: guarded('READ', (args: { query: TaskQueryInput }, { store }) =>
    searchTasks(store, args.query).map(({ task, ...paging }) =>
      toTaskObject(task, paging),
    ),
  ),
  task: guarded('READ', (args: { id: string }, { store }) =>
    toTaskObject(getTask(store, args.id)),
  ),
  // Who am I and what may I do: answered even without READ, so a client can
  // explain a missing permission instead of just failing.
  currentUser: (
    _parent: unknown,
    _args: unknown,
    { caller }: TasklistContext,
  ) => ({
    userId: caller.userId,
    displayName: caller.displayName,
    permissions: caller.permissions,
    roles: null,
    salesPlanType: null,
    c8Links: [],
  }),
  form: guarded(
    'READ',
    (args: { id: string; processDefinitionId: string }, { store }) =>
      toFormObject(getForm(store, args.id, args.processDefinitionId)),
  ),
  variables: guarded(
    'READ',
    (
      args: { taskId: string; variableNames: string[] },
      { store, previewLimit },
    ) =>
      taskVariables(store, args.taskId, args.variableNames).map((variable) =>
        toVariableObject(variable, previewLimit),
      ),
  ),
  variable: guarded('READ', (args: { id: string }, { store, previewLimit }) =>
    toVariableObject(variableById(store, args.id), previewLimit),
  ),
  processes: guarded('READ', (args: { search?: string | null }, { store }) =>
    searchProcesses(store, args.search).map(toProcessObject),
  ),
};

const Mutation = {
  completeTask: guarded(
    'WRITE',
    (args: { taskId: string; variables: VariableInput[] }, { store, caller }) =>
      toTaskObject(completeTask(store, caller, args.taskId, args.variables)),
  ),
  claimTask: guarded(
    'WRITE',
    (
      args: {
        taskId: string;
        assignee?: string | null;
        allowOverrideAssignment?: boolean | null;
      },
      { store, caller },
    ) =>
      toTaskObject(
        claimTask(
          store,
          caller,
          args.taskId,
          args.assignee,
          args.allowOverrideAssignment,
        ),
      ),
  ),
  unclaimTask: guarded('WRITE', (args: { taskId: string }, { store }) =>
    toTaskObject(unclaimTask(store, args.taskId)),
  ),
  deleteProcessInstance: guarded(
    'WRITE',
    (args: { processInstanceId: string }, { store }) =>
      deleteProcessInstance(store, args.processInstanceId),
  ),
  startProcess: guarded(
    'WRITE',
    (args: { processDefinitionId: string }, { store }) => ({
      id: startProcess(store, args.processDefinitionId),
    }),
  ),
};

const Task = {
  // Resolved only when selected, so task lists without variables stay cheap.
  variables: (
    parent: TaskObject,
    _args: unknown,
    { store, previewLimit }: TasklistContext,
  ) =>
    variablesOfTask(store, parent.record).map((variable) =>
      toVariableObject(variable, previewLimit),
    ),
};

/** The resolver map for `schema.graphql`. */
export const resolvers = { DateTime: DateTimeScalar, Query, Mutation, Task };
