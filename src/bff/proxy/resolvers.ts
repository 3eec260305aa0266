import {
  TasklistApiError,
  type TaskQuery,
  type UpstreamTask,
  type UpstreamVariable,
  type VariableInput,
} from '../upstream/tasklist-upstream';
import type { MutationAudit, ProxyContext } from './proxy-context';
import { operationNotAllowed } from './proxy-errors';
import { claimRefusal, ownTaskRefusal } from './task-rules';
import { TasklistMessages } from './tasklist-messages';
import { bindToTask, parseTaskVariableId } from './variable-ids';
import { isTaskVisible } from './visibility';
import { someVisibleTask, visibleTaskPage } from './visible-tasks';

type Args = Record<string, unknown>;
export type RootResolver = (args: Args, context: ProxyContext) => unknown;

const refuse = (message: string) => new TasklistApiError(message);

const visible = (task: UpstreamTask, context: ProxyContext) =>
  isTaskVisible(task, context.user, context.visibility);

/**
 * The task, if this person may see it; otherwise Tasklist's "not found"
 * (so an invisible task is indistinguishable from a missing one).
 */
async function visibleTask(
  taskId: string,
  context: ProxyContext,
): Promise<UpstreamTask> {
  const task = await context.upstream.task(taskId);
  if (!visible(task, context))
    throw refuse(TasklistMessages.taskNotFound(taskId));
  return task;
}

async function taskVariables(
  taskId: string,
  names: string[],
  context: ProxyContext,
): Promise<UpstreamVariable[]> {
  const variables = await context.upstream.variables(taskId, names);
  return variables.map((variable) => bindToTask(taskId, variable));
}

async function tasks(args: Args, context: ProxyContext) {
  const query = args.query as TaskQuery;
  if (context.visibility === 'all') return context.upstream.tasks(query);
  const page = await visibleTaskPage(
    (next) => context.upstream.tasks(next),
    query,
    (task) => visible(task, context),
    context.scanLimits,
  );
  if (page.limitReached) context.scanLimitReached('tasks');
  return page.tasks;
}

async function variable(args: Args, context: ProxyContext) {
  const id = args.id as string;
  const notFound = () => refuse(TasklistMessages.variableNotFound(id));
  const ref = parseTaskVariableId(id);
  if (!ref) throw notFound();
  try {
    await visibleTask(ref.taskId, context);
  } catch (error) {
    if (error instanceof TasklistApiError) throw notFound();
    throw error;
  }
  const [found] = (await taskVariables(ref.taskId, [ref.name], context)).filter(
    (candidate) => candidate.name === ref.name,
  );
  if (!found) throw notFound();
  return found;
}

/**
 * A form is visible when some task this person may see uses it: the form
 * of an HR process stays hidden from someone who sees none of its tasks.
 */
async function form(args: Args, context: ProxyContext) {
  const id = args.id as string;
  const processDefinitionId = args.processDefinitionId as string;
  const formKey = `camunda-forms:bpmn:${id}`;
  const taskId = context.upstream.taskOfForm?.(id);
  if (taskId !== undefined) {
    // The form of one task: shown when that task is visible and uses it.
    let task: UpstreamTask;
    try {
      task = await visibleTask(taskId, context);
    } catch (error) {
      if (error instanceof TasklistApiError) {
        throw refuse(TasklistMessages.formNotFound(id));
      }
      throw error;
    }
    if (
      task.formKey !== formKey ||
      task.processDefinitionId !== processDefinitionId
    ) {
      throw refuse(TasklistMessages.formNotFound(id));
    }
  } else if (context.visibility !== 'all') {
    const found = await someVisibleTask(
      (query) => context.upstream.tasks(query),
      { processDefinitionId },
      (task) => task.formKey === formKey && visible(task, context),
      context.scanLimits,
    );
    if (found === 'limit') context.scanLimitReached('form');
    if (found !== true) throw refuse(TasklistMessages.formNotFound(id));
  }
  return context.upstream.form(id, processDefinitionId);
}

