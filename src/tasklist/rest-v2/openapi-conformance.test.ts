import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, v2Conformance } from '../test/harness';
import {
  type ConformanceResponse,
  loadOpenApiConformance,
} from '../test/openapi-conformance';
import type { SearchJson, UserTaskJson } from '../test/v2-json';

/*
 * The conformance check itself: it must catch every kind of deviation, and
 * a tour of the demo world must touch every operation of the subset, each
 * response checked against Camunda's OpenAPI document by the harness.
 * Skipped (with the reason printed) on a clone without the reference folder;
 * under CI a missing folder fails instead.
 */
const conformance = v2Conformance();

describe.skipIf(!conformance)('the OpenAPI conformance check', () => {
  // Its own instance, so these made-up responses stay out of the tour's count.
  const checker = conformance ? loadOpenApiConformance() : undefined;
  const check = (response: Partial<ConformanceResponse>) =>
    checker?.check({
      method: 'GET',
      url: '/v2/user-tasks/1',
      status: 200,
      contentType: 'application/json',
      body: '{"userTaskKey":"1"}',
      ...response,
    }) ?? [];

  it('accepts a conforming body', () => {
    expect(check({})).toEqual([]);
  });

  it.each([
    ['a wrong type', '{"userTaskKey":1}', /must be string/],
    ['a key that is not digits', '{"userTaskKey":"k-1"}', /must match pattern/],
    [
      'a value outside an enum',
      '{"userTaskKey":"1","state":"OPEN"}',
      /must be equal to one of the allowed values/,
    ],
    [
      'a date that is not RFC 3339',
      '{"userTaskKey":"1","dueDate":"tomorrow"}',
      /must match format "date-time"/,
    ],
    [
      'a missing required property',
      '{"name":"x"}',
      /must have required property 'userTaskKey'/,
    ],
    [
      'null where the schema is not nullable',
      '{"userTaskKey":"1","assignee":null}',
      /must be string/,
    ],
    [
      'an undeclared property',
      '{"userTaskKey":"1","owner":"x"}',
      /\(body\)\.owner is not declared/,
    ],
    [
      'an undeclared nested property',
      '{"userTaskKey":"1","customHeaders":{"a":"b"},"candidateGroups":["a"]}',
      null,
    ],
  ])('flags %s', (_what, body, message) => {
    const problems = check({ body });
    if (message === null) expect(problems).toEqual([]);
    else expect(problems.join('\n')).toMatch(message);
  });

  it('checks search results item by item, and their page', () => {
    const problems = check({
      method: 'POST',
      url: '/v2/user-tasks/search',
      body: '{"items":[{"userTaskKey":"1"},{"userTaskKey":2}],"page":{}}',
    });
    expect(problems.join('\n')).toMatch(
      /\/items\/1\/userTaskKey must be string/,
    );
    expect(problems.join('\n')).toMatch(
      /must have required property 'totalItems'/,
    );
  });

  it('flags an undeclared status, a wrong media type and a body where none is declared', () => {
    expect(check({ status: 201 }).join()).toMatch(/status not declared/);
    expect(check({ contentType: 'text/plain' }).join()).toMatch(
      /media type 'text\/plain' is not one of application\/json/,
    );
    expect(
      check({
        method: 'POST',
        url: '/v2/user-tasks/1/assignment',
        status: 204,
        body: '{}',
      }).join(),
    ).toMatch(/declares no body/);
    expect(
      check({
        method: 'POST',
        url: '/v2/user-tasks/1/assignment',
        status: 204,
        contentType: undefined,
        body: '',
      }),
    ).toEqual([]);
  });

  it('checks problems, also for statuses an operation does not list', () => {
    const problem = {
      type: 'about:blank',
      title: 'NOT_FOUND',
      status: 404,
      detail: 'x',
      instance: '/v2/process-instances',
    };
    const asProblem = (body: unknown) =>
      check({
        method: 'POST',
        url: '/v2/process-instances',
        status: 404,
        contentType: 'application/problem+json',
        body: JSON.stringify(body),
      });
    expect(asProblem(problem)).toEqual([]);
    expect(asProblem({ ...problem, status: 'x' }).join()).toMatch(
      /must be integer/,
    );
    expect(asProblem({ ...problem, code: 1 }).join()).toMatch(
      /code is not declared/,
    );
  });
});

