import { z } from 'zod';
import {
  type DefinitionCondition,
  type DefinitionQuery,
  type DefinitionSortField,
} from '../domain/process-queries';
import { parseKey } from '../store/keys';
import { pageOf, toListValues } from './cursors';
import {
  enumFilter,
  longKey,
  pageRequest,
  sortList,
  stringFilter,
} from './filter-schemas';
import { stringTests } from './filter-tests';
import { invalidArgument } from './problem';

const SORT_FIELDS = {
  processDefinitionKey: 'key',
  name: 'name',
  resourceName: 'resourceName',
  version: 'version',
  versionTag: 'versionTag',
  processDefinitionId: 'bpmnProcessId',
  tenantId: 'tenantId',
} as const satisfies Record<string, DefinitionSortField>;

const sortFields = Object.keys(SORT_FIELDS) as [
  keyof typeof SORT_FIELDS,
  ...(keyof typeof SORT_FIELDS)[],
];

/** `POST /v2/process-definitions/search`'s body (ProcessDefinitionSearchQuery). */
export const definitionSearchBody = z
  .strictObject({
    filter: z
      .strictObject({
        name: stringFilter.optional(),
        isLatestVersion: z.boolean({ error: 'true or false' }).optional(),
        resourceName: z.string({ error: 'a string' }).optional(),
        version: z.number({ error: 'an integer' }).int().optional(),
        versionTag: z.string({ error: 'a string' }).optional(),
        processDefinitionId: stringFilter.optional(),
        tenantId: z.string({ error: 'a string' }).optional(),
        processDefinitionKey: longKey.optional(),
        hasStartForm: z.boolean({ error: 'true or false' }).optional(),
        state: enumFilter(['ACTIVE', 'DELETED']).optional(),
      })
      .optional(),
    sort: sortList(sortFields).optional(),
    page: pageRequest.optional(),
  })
  .nullish();

type DefinitionFilterInput = NonNullable<
  NonNullable<z.output<typeof definitionSearchBody>>['filter']
>;

function definitionConditions(
  filter: DefinitionFilterInput = {},
): DefinitionCondition[] {
  const conditions: DefinitionCondition[] = [];
  const eq = <T>(value: T) => ({ op: 'eq' as const, value });
  for (const field of ['name', 'processDefinitionId'] as const) {
    const value = filter[field];
    if (value === undefined) continue;
    const target = field === 'name' ? 'name' : 'bpmnProcessId';
    for (const test of stringTests(value))
      conditions.push({ field: target, test });
  }
  if (filter.state !== undefined) {
    for (const test of stringTests(filter.state))
      conditions.push({ field: 'state', test });
  }
  for (const field of ['resourceName', 'versionTag', 'tenantId'] as const) {
    const value = filter[field];
    if (value !== undefined) conditions.push({ field, test: eq(value) });
  }
  if (filter.version !== undefined)
    conditions.push({ field: 'version', test: eq(filter.version) });
  if (filter.processDefinitionKey !== undefined) {
    // A key too large to be one of ours matches nothing.
    const key = parseKey(filter.processDefinitionKey) ?? Number.NaN;
    conditions.push({ field: 'key', test: eq(key) });
  }
  for (const field of ['isLatestVersion', 'hasStartForm'] as const) {
    const value = filter[field];
    if (value !== undefined) conditions.push({ field, value });
  }
  return conditions;
}

/**
 * The domain query for a parsed search body. Like Camunda, `isLatestVersion`
 * pages forwards only (`from` and `before` are ignored) and sorts only by
 * `processDefinitionId` and `tenantId`.
 */
export function toDefinitionQuery(
  body: z.output<typeof definitionSearchBody>,
): { query: DefinitionQuery; latestOnly: boolean } {
  const latestOnly = body?.filter?.isLatestVersion === true;
  const sort = (body?.sort ?? []).map(({ field, order }) => ({
    field: SORT_FIELDS[field],
    order: order ?? ('ASC' as const),
  }));
  if (
    latestOnly &&
    sort.some(
      (key) => key.field !== 'bpmnProcessId' && key.field !== 'tenantId',
    )
  ) {
    throw invalidArgument(
      'With isLatestVersion, sorting is limited to processDefinitionId and tenantId.',
    );
  }
  const requested = body?.page;
  const pageInput =
    latestOnly && requested
      ? { ...requested, from: undefined, before: undefined }
      : requested;
  return {
    query: {
      conditions: definitionConditions(body?.filter),
      sort,
      page: pageOf(pageInput, (raw) => toListValues(raw, sort.length)),
    },
    latestOnly,
  };
}