export const queryResolvers: Record<string, RootResolver> = {
  tasks,
  task: (args, context) => visibleTask(args.id as string, context),
  variables: async (args, context) => {
    const taskId = args.taskId as string;
    await visibleTask(taskId, context);
    return taskVariables(taskId, args.variableNames as string[], context);
  },
  variable,
  form,
  processes: (args, context) =>
    context.upstream.processes(
      (args.search as string | null | undefined) ?? null,
    ),
  currentUser: (_args, { user }) => ({
    userId: user.username,
    displayName: user.username,
    permissions: ['READ', 'WRITE'],
    roles: null,
    salesPlanType: null,
    c8Links: [],
  }),
};

/**
 * Runs one mutation with its audit record: a refusal is recorded and thrown
 * before anything is sent; an allowed mutation is recorded with its outcome.
 */
async function audited<T>(
  context: ProxyContext,
  record: Omit<MutationAudit, 'decision'>,
  decide: () => Promise<string | undefined>,
  send: () => Promise<T>,
): Promise<T> {
  let refusal: string | undefined;
  try {
    refusal = await decide();
  } catch (error) {
    // The upstream's own refusal (e.g. an unknown task) is a refusal; an
    // upstream that could not answer leaves the mutation undecided.
    const refused = error instanceof TasklistApiError;
    context.audit({
      ...record,
      decision: refused ? 'refused' : 'failed',
      reason: error instanceof Error ? error.message : 'failed',
    });
    throw error;
  }
  if (refusal !== undefined) {
    context.audit({ ...record, decision: 'refused', reason: refusal });
    throw refuse(refusal);
  }
  try {
    const result = await send();
    context.audit({ ...record, decision: 'allowed', outcome: 'ok' });
    return result;
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'failed';
    context.audit({ ...record, decision: 'allowed', outcome: 'error', reason });
    throw error;
  }
}

export const mutationResolvers: Record<string, RootResolver> = {
  claimTask: (args, context) => {
    const taskId = args.taskId as string;
    return audited(
      context,
      { field: 'claimTask', taskId },
      async () => {
        const refusal = claimRefusal(args, context.user);
        if (refusal) return refusal;
        await visibleTask(taskId, context);
        return undefined;
      },
      () => context.upstream.claimTask(taskId, context.user.username, false),
    );
  },
  unclaimTask: (args, context) => {
    const taskId = args.taskId as string;
    return audited(
      context,
      { field: 'unclaimTask', taskId },
      async () =>
        ownTaskRefusal(await visibleTask(taskId, context), context.user),
      () => context.upstream.unclaimTask(taskId),
    );
  },
  completeTask: (args, context) => {
    const taskId = args.taskId as string;
    return audited(
      context,
      { field: 'completeTask', taskId },
      async () =>
        ownTaskRefusal(await visibleTask(taskId, context), context.user),
      () =>
        context.upstream.completeTask(
          taskId,
          args.variables as VariableInput[],
        ),
    );
  },
  startProcess: (args, context) => {
    const processDefinitionId = args.processDefinitionId as string;
    return audited(
      context,
      { field: 'startProcess', processDefinitionId },
      async () => {
        await context.limitStartProcess();
        return undefined;
      },
      () => context.upstream.startProcess(processDefinitionId),
    );
  },
  // Never forwarded, whatever the operation is called; trusted documents
  // cannot contain it either (trusted-documents.ts).
  deleteProcessInstance: (_args, context) => {
    context.audit({ field: 'deleteProcessInstance', decision: 'refused' });
    throw operationNotAllowed('deleteProcessInstance');
  },
};

/** `Task.variables`: the task already passed visibility, its variables follow it. */
export function taskVariablesField(task: UpstreamTask, context: ProxyContext) {
  return taskVariables(task.id, [], context);
}
