import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addBulkTasks } from '../test/bulk-world';
import { createHarness, type Harness } from '../test/harness';
import {
  expectProblem,
  searchUserTasks,
  type UserTaskJson,
} from '../test/v2-json';

/*
 * Sorting and paging of POST /v2/user-tasks/search: every sort field in both
 * orders, offset pages, and cursors forwards and backwards that visit every
 * task exactly once.
 */

type Sort = { field: string; order?: 'ASC' | 'DESC' }[];

const DATE_FIELDS = new Set([
  'creationDate',
  'completionDate',
  'followUpDate',
  'dueDate',
]);

function valueOf(task: UserTaskJson, field: string): string | number | null {
  if (field === 'name') return task.name;
  if (field === 'priority') return task.priority;
  const text = task[field as keyof UserTaskJson];
  return typeof text === 'string' && DATE_FIELDS.has(field)
    ? Date.parse(text)
    : null;
}

/** The order the API promises: each key in turn, missing last, then the key. */
function expectedOrder(tasks: UserTaskJson[], sort: Sort): string[] {
  const compare = (a: UserTaskJson, b: UserTaskJson) => {
    for (const { field, order = 'ASC' } of sort) {
      const x = valueOf(a, field);
      const y = valueOf(b, field);
      if (x === y) continue;
      if (x === null) return 1;
      if (y === null) return -1;
      const less = x < y ? -1 : 1;
      return order === 'ASC' ? less : -less;
    }
    return a.userTaskKey < b.userTaskKey ? -1 : 1;
  };
  return [...tasks].sort(compare).map((task) => task.userTaskKey);
}

const keys = (tasks: UserTaskJson[]) => tasks.map((task) => task.userTaskKey);

/** Pages forwards with `after` until an empty page; returns every key seen. */
async function walkForwards(
  h: Harness,
  body: Record<string, unknown>,
  limit: number,
  total: number,
) {
  const seen: string[] = [];
  let page = await searchUserTasks(h, { ...body, page: { limit } });
  let lastPage = page;
  for (let guard = 0; page.items.length > 0; guard++) {
    expect(guard).toBeLessThan(total / limit + 2);
    expect(page.page.totalItems).toBe(total);
    seen.push(...keys(page.items));
    lastPage = page;
    page = await searchUserTasks(h, {
      ...body,
      page: { after: page.page.endCursor, limit },
    });
  }
  expect(page.page).not.toHaveProperty('startCursor');
  expect(page.page).not.toHaveProperty('endCursor');
  return { seen, lastPage };
}

/** Pages backwards with `before` from a page until an empty page. */
async function walkBackwards(
  h: Harness,
  body: Record<string, unknown>,
  limit: number,
  from: { items: UserTaskJson[]; page: { startCursor?: string } },
) {
  const seen = keys(from.items);
  let cursor = from.page.startCursor;
  for (;;) {
    const page = await searchUserTasks(h, {
      ...body,
      page: { before: cursor, limit },
    });
    if (page.items.length === 0) return seen;
    expect(page.items.length).toBeLessThanOrEqual(limit);
    seen.unshift(...keys(page.items));
    cursor = page.page.startCursor;
  }
}

describe('sorting and paging user tasks', () => {
  let h: Harness;
  let all: UserTaskJson[];
  const COUNT = 240;

  beforeAll(async () => {
    h = await createHarness({ seed: false });
    addBulkTasks(h.store, COUNT);
    all = (await searchUserTasks(h, { page: { limit: 1000 } })).items;
  });

  afterAll(async () => {
    await h.close();
  });

  it('orders by key by default, and pages hold 100 tasks unless asked otherwise', async () => {
    expect(all).toHaveLength(COUNT);
    expect(keys(all)).toEqual([...keys(all)].sort());
    const first = await searchUserTasks(h, {});
    expect(keys(first.items)).toEqual(keys(all).slice(0, 100));
    expect(first.page).toMatchObject({
      totalItems: COUNT,
      hasMoreTotalItems: false,
    });
  });

  const SORTS: Sort[] = [
    ...[
      'creationDate',
      'completionDate',
      'followUpDate',
      'dueDate',
      'name',
      'priority',
    ].flatMap((field) => [
      [{ field, order: 'ASC' as const }],
      [{ field, order: 'DESC' as const }],
    ]),
    [{ field: 'dueDate' }],
    [
      { field: 'name', order: 'DESC' },
      { field: 'dueDate', order: 'ASC' },
      { field: 'completionDate', order: 'DESC' },
    ],
  ];

  it.each(SORTS)(
    'sorts by %j, missing values last, then by key',
    async (...sort) => {
      const sorted = await searchUserTasks(h, { sort, page: { limit: 1000 } });
      expect(keys(sorted.items)).toEqual(expectedOrder(all, sort));
    },
  );

  it.each(SORTS)(
    'visits every task exactly once forwards and backwards with %j',
    async (...sort) => {
      const expected = expectedOrder(all, sort);
      const forwards = await walkForwards(h, { sort }, 17, COUNT);
      expect(forwards.seen).toEqual(expected);
      const backwards = await walkBackwards(h, { sort }, 17, forwards.lastPage);
      expect(backwards).toEqual(expected);
    },
  );

  it('pages by offset', async () => {
    const sort: Sort = [{ field: 'dueDate', order: 'DESC' }];
    const expected = expectedOrder(all, sort);
    for (const from of [0, 1, 95, 230]) {
      const page = await searchUserTasks(h, {
        sort,
        page: { from, limit: 20 },
      });
      expect(keys(page.items)).toEqual(expected.slice(from, from + 20));
      expect(page.page.totalItems).toBe(COUNT);
    }
    const beyond = await searchUserTasks(h, { page: { from: 5000 } });
    expect(beyond.items).toEqual([]);
    expect(beyond.page).toEqual({
      totalItems: COUNT,
      hasMoreTotalItems: false,
    });
  });

  it('mixes offset and cursors: a cursor from an offset page continues after it', async () => {
    const page = await searchUserTasks(h, { page: { from: 40, limit: 10 } });
    const next = await searchUserTasks(h, {
      page: { after: page.page.endCursor, limit: 10 },
    });
    expect(keys(next.items)).toEqual(keys(all).slice(50, 60));
    const previous = await searchUserTasks(h, {
      page: { before: page.page.startCursor, limit: 10 },
    });
    expect(keys(previous.items)).toEqual(keys(all).slice(30, 40));
  });

  it('pages a filtered search, with the filtered total', async () => {
    const body = { filter: { state: 'CREATED' }, sort: [{ field: 'name' }] };
    const open = all.filter((task) => task.state === 'CREATED');
    const forwards = await walkForwards(h, body, 9, open.length);
    expect(forwards.seen).toEqual(expectedOrder(open, body.sort));
    const backwards = await walkBackwards(h, body, 9, forwards.lastPage);
    expect(backwards).toEqual(forwards.seen);
  });

  it('pages stay correct when tasks change in between', async () => {
    const body = { filter: { state: 'CREATED' } };
    const first = await searchUserTasks(h, { ...body, page: { limit: 5 } });
    const [gone] = first.items;
    if (!gone) throw new Error('open tasks exist');
    // The first task of the page completes: the next page still follows on.
    const done = await h.v2(
      'POST',
      `/v2/user-tasks/${gone.userTaskKey}/completion`,
    );
    expect(done.status).toBe(204);
    const next = await searchUserTasks(h, {
      ...body,
      page: { after: first.page.endCursor, limit: 5 },
    });
    const open = all.filter((task) => task.state === 'CREATED');
    expect(keys(next.items)).toEqual(keys(open).slice(5, 10));
    expect(next.page.totalItems).toBe(open.length - 1);
  });
});

