import { z } from 'zod';
import {
  DEFAULT_PRIORITY,
  DEFAULT_TENANT,
  toSortValues,
  type UserTaskQuery,
  type UserTaskSortField,
  userTaskSortKeys,
} from '../domain/user-task-queries';
import { constantCondition } from '../domain/value-tests';
import { parseKey } from '../store/keys';
import type {
  TaskCondition,
  TaskNumberField,
  ValueTest,
} from '../store/task-conditions';
import { pageOf } from './cursors';
import {
  dateFilter,
  enumFilter,
  integerFilter,
  longKey,
  pageRequest,
  sortList,
  stringFilter,
} from './filter-schemas';
import {
  dateTests,
  enumTests,
  integerTests,
  stringTests,
} from './filter-tests';

export const USER_TASK_STATES = [
  'CREATING',
  'CREATED',
  'ASSIGNING',
  'UPDATING',
  'COMPLETING',
  'COMPLETED',
  'CANCELING',
  'CANCELED',
  'FAILED',
] as const;

const variableFilter = z.array(
  z.strictObject({
    name: z.string({ error: 'a variable name' }),
    value: stringFilter,
  }),
  { error: 'a list of {name, value}' },
);

const userTaskFilter = z.strictObject({
  state: enumFilter(USER_TASK_STATES).optional(),
  assignee: stringFilter.optional(),
  priority: integerFilter.optional(),
  elementId: z.string({ error: 'a string' }).optional(),
  name: z.string({ error: 'a string' }).optional(),
  candidateGroup: stringFilter.optional(),
  candidateUser: stringFilter.optional(),
  tenantId: stringFilter.optional(),
  processDefinitionId: z.string({ error: 'a string' }).optional(),
  creationDate: dateFilter.optional(),
  completionDate: dateFilter.optional(),
  followUpDate: dateFilter.optional(),
  dueDate: dateFilter.optional(),
  processInstanceVariables: variableFilter.optional(),
  localVariables: variableFilter.optional(),
  userTaskKey: longKey.optional(),
  processDefinitionKey: longKey.optional(),
  processInstanceKey: longKey.optional(),
  elementInstanceKey: longKey.optional(),
});

const SORT_FIELDS = {
  creationDate: 'creationTime',
  completionDate: 'completionTime',
  followUpDate: 'followUpDate',
  dueDate: 'dueDate',
  priority: 'priority',
  name: 'name',
} as const satisfies Record<string, UserTaskSortField>;

const sortFieldNames = Object.keys(SORT_FIELDS) as [
  keyof typeof SORT_FIELDS,
  ...(keyof typeof SORT_FIELDS)[],
];

/** `POST /v2/user-tasks/search`'s body (UserTaskSearchQuery). */
export const userTaskSearchBody = z
  .strictObject({
    filter: userTaskFilter.optional(),
    sort: sortList(sortFieldNames).optional(),
    page: pageRequest.optional(),
  })
  .nullish();

type UserTaskFilterInput = z.output<typeof userTaskFilter>;

const DATE_FIELDS = {
  creationDate: 'creationTime',
  completionDate: 'completionTime',
  followUpDate: 'followUpDate',
  dueDate: 'dueDate',
} as const satisfies Record<string, TaskNumberField>;

/** A key condition; a key too large to be one of ours matches nothing. */
function keyCondition(field: TaskNumberField, text: string): TaskCondition {
  const key = parseKey(text);
  return key === null
    ? { field: 'nothing' }
    : { field, test: { op: 'eq', value: key } };
}

/**
 * `processInstanceVariables` test the process scope, `localVariables` the
 * task's own scope (its input mappings); several entries must all hold.
 */
function variableConditions(input: UserTaskFilterInput): TaskCondition[] {
  const conditions: TaskCondition[] = [];
  const entries = [
    ['process', input.processInstanceVariables],
    ['local', input.localVariables],
  ] as const;
  for (const [scope, filters] of entries) {
    for (const { name, value } of filters ?? []) {
      for (const test of stringTests(value)) {
        conditions.push({ field: 'variable', scope, name, test });
      }
    }
  }
  return conditions;
}

/** The REST filter as the store's task conditions (all must hold). */
export function toTaskConditions(
  input: UserTaskFilterInput = {},
): TaskCondition[] {
  const conditions: TaskCondition[] = [];
  const text = (
    field: 'state' | 'assignee' | 'elementId' | 'name' | 'bpmnProcessId',
    tests: ValueTest<string>[],
  ) => {
    for (const test of tests) conditions.push({ field, test });
  };
  if (input.state !== undefined) text('state', enumTests(input.state));
  if (input.assignee !== undefined)
    text('assignee', stringTests(input.assignee));
  if (input.elementId !== undefined)
    text('elementId', stringTests(input.elementId));
  if (input.name !== undefined) text('name', stringTests(input.name));
  if (input.processDefinitionId !== undefined)
    text('bpmnProcessId', stringTests(input.processDefinitionId));
  for (const field of ['candidateGroup', 'candidateUser'] as const) {
    const filter = input[field];
    if (filter === undefined) continue;
    for (const test of stringTests(filter)) conditions.push({ field, test });
  }
  for (const [name, field] of Object.entries(DATE_FIELDS)) {
    const filter = input[name as keyof typeof DATE_FIELDS];
    if (filter === undefined) continue;
    for (const test of dateTests(filter)) conditions.push({ field, test });
  }
  // Every task has the default priority and tenant.
  const priority = input.priority;
  for (const test of priority === undefined ? [] : integerTests(priority)) {
    conditions.push(...constantCondition(DEFAULT_PRIORITY, test));
  }
  const tenant = input.tenantId;
  for (const test of tenant === undefined ? [] : stringTests(tenant)) {
    conditions.push(...constantCondition(DEFAULT_TENANT, test));
  }
  if (input.userTaskKey !== undefined)
    conditions.push(keyCondition('key', input.userTaskKey));
  if (input.processDefinitionKey !== undefined)
    conditions.push(
      keyCondition('processDefinitionKey', input.processDefinitionKey),
    );
  if (input.processInstanceKey !== undefined)
    conditions.push(
      keyCondition('processInstanceKey', input.processInstanceKey),
    );
  if (input.elementInstanceKey !== undefined)
    conditions.push(
      keyCondition('elementInstanceKey', input.elementInstanceKey),
    );
  conditions.push(...variableConditions(input));
  return conditions;
}

/** The domain query for a parsed search body. */
export function toUserTaskQuery(
  body: z.output<typeof userTaskSearchBody>,
): UserTaskQuery {
  const sort = (body?.sort ?? []).map(({ field, order }) => ({
    field: SORT_FIELDS[field],
    order: order ?? ('ASC' as const),
  }));
  const keys = userTaskSortKeys(sort);
  return {
    conditions: toTaskConditions(body?.filter),
    sort,
    page: pageOf(body?.page, (raw) => toSortValues(raw, keys)),
  };
}
