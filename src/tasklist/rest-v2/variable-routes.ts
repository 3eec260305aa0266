import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { type ListSortKey, pageList } from '../domain/paging';
import { DEFAULT_TENANT } from '../domain/user-task-queries';
import { passes } from '../domain/value-tests';
import {
  type ScopedVariable,
  variableByKey,
  variablesOfUserTask,
} from '../domain/user-task-variables';
import { pageOf, pageResponse, toListValues } from './cursors';
import { queryProblem, requireV2Permission } from './domain-problems';
import { pageRequest, sortList, stringFilter } from './filter-schemas';
import { stringTests } from './filter-tests';
import { parseBody } from './parse-body';
import { ProblemError } from './problem';
import { variableResult, variableSearchResult } from './result-json';
import type { V2RouteContext } from './route-context';
import { booleanQuery, findUserTask, keyParam } from './route-helpers';

const SORT_VALUES = {
  value: (v: ScopedVariable) => v.value,
  name: (v: ScopedVariable) => v.name,
  tenantId: () => DEFAULT_TENANT,
  variableKey: (v: ScopedVariable) => v.key,
  scopeKey: (v: ScopedVariable) => v.scopeKey,
  processInstanceKey: (v: ScopedVariable) => v.processInstanceKey,
} as const;

const sortFields = Object.keys(SORT_VALUES) as [
  keyof typeof SORT_VALUES,
  ...(keyof typeof SORT_VALUES)[],
];

const variableSearchBody = z
  .strictObject({
    filter: z.strictObject({ name: stringFilter.optional() }).optional(),
    sort: sortList(sortFields).optional(),
    page: pageRequest.optional(),
  })
  .nullish();

/**
 * A task's variables (while it is open, those of its local and of the
 * process scope; its snapshot once completed; none once canceled) and
 * single variables by key.
 */
export function variableRoutes(
  fastify: FastifyInstance,
  { store, previewLimit, caller }: V2RouteContext,
) {
  fastify.post<{
    Params: { userTaskKey: string };
    Querystring: { truncateValues?: string };
  }>('/user-tasks/:userTaskKey/variables/search', (request) => {
    requireV2Permission(caller(request), 'READ', 'READ_PROCESS_INSTANCE');
    const key = keyParam('userTaskKey', request.params.userTaskKey);
    const truncate = booleanQuery(
      'truncateValues',
      request.query.truncateValues,
      true,
    );
    const body = parseBody(variableSearchBody, request.body);
    const task = findUserTask(store, key);
    const nameTests = body?.filter?.name ? stringTests(body.filter.name) : [];
    const found = variablesOfUserTask(store, task).filter((variable) =>
      nameTests.every((test) => passes(variable.name, test)),
    );
    const sort: ListSortKey<ScopedVariable>[] = (body?.sort ?? []).map(
      ({ field, order }) => ({
        value: SORT_VALUES[field],
        order: order ?? 'ASC',
      }),
    );
    const page = pageList(
      found,
      sort,
      (variable) => variable.key,
      pageOf(body?.page, (raw) => toListValues(raw, sort.length)),
    );
    return {
      items: page.items.map((variable) =>
        variableSearchResult(variable, previewLimit, truncate),
      ),
      page: pageResponse(page.total, page.first, page.last),
    };
  });

  fastify.get<{ Params: { variableKey: string } }>(
    '/variables/:variableKey',
    (request) => {
      requireV2Permission(caller(request), 'READ', 'READ_PROCESS_INSTANCE');
      const key = keyParam('variableKey', request.params.variableKey);
      try {
        return variableResult(variableByKey(store, key));
      } catch (error) {
        const problem = queryProblem(error);
        if (problem instanceof ProblemError && problem.status === 404) {
          throw new ProblemError(
            404,
            'NOT_FOUND',
            `Variable with key ${key} not found`,
          );
        }
        throw problem;
      }
    },
  );
}
