import { describe, expect, test } from 'vitest';
import type { TaskQuery, UpstreamTask } from '../upstream/tasklist-upstream';
import { someVisibleTask, visibleTaskPage } from './visible-tasks';

// The page refill on its own, against an in-memory "Tasklist" with plain
// searchAfter/searchBefore paging over ids 0..n-1 (ascending order).

function world(count: number) {
  const tasks = Array.from({ length: count }, (_, i) => i);
  const requests: TaskQuery[] = [];
  const toTask = (i: number, isFirst: boolean): UpstreamTask => ({
    id: String(i),
    name: `t${String(i)}`,
    taskDefinitionId: 'x',
    processName: 'p',
    creationTime: '',
    completionTime: null,
    assignee: null,
    taskState: 'CREATED',
    sortValues: [String(i)],
    isFirst,
    formKey: null,
    processDefinitionId: null,
    processInstanceId: null,
    candidateGroups: null,
    candidateUsers: null,
    followUpDate: null,
    dueDate: null,
    implementation: null,
  });
  const fetch = (query: TaskQuery): Promise<UpstreamTask[]> => {
    requests.push(query);
    const size = query.pageSize ?? 50;
    let page: number[];
    let first: boolean;
    if (query.searchAfter) {
      const anchor = Number(query.searchAfter[0]);
      page = tasks.filter((i) => i > anchor).slice(0, size);
      first = page[0] === 0;
    } else if (query.searchBefore) {
      const anchor = Number(query.searchBefore[0]);
      const before = tasks.filter((i) => i < anchor);
      page = before.slice(Math.max(0, before.length - size));
      first = before.length <= size;
    } else {
      page = tasks.slice(0, size);
      first = true;
    }
    return Promise.resolve(page.map((i, n) => toTask(i, n === 0 && first)));
  };
  return { fetch, requests };
}

const everyTenth = (task: UpstreamTask) => Number(task.id) % 10 === 0;
const ids = (tasks: UpstreamTask[]) => tasks.map((t) => Number(t.id));

describe('visibleTaskPage', () => {
  test('all visible: one upstream request of exactly the page size', async () => {
    const { fetch, requests } = world(100);
    const page = await visibleTaskPage(fetch, { pageSize: 20 }, () => true);
    expect(ids(page.tasks)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(requests).toEqual([{ pageSize: 20 }]);
    expect(page.tasks[0]?.isFirst).toBe(true);
  });

  test('1 in 10 visible: the page is filled from further upstream pages, each from the last scanned', async () => {
    const { fetch, requests } = world(1000);
    const page = await visibleTaskPage(fetch, { pageSize: 20 }, everyTenth);
    expect(ids(page.tasks)).toEqual(
      Array.from({ length: 20 }, (_, i) => i * 10),
    );
    expect(page.upstreamRequests).toBe(2);
    expect(requests[1]).toEqual({ pageSize: 225, searchAfter: ['19'] });
    expect(page.limitReached).toBe(false);
  });

  test('the other filters of the query are kept on every upstream page; other cursors are dropped', async () => {
    const { fetch, requests } = world(1000);
    await visibleTaskPage(
      fetch,
      { pageSize: 5, state: 'CREATED', searchAfterOrEqual: ['3'] },
      everyTenth,
    );
    expect(requests[0]).toEqual({
      pageSize: 5,
      state: 'CREATED',
      searchAfterOrEqual: ['3'],
    });
    expect(requests[1]?.state).toBe('CREATED');
    expect(requests[1]?.searchAfter).toHaveLength(1);
    expect(requests[1]).not.toHaveProperty('searchAfterOrEqual');
  });

  test('none visible yet: the upstream page grows fourfold, up to the limit', async () => {
    const { fetch, requests } = world(10_000);
    const page = await visibleTaskPage(
      fetch,
      { pageSize: 10 },
      (t) => Number(t.id) >= 5000,
      {
        maxRequests: 5,
        maxPageSize: 300,
      },
    );
    expect(requests.map((r) => r.pageSize)).toEqual([10, 40, 160, 300, 300]);
    expect(page.tasks).toEqual([]);
    expect(page.limitReached).toBe(true);
  });

  test('the end of the list is not the limit', async () => {
    const { fetch } = world(35);
    const page = await visibleTaskPage(fetch, { pageSize: 20 }, everyTenth);
    expect(ids(page.tasks)).toEqual([0, 10, 20, 30]);
    expect(page.limitReached).toBe(false);
  });

  test('backwards: the nearest visible tasks before the cursor, in list order', async () => {
    const { fetch } = world(1000);
    const page = await visibleTaskPage(
      fetch,
      { pageSize: 3, searchBefore: ['500'] },
      everyTenth,
    );
    expect(ids(page.tasks)).toEqual([470, 480, 490]);
    expect(page.tasks.map((t) => t.isFirst)).toEqual([false, false, false]);
  });

  test('backwards to the start: the first visible task is marked first', async () => {
    const { fetch } = world(1000);
    const page = await visibleTaskPage(
      fetch,
      { pageSize: 3, searchBefore: ['25'] },
      everyTenth,
    );
    expect(ids(page.tasks)).toEqual([0, 10, 20]);
    expect(page.tasks[0]?.isFirst).toBe(true);
    const more = await visibleTaskPage(
      fetch,
      { pageSize: 2, searchBefore: ['25'] },
      everyTenth,
    );
    expect(ids(more.tasks)).toEqual([10, 20]);
    expect(more.tasks[0]?.isFirst).toBe(false);
  });

  test('forwards after a cursor, the head is never first', async () => {
    const { fetch } = world(100);
    const page = await visibleTaskPage(
      fetch,
      { pageSize: 3, searchAfter: ['0'] },
      everyTenth,
    );
    expect(ids(page.tasks)).toEqual([10, 20, 30]);
    expect(page.tasks.every((t) => !t.isFirst)).toBe(true);
  });
});

describe('someVisibleTask', () => {
  test('stops at the first match', async () => {
    const { fetch, requests } = world(10_000);
    await expect(
      someVisibleTask(fetch, {}, (t) => t.id === '150'),
    ).resolves.toBe(true);
    expect(requests.map((r) => r.pageSize)).toEqual([100, 400]);
  });

  test('false at the end of the list, limit when the bound stops it', async () => {
    const small = world(150);
    await expect(someVisibleTask(small.fetch, {}, () => false)).resolves.toBe(
      false,
    );
    const big = world(100_000);
    await expect(
      someVisibleTask(big.fetch, {}, () => false, {
        maxRequests: 3,
        maxPageSize: 1000,
      }),
    ).resolves.toBe('limit');
    expect(big.requests).toHaveLength(3);
  });
});
