import { describe, expect, test } from 'vitest';
import type { ProxyUser } from './bff-token';
import { claimRefusal, ownTaskRefusal } from './task-rules';
import { TasklistMessages } from './tasklist-messages';

const alice: ProxyUser = { sub: 'alice-sub', username: 'alice', groups: [] };

describe('claimRefusal (G44)', () => {
  test('only a claim for yourself with an explicit false override is allowed', () => {
    expect(
      claimRefusal(
        { assignee: 'alice', allowOverrideAssignment: false },
        alice,
      ),
    ).toBeUndefined();
  });

  test.each([
    ['another assignee', { assignee: 'bob', allowOverrideAssignment: false }],
    ['override true', { assignee: 'alice', allowOverrideAssignment: true }],
    // Tasklist treats a missing or null override as true.
    ['override null', { assignee: 'alice', allowOverrideAssignment: null }],
    ['override absent', { assignee: 'alice' }],
    ['no assignee', { allowOverrideAssignment: false }],
  ])('%s is refused with Tasklist’s message', (_, args) => {
    expect(claimRefusal(args, alice)).toBe(TasklistMessages.assignOtherUser);
  });
});

describe('ownTaskRefusal (G45)', () => {
  test('in Tasklist’s order: active, assigned, assigned to you', () => {
    expect(
      ownTaskRefusal({ taskState: 'COMPLETED', assignee: 'bob' }, alice),
    ).toBe(TasklistMessages.taskNotActive);
    expect(
      ownTaskRefusal({ taskState: 'CREATED', assignee: null }, alice),
    ).toBe(TasklistMessages.taskNotAssigned);
    expect(
      ownTaskRefusal({ taskState: 'CREATED', assignee: 'bob' }, alice),
    ).toBe(TasklistMessages.taskNotAssignedTo('alice'));
    expect(
      ownTaskRefusal({ taskState: 'CREATED', assignee: 'alice' }, alice),
    ).toBeUndefined();
  });
});
