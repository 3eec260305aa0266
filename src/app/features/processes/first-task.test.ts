import { describe, expect, it } from 'vitest';
import {
  audienceOf,
  isForViewer,
  pickTaskFor,
  waitForFirstTask,
  type FirstTaskPolling,
  type OpenTask,
} from './first-task';

const demo = { username: 'demo', groups: ['accounting', 'management'] };

function aTask(overrides: Partial<OpenTask> = {}): OpenTask {
  return {
    id: '1',
    name: 'Review',
    assignee: null,
    candidateGroups: [],
    candidateUsers: [],
    ...overrides,
  };
}

describe('isForViewer', () => {
  it.each([
    ['assigned to the viewer', { assignee: 'demo' }, true],
    ['assigned to someone else', { assignee: 'alice' }, false],
    [
      'assigned to someone else, in the viewer’s group',
      { assignee: 'alice', candidateGroups: ['management'] },
      false,
    ],
    [
      'open to one of the viewer’s groups',
      { candidateGroups: ['hr', 'management'] },
      true,
    ],
    ['open to other groups only', { candidateGroups: ['hr'] }, false],
    [
      'open to the viewer by name',
      { candidateGroups: ['hr'], candidateUsers: ['demo'] },
      true,
    ],
    ['open to other people only', { candidateUsers: ['carol'] }, false],
    ['without any candidates (everyone may claim it)', {}, true],
    [
      'with null candidate lists',
      { candidateGroups: null, candidateUsers: null },
      true,
    ],
  ] as const)('%s: %s', (_label, overrides, expected) => {
    expect(isForViewer(aTask(overrides), demo)).toBe(expected);
  });
});

describe('pickTaskFor', () => {
  it('prefers a task assigned to the viewer, then the first one they can claim', () => {
    const claimable = aTask({ id: 'a', candidateGroups: ['accounting'] });
    const assigned = aTask({ id: 'b', assignee: 'demo' });
    const foreign = aTask({ id: 'c', candidateGroups: ['hr'] });
    expect(pickTaskFor([foreign, claimable, assigned], demo)?.id).toBe('b');
    expect(pickTaskFor([foreign, claimable], demo)?.id).toBe('a');
    expect(pickTaskFor([foreign], demo)).toBeUndefined();
  });
});

describe('audienceOf', () => {
  it('names the assignee, or the candidate people and groups', () => {
    expect(audienceOf(aTask({ assignee: 'alice' }))).toBe('assigned to alice');
    expect(audienceOf(aTask({ candidateGroups: ['hr'] }))).toBe(
      'for the hr group',
    );
    expect(
      audienceOf(
        aTask({ candidateGroups: ['hr', 'sales'], candidateUsers: ['carol'] }),
      ),
    ).toBe('for carol or the hr, sales groups');
    expect(audienceOf(aTask())).toBe('for anyone');
  });
});

/** A clock that only moves when the poller sleeps. */
function fakeTime() {
  let now = 0;
  const sleeps: number[] = [];
  return {
    now: () => now,
    sleeps,
    sleep: (ms: number, signal: AbortSignal) => {
      signal.throwIfAborted();
      sleeps.push(ms);
      now += ms;
      return Promise.resolve();
    },
  };
}

const polling: FirstTaskPolling = {
  intervalMs: 1000,
  timeoutMs: 10_000,
  settleMs: 2000,
};

/** Answers look n with answers[n] (the last one repeats); an Error is thrown. */
function looks(answers: (OpenTask[] | Error)[]) {
  let calls = 0;
  return {
    get calls() {
      return calls;
    },
    fetchOpenTasks: () => {
      const answer = answers[Math.min(calls, answers.length - 1)] ?? [];
      calls += 1;
      return answer instanceof Error
        ? Promise.reject(answer)
        : Promise.resolve(answer);
    },
  };
}

describe('waitForFirstTask', () => {
  it('opens the viewer’s task on the first look, without waiting', async () => {
    const time = fakeTime();
    const source = looks([
      [aTask({ id: 'mine', candidateGroups: ['management'] })],
    ]);
    const outcome = await waitForFirstTask({
      ...source,
      ...time,
      viewer: demo,
      polling,
      signal: new AbortController().signal,
    });
    expect(outcome).toMatchObject({ kind: 'found', task: { id: 'mine' } });
    expect(time.sleeps).toEqual([]);
  });

  it('keeps looking every interval until the task appears', async () => {
    const time = fakeTime();
    const source = looks([[], [], [aTask({ id: 'late' })]]);
    const outcome = await waitForFirstTask({
      ...source,
      ...time,
      viewer: demo,
      polling,
      signal: new AbortController().signal,
    });
    expect(outcome.kind).toBe('found');
    expect(source.calls).toBe(3);
    expect(time.sleeps).toEqual([1000, 1000]);
  });

  it('reports tasks that went elsewhere once they settled, not at the timeout', async () => {
    const time = fakeTime();
    const hr = aTask({ id: 'hr', candidateGroups: ['hr'] });
    const source = looks([[], [hr]]);
    const outcome = await waitForFirstTask({
      ...source,
      ...time,
      viewer: demo,
      polling,
      signal: new AbortController().signal,
    });
    expect(outcome).toEqual({ kind: 'elsewhere', tasks: [hr] });
    // Seen at 1 s, settled at 3 s: four looks, far below the 10 s limit.
    expect(source.calls).toBe(4);
    expect(time.now()).toBe(3000);
  });

  it('still opens a task of a later branch that appears while settling', async () => {
    const time = fakeTime();
    const hr = aTask({ id: 'hr', candidateGroups: ['hr'] });
    const mine = aTask({ id: 'mine', candidateUsers: ['demo'] });
    const source = looks([[hr], [hr, mine]]);
    const outcome = await waitForFirstTask({
      ...source,
      ...time,
      viewer: demo,
      polling,
      signal: new AbortController().signal,
    });
    expect(outcome).toEqual({ kind: 'found', task: mine });
  });

  it('says there is none when nothing appeared within the time limit', async () => {
    const time = fakeTime();
    const source = looks([[]]);
    const outcome = await waitForFirstTask({
      ...source,
      ...time,
      viewer: demo,
      polling,
      signal: new AbortController().signal,
    });
    expect(outcome).toEqual({ kind: 'none' });
    expect(source.calls).toBe(11);
    expect(time.now()).toBe(10_000);
  });

  it('tries again after a failed look, and fails only when no look succeeded at the end', async () => {
    const time = fakeTime();
    const failure = new TypeError('Failed to fetch');
    const recovering = looks([failure, [aTask({ id: 'mine' })]]);
    await expect(
      waitForFirstTask({
        ...recovering,
        ...time,
        viewer: demo,
        polling,
        signal: new AbortController().signal,
      }),
    ).resolves.toMatchObject({ kind: 'found' });

    const down = looks([failure]);
    await expect(
      waitForFirstTask({
        ...down,
        ...fakeTime(),
        viewer: demo,
        polling,
        signal: new AbortController().signal,
      }),
    ).rejects.toBe(failure);
  });

  it('stops looking when aborted (the user left the page)', async () => {
    const controller = new AbortController();
    const time = fakeTime();
    const source = {
      calls: 0,
      fetchOpenTasks() {
        this.calls += 1;
        if (this.calls === 2) controller.abort(new Error('left'));
        return Promise.resolve([]);
      },
    };
    await expect(
      waitForFirstTask({
        fetchOpenTasks: () => source.fetchOpenTasks(),
        ...time,
        viewer: demo,
        polling,
        signal: controller.signal,
      }),
    ).rejects.toThrow('left');
    expect(source.calls).toBe(2);
  });
});
