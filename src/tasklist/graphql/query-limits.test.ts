import {
  afterAll,
  afterEach,
  beforeAll,
  describe,
  expect,
  it,
  vi,
  type MockInstance,
} from 'vitest';
import { createHarness, type Harness } from '../test/harness';

/**
 * H52 and H53: one request must not stall the embedded Tasklist. The review
 * behind issue 14 sent 5,000 sort entries with 5,001 cursor values (2.6 s of
 * blocked event loop, SQL text quadratic in the sort length) and 300 aliased
 * `tasks` fields. Each is refused as a GraphQL error before any SQL is built,
 * which the spy on the store's search proves.
 */
let h: Harness;
let search: MockInstance | undefined;

beforeAll(async () => {
  h = await createHarness();
});

afterAll(async () => {
  await h.close();
});

afterEach(() => {
  search?.mockRestore();
});

const TASKS =
  'query Tasks($q: TaskQuery!) { tasks(query: $q) { id sortValues } }';

async function tasks(query: Record<string, unknown>) {
  search = vi.spyOn(h.store.searcher, 'search');
  return h.gql<{ tasks: { id: string; sortValues: string[] }[] }>(TASKS, {
    q: query,
  });
}

const sortOf = (fields: string[]) =>
  fields.map((field) => ({ field, order: 'ASC' }));

describe('tasks query limits (H52)', () => {
  it('refuses the 5,000-entry sort with 5,001 cursor values before building SQL', async () => {
    const reply = await tasks({
      sort: Array.from({ length: 5000 }, () => ({
        field: 'dueDate',
        order: 'ASC',
      })),
      searchAfter: Array.from({ length: 5001 }, (_, i) => String(i)),
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      data: null,
      errors: [
        expect.objectContaining({
          message: 'Sort can have at most 4 entries, one per field; got 5000',
        }),
      ],
    });
    expect(search).not.toHaveBeenCalled();
  });

  it('refuses a field sorted twice', async () => {
    const reply = await tasks({ sort: sortOf(['dueDate', 'dueDate']) });
    expect(reply.body.errors?.[0]?.message).toBe(
      'Sort field dueDate appears more than once; sort by each field at most once',
    );
    expect(search).not.toHaveBeenCalled();
  });

  it('accepts all four fields once each, and pages with their sortValues', async () => {
    const sort = sortOf([
      'dueDate',
      'followUpDate',
      'creationTime',
      'completionTime',
    ]);
    const first = await tasks({ sort, pageSize: 2 });
    expect(first.body.errors).toBeUndefined();
    const cursor = first.body.data?.tasks[1]?.sortValues;
    expect(cursor).toHaveLength(5);
    const next = await tasks({ sort, pageSize: 2, searchAfter: cursor });
    expect(next.body.errors).toBeUndefined();
    expect(next.body.data?.tasks).toHaveLength(2);
  });

  it('refuses cursors that do not match the sort, without echoing long ones', async () => {
    const short = await tasks({
      sort: sortOf(['dueDate']),
      searchAfter: ['1', '2', '3'],
    });
    expect(short.body.errors?.[0]?.message).toMatch(
      /^Invalid sort values \["1","2","3"\]: expected 2 integers/,
    );
    const long = await tasks({
      searchBefore: Array.from({ length: 6 }, (_, i) => String(i)),
    });
    expect(long.body.errors?.[0]?.message).toBe(
      'searchBefore can have at most 5 values (the sortValues of a task); got 6',
    );
    expect(search).not.toHaveBeenCalled();
  });

  it('caps pageSize at 1,000, checked after the cursors as Tasklist checks its own page-size rule', async () => {
    const tooBig = await tasks({ pageSize: 1001 });
    expect(tooBig.body.errors?.[0]?.message).toBe(
      'Page size must be at most 1000; got 1001',
    );
    expect(search).not.toHaveBeenCalled();
    const both = await tasks({
      pageSize: 5000,
      searchAfter: ['1', '2'],
      searchBefore: ['1', '2'],
    });
    expect(both.body.errors?.[0]?.message).toMatch(
      /^Only one of \[searchAfter/,
    );
    const largest = await tasks({ pageSize: 1000, state: 'COMPLETED' });
    expect(largest.body.errors).toBeUndefined();
  });
});

describe('document limits (H53)', () => {
  const aliased = (count: number) =>
    `{ ${Array.from({ length: count }, (_, i) => `t${String(i)}: tasks(query: {}) { id }`).join(' ')} }`;

  it('refuses 300 aliased tasks fields without running any of them', async () => {
    search = vi.spyOn(h.store.searcher, 'search');
    const reply = await h.gql(aliased(300));
    expect(reply.status).toBe(200);
    expect(reply.body.data).toBeUndefined();
    // 300 fields are also over the token limit, which is checked first.
    expect(reply.body.errors?.[0]?.message).toMatch(
      /Token limit of 2000 exceeded|Aliases limit of 15 exceeded/,
    );
    expect(search).not.toHaveBeenCalled();
  });

  it('refuses more than 15 aliases in a small document', async () => {
    search = vi.spyOn(h.store.searcher, 'search');
    const reply = await h.gql(aliased(16));
    expect(reply.status).toBe(200);
    expect(reply.body.errors?.map((e) => e.message)).toContainEqual(
      expect.stringMatching(/Aliases limit of 15 exceeded, found 16/),
    );
    expect(search).not.toHaveBeenCalled();
  });

  it('accepts a few aliases, as clients loading several lists at once use', async () => {
    search = vi.spyOn(h.store.searcher, 'search');
    const reply = await h.gql(
      '{ mine: tasks(query: { assigned: true }) { id } open: tasks(query: { assigned: false }) { id } }',
    );
    expect(reply.body.errors).toBeUndefined();
  });

  it('refuses documents nested deeper than 10 levels', async () => {
    search = vi.spyOn(h.store.searcher, 'search');
    const deep = `{ ${'a { '.repeat(11)}b${' }'.repeat(11)} }`;
    const reply = await h.gql(deep);
    expect(reply.status).toBe(200);
    expect(reply.body.errors?.map((e) => e.message)).toContainEqual(
      expect.stringMatching(/Query depth limit of 10 exceeded/),
    );
  });

  it('refuses documents of more than 2,000 tokens before parsing them', async () => {
    search = vi.spyOn(h.store.searcher, 'search');
    const reply = await h.gql(`{ tasks(query: {}) { ${'id '.repeat(2100)} } }`);
    expect(reply.status).toBe(200);
    expect(reply.body.errors?.[0]?.message).toMatch(
      /Token limit of 2000 exceeded/,
    );
    expect(search).not.toHaveBeenCalled();
  });
});
