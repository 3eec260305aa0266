import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  startProcessInstance,
  type StartTarget,
} from '../domain/process-commands';
import { searchProcessDefinitions } from '../domain/process-queries';
import { DEFAULT_TENANT } from '../domain/user-task-queries';
import { pageResponse } from './cursors';
import { queryProblem, requireV2Permission } from './domain-problems';
import { longKey } from './filter-schemas';
import { parseBody } from './parse-body';
import { invalidArgument } from './problem';
import {
  definitionSearchBody,
  toDefinitionQuery,
} from './process-definition-query';
import { processDefinitionResult } from './result-json';
import type { V2RouteContext } from './route-context';
import { requireBody, toJsonValues } from './route-helpers';

const TAG = /^[A-Za-z][A-Za-z0-9_\-:.]{0,99}$/;

const creationBody = z.strictObject({
  processDefinitionId: z.string({ error: 'a string' }).optional(),
  processDefinitionVersion: z
    .number({ error: 'an integer' })
    .int({ error: 'an integer' })
    .optional(),
  processDefinitionKey: longKey.optional(),
  variables: z
    .record(z.string(), z.unknown(), { error: 'a JSON object' })
    .nullish(),
  tenantId: z.string({ error: 'a string' }).optional(),
  operationReference: z
    .number({ error: 'an integer > 0' })
    .int({ error: 'an integer > 0' })
    .min(1, { error: '> 0' })
    .optional(),
  startInstructions: z
    .array(z.unknown())
    .max(0, { error: 'empty: start instructions are not supported' })
    .optional(),
  runtimeInstructions: z
    .array(z.unknown())
    .max(0, { error: 'empty: runtime instructions are not supported' })
    .optional(),
  awaitCompletion: z
    .literal(false, {
      error: 'false: waiting for completion is not supported',
    })
    .optional(),
  fetchVariables: z.array(z.string()).optional(),
  requestTimeout: z.number().int().min(0).optional(),
  tags: z
    .array(z.string().regex(TAG, { error: 'tags like business_key:1234' }))
    .max(10, { error: 'at most 10 tags' })
    .refine((tags) => new Set(tags).size === tags.length, {
      error: 'distinct tags',
    })
    .optional(),
});

type CreationInput = z.output<typeof creationBody>;

function startTarget(body: CreationInput): StartTarget {
  const byId = body.processDefinitionId !== undefined;
  const byKey = body.processDefinitionKey !== undefined;
  if (byId === byKey) {
    throw invalidArgument(
      byId
        ? 'Only one of [processDefinitionId, processDefinitionKey] is allowed.'
        : 'At least one of [processDefinitionId, processDefinitionKey] is required.',
    );
  }
  if (body.processDefinitionKey !== undefined) {
    if (body.processDefinitionVersion !== undefined) {
      throw invalidArgument(
        'processDefinitionVersion can only be given with processDefinitionId.',
      );
    }
    return { definitionKey: body.processDefinitionKey };
  }
  const version = body.processDefinitionVersion ?? -1;
  return {
    bpmnProcessId: body.processDefinitionId ?? '',
    version: version === -1 ? undefined : version,
  };
}

/** Process definitions (search) and starting process instances. */
export function processRoutes(
  fastify: FastifyInstance,
  { store, caller }: V2RouteContext,
) {
  fastify.post('/process-definitions/search', (request) => {
    requireV2Permission(caller(request), 'READ', 'READ_PROCESS_DEFINITION');
    const { query, latestOnly } = toDefinitionQuery(
      parseBody(definitionSearchBody, request.body),
    );
    const page = searchProcessDefinitions(store, query);
    return {
      items: page.items.map(processDefinitionResult),
      page: pageResponse(page.total, page.first, page.last, {
        withStartCursor: !latestOnly,
      }),
    };
  });

  fastify.post('/process-instances', (request) => {
    requireV2Permission(caller(request), 'WRITE', 'CREATE_PROCESS_INSTANCE');
    const body = parseBody(creationBody, requireBody(request.body));
    const tenantId = body.tenantId ?? DEFAULT_TENANT;
    if (tenantId !== DEFAULT_TENANT) {
      throw invalidArgument(
        `Expected to handle request Create Process Instance with tenant identifier '${tenantId}', but multi-tenancy is disabled`,
      );
    }
    const target = startTarget(body);
    const variables = body.variables ?? {};
    let started;
    try {
      started = startProcessInstance(store, target, toJsonValues(variables));
    } catch (error) {
      throw queryProblem(error);
    }
    return {
      processDefinitionId: started.definition.bpmnProcessId,
      processDefinitionKey: String(started.definition.key),
      processDefinitionVersion: started.definition.version,
      tenantId,
      variables,
      processInstanceKey: String(started.processInstanceKey),
      ...(body.tags ? { tags: body.tags } : {}),
    };
  });
}
