import { beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { aFakeTask, type FakeTask } from '../test/fake-tasklist';
import { startProxyHarness, type ProxyBff } from '../test/proxy-harness';
import { managementOf } from '../app';

const { start } = await startProxyHarness();

// Issue 9, visibility (BFF_TASK_VISIBILITY=candidates, the default): bob
// (sales) never sees an HR task through tasks, task, variables, variable or
// form, and paging over mostly invisible tasks visits each visible one once.

interface InboxTask {
  id: string;
  sortValues: string[];
  isFirst: boolean;
}

const HR = aFakeTask({
  id: '10',
  name: 'Approve salary change',
  candidateGroups: ['hr'],
  formKey: 'camunda-forms:bpmn:salary-form',
  processDefinitionId: 'hr-pd',
  variables: { salary: '90000', employee: '"Dana"' },
});
const SALES = aFakeTask({
  id: '11',
  candidateGroups: ['sales'],
  formKey: 'camunda-forms:bpmn:deal-form',
  processDefinitionId: 'sales-pd',
  variables: { amount: '1200', note: '"big deal"' },
});
const HR_BUT_BOBS = aFakeTask({
  id: '12',
  candidateGroups: ['hr'],
  assignee: 'bob',
});
const HR_NAMING_BOB = aFakeTask({
  id: '13',
  candidateGroups: ['hr'],
  candidateUsers: ['bob'],
});
const FOR_EVERYONE = aFakeTask({ id: '14' });
const WORLD: FakeTask[] = [HR, SALES, HR_BUT_BOBS, HR_NAMING_BOB, FOR_EVERYONE];

let bff: ProxyBff;
let bob: string;
let carol: string;

beforeAll(async () => {
  bff = await start({ tasks: WORLD });
  bff.tasklist.forms.set(
    'hr-pd/salary-form',
    '{"components":[{"key":"salary"}]}',
  );
  bff.tasklist.forms.set('sales-pd/deal-form', '{"components":[]}');
  bob = await bff.bffToken('bob');
  carol = await bff.bffToken('carol');
});
beforeEach(() => {
  bff.tasklist.calls.length = 0;
});

const inbox = async (token: string, query: Record<string, unknown> = {}) => {
  const answer = await bff.gql(token, 'TaskInboxRouteQuery', { query });
  expect(answer.body.errors, answer.raw).toBeUndefined();
  return (answer.body.data as { tasks: InboxTask[] }).tasks;
};

describe('bob never sees an HR task', () => {
  test('through tasks: his list holds his own, his candidates and open-to-all tasks', async () => {
    expect((await inbox(bob)).map((t) => t.id).sort()).toEqual([
      '11',
      '12',
      '13',
      '14',
    ]);
    expect((await inbox(carol)).map((t) => t.id).sort()).toEqual([
      '10',
      '12',
      '13',
      '14',
    ]);
  });

  test('through task: an HR task is "not found", the same as a missing one', async () => {
    for (const operation of [
      'TaskDetailsRouteQuery',
      'TaskWithVariablesTestQuery',
    ]) {
      const answer = await bff.gql(bob, operation, { id: '10' });
      expect(answer.body).toMatchObject({
        data: null,
        errors: [{ message: 'Task with id 10 was not found' }],
      });
    }
    expect(bff.tasklist.callsOf('variables')).toEqual([]);
    const carolsView = await bff.gql(carol, 'TaskDetailsRouteQuery', {
      id: '10',
    });
    expect(carolsView.body.errors).toBeUndefined();
    expect(carolsView.raw).toContain('Approve salary change');
  });

  test('through variables: refused before any variable is read', async () => {
    const answer = await bff.gql(bob, 'TaskFormVariablesQuery', {
      taskId: '10',
      variableNames: [],
    });
    expect(answer.body.errors?.[0]?.message).toBe(
      'Task with id 10 was not found',
    );
    expect(answer.raw).not.toContain('90000');
    expect(bff.tasklist.callsOf('variables')).toEqual([]);
  });

  test('through variable: no id, forged or copied, reaches an HR value', async () => {
    for (const id of [
      '10/salary',
      '10-salary',
      '9010-salary',
      '11/..%2F10',
      '11/salary',
      '',
    ]) {
      const answer = await bff.gql(bob, 'VariableValueQuery', { id });
      expect(answer.body.errors?.[0]?.message, id).toBe(
        `Variable with id ${id} not found.`,
      );
      expect(answer.raw).not.toContain('90000');
    }
  });

  test('through form: the HR form is "not found" for bob, there for carol', async () => {
    const variables = { formId: 'salary-form', processDefinitionId: 'hr-pd' };
    const refused = await bff.gql(bob, 'TaskFormQuery', variables);
    expect(refused.body.errors?.[0]?.message).toBe(
      'No task form found with id salary-form',
    );
    expect(bff.tasklist.callsOf('form')).toEqual([]);
    const allowed = await bff.gql(carol, 'TaskFormQuery', variables);
    expect(allowed.body).toEqual({
      data: {
        form: {
          id: 'salary-form',
          processDefinitionId: 'hr-pd',
          schema: '{"components":[{"key":"salary"}]}',
          __typename: 'Form',
        },
      },
    });
  });
});

describe('what bob may see works as in Tasklist', () => {
  test('variables carry task-bound ids that load the full value', async () => {
    const answer = await bff.gql(bob, 'TaskFormVariablesQuery', {
      taskId: '11',
      variableNames: ['amount', 'note'],
    });
    expect(answer.body).toEqual({
      data: {
        variables: [
          {
            id: '11/amount',
            name: 'amount',
            value: '1200',
            __typename: 'Variable',
          },
          {
            id: '11/note',
            name: 'note',
            value: '"big deal"',
            __typename: 'Variable',
          },
        ],
      },
    });
    const value = await bff.gql(bob, 'VariableValueQuery', { id: '11/note' });
    expect(value.body).toEqual({
      data: {
        variable: {
          id: '11/note',
          value: '"big deal"',
          __typename: 'Variable',
        },
      },
    });
  });

  test('the task view lists the task’s variables with the same ids', async () => {
    const answer = await bff.gql(bob, 'TaskWithVariablesTestQuery', {
      id: '11',
    });
    expect(answer.body).toEqual({
      data: {
        task: {
          id: '11',
          variables: [
            { id: '11/amount', name: 'amount', value: '1200' },
            { id: '11/note', name: 'note', value: '"big deal"' },
          ],
        },
      },
    });
  });

  test('his own sales form loads', async () => {
    const answer = await bff.gql(bob, 'TaskFormQuery', {
      formId: 'deal-form',
      processDefinitionId: 'sales-pd',
    });
    expect(answer.body.data).toEqual({
      form: {
        id: 'deal-form',
        processDefinitionId: 'sales-pd',
        schema: '{"components":[]}',
        __typename: 'Form',
      },
    });
  });
});

describe('BFF_TASK_VISIBILITY=all', () => {
  test('everyone sees every task, as with Tasklist’s own default', async () => {
    const open = await start({
      tasks: WORLD,
      env: { BFF_TASK_VISIBILITY: 'all' },
    });
    const token = await open.bffToken('bob');
    const answer = await open.gql(token, 'TaskInboxRouteQuery', {
      query: {},
    });
    expect((answer.body.data as { tasks: InboxTask[] }).tasks).toHaveLength(5);
    expect(open.tasklist.callsOf('tasks')).toHaveLength(1);
    const hr = await open.gql(token, 'TaskDetailsRouteQuery', { id: '10' });
    expect(hr.body.errors).toBeUndefined();
  });
});

describe('paging over 500 tasks of which 1 in 10 is visible', () => {
  const many = Array.from({ length: 500 }, (_, i) =>
    aFakeTask({
      id: String(1000 + i),
      // Pairs share a creation time so the id tie-breaker is exercised too.
      created: Date.UTC(2024, 0, 1) + Math.floor(i / 2) * 60_000,
      candidateGroups: i % 10 === 3 ? ['sales'] : ['hr'],
    }),
  );
  const visibleIds = many
    .filter((t) => t.candidateGroups.includes('sales'))
    .map((t) => t.id);
  let big: ProxyBff;
  let token: string;

  beforeAll(async () => {
    big = await start({ tasks: many });
    token = await big.bffToken('bob');
  });

  const page = async (query: Record<string, unknown>) => {
    const before = big.tasklist.callsOf('tasks').length;
    const answer = await big.gql(token, 'TaskInboxRouteQuery', { query });
    expect(answer.body.errors, answer.raw).toBeUndefined();
    const requests = big.tasklist.callsOf('tasks').length - before;
    return {
      tasks: (answer.body.data as { tasks: InboxTask[] }).tasks,
      requests,
    };
  };

  test('forwards, each visible task exactly once, in full pages, at most 5 upstream requests each', async () => {
    const seen: string[] = [];
    let query: Record<string, unknown> = { pageSize: 20 };
    const pageLengths: number[] = [];
    for (let guard = 0; guard < 20; guard++) {
      const { tasks, requests } = await page(query);
      expect(requests).toBeLessThanOrEqual(5);
      pageLengths.push(tasks.length);
      seen.push(...tasks.map((t) => t.id));
      const last = tasks[tasks.length - 1];
      if (tasks.length < 20 || !last) break;
      query = { pageSize: 20, searchAfter: last.sortValues };
    }
    const expected = [...visibleIds].sort((a, b) => {
      const ta = many.find((t) => t.id === a)?.created ?? 0;
      const tb = many.find((t) => t.id === b)?.created ?? 0;
      return tb - ta || a.localeCompare(b);
    });
    expect(seen).toEqual(expected);
    expect(new Set(seen).size).toBe(50);
    expect(pageLengths.slice(0, -1).every((n) => n === 20)).toBe(true);
  });

  test('isFirst marks only the first visible task of the whole list', async () => {
    const { tasks } = await page({ pageSize: 20 });
    expect(tasks.map((t) => t.isFirst)).toEqual([
      true,
      ...Array<boolean>(19).fill(false),
    ]);
    const next = await page({
      pageSize: 20,
      searchAfter: tasks[19]?.sortValues,
    });
    expect(next.tasks.every((t) => !t.isFirst)).toBe(true);
  });

  test('backwards from the end, each visible task exactly once, and the head is first', async () => {
    const all: InboxTask[] = [];
    let query: Record<string, unknown> = { pageSize: 50 };
    const { tasks } = await page(query);
    all.push(...tasks);
    expect(all).toHaveLength(50);
    const collected: string[] = [];
    const last = all[all.length - 1];
    collected.unshift(last?.id ?? '');
    query = { pageSize: 7, searchBefore: last?.sortValues };
    let head: InboxTask | undefined;
    for (let guard = 0; guard < 20; guard++) {
      const previous = await page(query);
      expect(previous.requests).toBeLessThanOrEqual(5);
      collected.unshift(...previous.tasks.map((t) => t.id));
      head = previous.tasks[0] ?? head;
      if (previous.tasks.length < 7 || !head) break;
      query = { pageSize: 7, searchBefore: head.sortValues };
    }
    expect(collected).toEqual(all.map((t) => t.id));
    expect(head?.id).toBe(all[0]?.id);
    expect(head?.isFirst).toBe(true);
  });

  test('hitting the request bound is counted in a metric', async () => {
    const tight = await start({
      tasks: many,
      scanLimits: { maxRequests: 2, maxPageSize: 20 },
    });
    const bobToken = await tight.bffToken('bob');
    const answer = await tight.gql(bobToken, 'TaskInboxRouteQuery', {
      query: { pageSize: 20 },
    });
    expect(answer.status).toBe(200);
    expect(tight.tasklist.callsOf('tasks')).toHaveLength(2);
    const metrics = await managementOf(tight.app).inject({ url: '/metrics' });
    expect(metrics.body).toContain(
      'bff_graphql_visibility_scan_limit_total{field="tasks"} 1',
    );
  });
});