describe.skipIf(!conformance)('a tour of every v2 operation', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await createHarness();
  });

  afterAll(async () => {
    await h.close();
  });

  it('conforms for every operation, in success and in failure', async () => {
    const search = await h.v2<SearchJson<UserTaskJson>>(
      'POST',
      '/v2/user-tasks/search',
      { body: { filter: { state: 'CREATED', assignee: { $exists: false } } } },
    );
    const withForm = search.body.items.find((t) => t.formKey !== undefined);
    const withoutForm = search.body.items.find((t) => t.formKey === undefined);
    if (!withForm || !withoutForm) throw new Error('the demo world has both');
    const key = withForm.userTaskKey;
    const calls: [string, string, unknown?][] = [
      ['POST', '/v2/user-tasks/search'],
      ['POST', '/v2/user-tasks/search', { page: { limit: 0 } }],
      ['GET', `/v2/user-tasks/${key}`],
      ['GET', '/v2/user-tasks/1'],
      ['GET', `/v2/user-tasks/${key}/form`],
      ['GET', `/v2/user-tasks/${withoutForm.userTaskKey}/form`],
      ['GET', '/v2/user-tasks/1/form'],
      ['POST', `/v2/user-tasks/${key}/variables/search`, {}],
      ['POST', '/v2/user-tasks/1/variables/search', {}],
      [
        'POST',
        '/v2/process-definitions/search',
        { filter: { isLatestVersion: true } },
      ],
      ['POST', '/v2/process-definitions/search', { sort: [{ field: 'x' }] }],
      ['POST', `/v2/user-tasks/${key}/assignment`, { assignee: 'demo' }],
      [
        'POST',
        `/v2/user-tasks/${key}/assignment`,
        { assignee: 'bob', allowOverride: false },
      ],
      ['POST', `/v2/user-tasks/${key}/assignment`, {}],
      ['DELETE', `/v2/user-tasks/${key}/assignee`],
      ['DELETE', '/v2/user-tasks/1/assignee'],
      [
        'POST',
        `/v2/user-tasks/${key}/completion`,
        { variables: { approved: true } },
      ],
      ['POST', `/v2/user-tasks/${key}/completion`, {}],
      [
        'POST',
        '/v2/process-instances',
        { processDefinitionId: 'invoice-approval' },
      ],
      ['POST', '/v2/process-instances', { processDefinitionId: 'nope' }],
      ['POST', '/v2/process-instances', {}],
      ['GET', '/v2/variables/1'],
    ];
    for (const [method, url, body] of calls) {
      // The harness fails the test if any response breaks the document.
      await h.v2(method as 'GET', url, body === undefined ? {} : { body });
    }
    const [variable] = (
      await h.v2<SearchJson<{ variableKey: string }>>(
        'POST',
        `/v2/user-tasks/${key}/variables/search`,
      )
    ).body.items;
    await h.v2('GET', `/v2/variables/${variable?.variableKey}`);
    await h.v2('GET', '/v2/user-tasks/1', { token: null });
    await h.v2('GET', '/v2/user-tasks/1', {
      token: await h.tokens.apiToken(''),
    });

    const operations = new Set(
      [...(conformance?.checked.keys() ?? [])].map((where) =>
        where.replace(/ \d+$/, ''),
      ),
    );
    expect([...operations].sort()).toEqual(
      [
        'DELETE /user-tasks/{userTaskKey}/assignee',
        'GET /user-tasks/{userTaskKey}',
        'GET /user-tasks/{userTaskKey}/form',
        'GET /variables/{variableKey}',
        'POST /process-definitions/search',
        'POST /process-instances',
        'POST /user-tasks/search',
        'POST /user-tasks/{userTaskKey}/assignment',
        'POST /user-tasks/{userTaskKey}/completion',
        'POST /user-tasks/{userTaskKey}/variables/search',
      ].sort(),
    );
    const statuses = [...(conformance?.checked.keys() ?? [])]
      .map((where) => where.split(' ').at(-1))
      .filter((status, i, all) => all.indexOf(status) === i)
      .sort();
    expect(statuses).toEqual(['200', '204', '400', '401', '403', '404', '409']);
  });
});
