import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { formOfTask } from '../domain/process-queries';
import {
  assignUserTask,
  completeUserTask,
  unassignUserTask,
} from '../domain/user-task-commands';
import { searchUserTasks } from '../domain/user-task-queries';
import { pageResponse } from './cursors';
import {
  commandProblem,
  requireV2Permission,
  type TaskIntent,
} from './domain-problems';
import { parseBody } from './parse-body';
import { invalidArgument } from './problem';
import { createLookups, formResult, userTaskResult } from './result-json';
import type { V2RouteContext } from './route-context';
import {
  findUserTask,
  keyParam,
  requireBody,
  toJsonValues,
} from './route-helpers';
import { toUserTaskQuery, userTaskSearchBody } from './user-task-query';

interface KeyParams {
  Params: { userTaskKey: string };
}

const assignmentBody = z.strictObject({
  assignee: z.string({ error: 'a string' }).nullish(),
  allowOverride: z.boolean({ error: 'true, false or null' }).nullish(),
  action: z.string({ error: 'a string' }).nullish(),
});

const completionBody = z
  .strictObject({
    variables: z
      .record(z.string(), z.unknown(), { error: 'a JSON object' })
      .nullish(),
    action: z.string({ error: 'a string' }).nullish(),
  })
  .nullish();

/** Runs a task command, answering its refusals the way Zeebe does. */
function command(intent: TaskIntent, key: string, run: () => unknown): void {
  try {
    run();
  } catch (error) {
    throw commandProblem(error, intent, key);
  }
}

/** Search, read, assign, unassign, complete and the form of user tasks. */
export function userTaskRoutes(
  fastify: FastifyInstance,
  { store, caller }: V2RouteContext,
) {
  fastify.post('/user-tasks/search', (request) => {
    requireV2Permission(caller(request), 'READ', 'READ_USER_TASK');
    const query = toUserTaskQuery(parseBody(userTaskSearchBody, request.body));
    const page = searchUserTasks(store, query);
    const lookups = createLookups(store);
    return {
      items: page.items.map((task) => userTaskResult(task, lookups)),
      page: pageResponse(page.total, page.first, page.last),
    };
  });

  fastify.get<KeyParams>('/user-tasks/:userTaskKey', (request) => {
    requireV2Permission(caller(request), 'READ', 'READ_USER_TASK');
    const key = keyParam('userTaskKey', request.params.userTaskKey);
    return userTaskResult(findUserTask(store, key), createLookups(store));
  });

  fastify.get<KeyParams>('/user-tasks/:userTaskKey/form', (request, reply) => {
    requireV2Permission(caller(request), 'READ', 'READ_USER_TASK');
    const key = keyParam('userTaskKey', request.params.userTaskKey);
    const task = findUserTask(store, key);
    const form = formOfTask(store, task);
    const definition = store.processes.definition(task.processDefinitionKey);
    if (!form || !definition) return reply.code(204).send();
    return formResult(form, definition.version);
  });

  fastify.post<KeyParams>(
    '/user-tasks/:userTaskKey/assignment',
    (request, reply) => {
      const who = caller(request);
      requireV2Permission(who, 'WRITE', 'UPDATE_USER_TASK');
      const key = keyParam('userTaskKey', request.params.userTaskKey);
      const body = parseBody(assignmentBody, requireBody(request.body));
      const assignee = body.assignee ?? '';
      if (assignee.trim() === '') throw invalidArgument('No assignee provided');
      const intent = body.allowOverride === false ? 'CLAIM' : 'ASSIGN';
      command(intent, key, () =>
        assignUserTask(store, who, key, assignee, body.allowOverride),
      );
      return reply.code(204).send();
    },
  );

  fastify.delete<KeyParams>(
    '/user-tasks/:userTaskKey/assignee',
    (request, reply) => {
      requireV2Permission(caller(request), 'WRITE', 'UPDATE_USER_TASK');
      const key = keyParam('userTaskKey', request.params.userTaskKey);
      command('ASSIGN', key, () => unassignUserTask(store, key));
      return reply.code(204).send();
    },
  );

  fastify.post<KeyParams>(
    '/user-tasks/:userTaskKey/completion',
    (request, reply) => {
      const who = caller(request);
      requireV2Permission(who, 'WRITE', 'UPDATE_USER_TASK');
      const key = keyParam('userTaskKey', request.params.userTaskKey);
      const body = parseBody(completionBody, request.body);
      const variables = toJsonValues(body?.variables);
      command('COMPLETE', key, () =>
        completeUserTask(store, who, key, variables),
      );
      return reply.code(204).send();
    },
  );
}