describe('paging ten thousand tasks', () => {
  let h: Harness;
  const COUNT = 10_000;

  beforeAll(async () => {
    h = await createHarness({ seed: false });
    addBulkTasks(h.store, COUNT);
  });

  afterAll(async () => {
    await h.close();
  });

  it.each([[[]], [[{ field: 'dueDate', order: 'DESC' }]]])(
    'visits each task exactly once forwards and backwards (sort %j)',
    async (sort) => {
      const forwards = await walkForwards(h, { sort }, 250, COUNT);
      expect(forwards.seen).toHaveLength(COUNT);
      expect(new Set(forwards.seen).size).toBe(COUNT);
      const backwards = await walkBackwards(
        h,
        { sort },
        250,
        forwards.lastPage,
      );
      expect(backwards).toEqual(forwards.seen);
    },
  );
});

describe('malformed paging and sorting get 400', () => {
  let h: Harness;
  let cursor: string;

  beforeAll(async () => {
    h = await createHarness({ seed: false });
    addBulkTasks(h.store, 10);
    const page = await searchUserTasks(h, { page: { limit: 2 } });
    cursor = page.page.endCursor ?? '';
  });

  afterAll(async () => {
    await h.close();
  });

  it.each([
    [
      { page: { after: 'WzFd', before: 'WzFd' } },
      'Both after and before cannot be set at the same time.',
    ],
    [
      { page: { from: 2, after: 'WzFd' } },
      'Both after/before and from cannot be set at the same time.',
    ],
    [
      { page: { limit: 0 } },
      "The value for page.limit is '0' but must be an integer from 1 to 1000.",
    ],
    [
      { page: { limit: 1001 } },
      "The value for page.limit is '1001' but must be an integer from 1 to 1000.",
    ],
    [
      { page: { from: -1 } },
      "The value for page.from is '-1' but must be a non-negative integer.",
    ],
    [
      { page: { after: 'not a cursor!' } },
      "The cursor 'not a cursor!' is not valid for this query. Use the startCursor or endCursor of a previous response to the same query.",
    ],
    [
      { page: { after: Buffer.from('{"a":1}').toString('base64') } },
      "The cursor 'eyJhIjoxfQ==' is not valid for this query. Use the startCursor or endCursor of a previous response to the same query.",
    ],
    [
      { sort: [{ field: 'assignee' }] },
      "The value for sort.0.field is 'assignee' but must be one of creationDate, completionDate, followUpDate, dueDate, priority, name.",
    ],
    [
      { sort: [{ field: 'name' }, { field: 'name', order: 'DESC' }] },
      'The value for sort is \'[{"field":"name"},{"field":"name","order":"DESC"}]\' but must be a list naming each field at most once.',
    ],
    [
      { sort: [{ field: 'name', order: 'asc' }] },
      "The value for sort.0.order is 'asc' but must be ASC or DESC.",
    ],
  ])('%j', async (body, detail) => {
    const reply = await h.v2('POST', '/v2/user-tasks/search', { body });
    expect(expectProblem(reply, 400, 'INVALID_ARGUMENT').detail).toBe(detail);
  });

  it('refuses a cursor made for another sort', async () => {
    const reply = await h.v2('POST', '/v2/user-tasks/search', {
      body: { sort: [{ field: 'name' }], page: { after: cursor } },
    });
    expect(expectProblem(reply, 400, 'INVALID_ARGUMENT').detail).toMatch(
      /^The cursor '.+' is not valid for this query/,
    );
  });
});
