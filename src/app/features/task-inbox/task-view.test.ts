import { describe, expect, it } from 'vitest';
import { parseSearch, stringifySearch } from '../../lib/search-params';
import { parseTaskSearch, type TaskSearch } from './task-search';
import { sameView, searchFor, toTaskQuery, viewOf } from './task-view';

const viewer = { username: 'demo', groups: ['accounting', 'management'] };

describe('inbox view model', () => {
  it('maps each queue to a Tasklist query', () => {
    expect(toTaskQuery({}, viewer)).toEqual({
      pageSize: 50,
      sort: [{ field: 'creationTime', order: 'DESC' }],
      state: 'CREATED',
    });
    expect(toTaskQuery({ filter: 'assigned-to-me' }, viewer)).toMatchObject({
      state: 'CREATED',
      assigned: true,
      assignee: 'demo',
    });
    expect(toTaskQuery({ filter: 'unassigned' }, viewer)).toMatchObject({
      state: 'CREATED',
      assigned: false,
    });
    expect(toTaskQuery({ filter: 'completed' }, viewer)).toMatchObject({
      state: 'COMPLETED',
    });
    expect(
      toTaskQuery({ filter: 'my-groups', group: 'management' }, viewer),
    ).toMatchObject({ candidateGroup: 'management' });
    expect(
      toTaskQuery({ filter: 'my-groups', group: 'not-mine' }, viewer),
    ).toMatchObject({ candidateGroup: 'accounting' });
  });

  it('maps every custom condition to its TaskQuery input', () => {
    const query = toTaskQuery(
      {
        state: 'any',
        assignee: 'user:alice',
        candidateGroup: 'sales',
        candidateUser: 'bob',
        process: '2251799813685249',
        processInstance: '2251799813685300',
        taskDefinition: 'approveInvoice',
      },
      viewer,
    );
    expect(query).toEqual({
      pageSize: 50,
      sort: [{ field: 'creationTime', order: 'DESC' }],
      assigned: true,
      assignee: 'alice',
      candidateGroup: 'sales',
      candidateUser: 'bob',
      processDefinitionId: '2251799813685249',
      processInstanceId: '2251799813685300',
      taskDefinitionId: 'approveInvoice',
    });
    expect(query).not.toHaveProperty('state');
  });

  it('turns days into inclusive instants in the user’s time zone, open ends unlimited', () => {
    const query = toTaskQuery(
      {
        dueFrom: '2026-12-01',
        dueTo: '2026-12-07',
        followUpFrom: '2026-11-30',
      },
      viewer,
    );
    expect(query.dueDate).toEqual({
      from: new Date(2026, 11, 1).toISOString(),
      to: new Date(2026, 11, 7, 23, 59, 59, 999).toISOString(),
    });
    expect(query.followUpDate).toEqual({
      from: new Date(2026, 10, 30).toISOString(),
      to: '9999-12-31T23:59:59.999Z',
    });
    expect(toTaskQuery({ dueTo: '2026-12-07' }, viewer).dueDate?.from).toBe(
      '1970-01-01T00:00:00.000Z',
    );
  });

  it('sorts newest first by default, due and follow-up soonest first, completion where tasks can be completed', () => {
    const sortOf = (search: TaskSearch) => toTaskQuery(search, viewer).sort;
    expect(sortOf({ sort: 'due' })).toEqual([
      { field: 'dueDate', order: 'ASC' },
    ]);
    expect(sortOf({ sort: 'follow-up' })).toEqual([
      { field: 'followUpDate', order: 'ASC' },
    ]);
    expect(sortOf({ sort: 'completion' })).toEqual([
      { field: 'creationTime', order: 'DESC' },
    ]);
    expect(sortOf({ filter: 'completed', sort: 'completion' })).toEqual([
      { field: 'completionTime', order: 'DESC' },
    ]);
    expect(sortOf({ state: 'any', sort: 'completion' })).toEqual([
      { field: 'completionTime', order: 'DESC' },
    ]);
  });

  it('lets explicit conditions refine a queue in a hand-written link', () => {
    const view = viewOf({ filter: 'unassigned', process: '7' }, viewer);
    expect(view.queue).toBeNull();
    expect(view.conditions).toEqual({ assignee: 'unassigned', process: '7' });
  });

  it('writes conditions in their shortest form: a queue whenever they equal one', () => {
    expect(searchFor({}, 'creation', viewer)).toEqual({});
    expect(searchFor({ assignee: 'me' }, 'due', viewer)).toEqual({
      filter: 'assigned-to-me',
      sort: 'due',
    });
    expect(searchFor({ assignee: 'unassigned' }, undefined, viewer)).toEqual({
      filter: 'unassigned',
    });
    expect(searchFor({ state: 'completed' }, 'completion', viewer)).toEqual({
      filter: 'completed',
      sort: 'completion',
    });
    expect(
      searchFor({ candidateGroup: 'accounting' }, undefined, viewer),
    ).toEqual({ filter: 'my-groups' });
    expect(
      searchFor({ candidateGroup: 'management' }, undefined, viewer),
    ).toEqual({ filter: 'my-groups', group: 'management' });
    expect(searchFor({ candidateGroup: 'sales' }, undefined, viewer)).toEqual({
      candidateGroup: 'sales',
    });
    expect(
      searchFor({ assignee: 'unassigned', process: '7' }, 'completion', viewer),
    ).toEqual({ assignee: 'unassigned', process: '7' });
  });

  it('names the queue a view is, or none for a custom filter', () => {
    expect(viewOf({}, viewer).queue).toBe('all-open');
    expect(viewOf({ assignee: 'me' }, viewer).queue).toBe('assigned-to-me');
    expect(viewOf({ filter: 'completed', sort: 'due' }, viewer).queue).toBe(
      'completed',
    );
    expect(viewOf({ process: '7' }, viewer).queue).toBeNull();
    const lonely = { username: 'x', groups: [] };
    expect(viewOf({ filter: 'my-groups' }, lonely)).toMatchObject({
      queue: 'my-groups',
      noGroup: true,
    });
    expect(toTaskQuery({ filter: 'my-groups' }, lonely).candidateGroup).toBe(
      '\u0000',
    );
  });

  it('round-trips every view through the URL unchanged', () => {
    const views: TaskSearch[] = [
      {},
      { filter: 'completed', sort: 'completion' },
      { filter: 'my-groups', group: 'management' },
      {
        state: 'any',
        assignee: 'user:anna lee',
        candidateGroup: 'sales & ops',
        candidateUser: 'bob',
        process: '9007199254740993',
        processInstance: '2251799813685300',
        taskDefinition: 'approve.invoice-1',
        dueFrom: '2026-12-01',
        dueTo: '2026-12-07',
        followUpTo: '2026-12-24',
        sort: 'due',
      },
    ];
    for (const search of views) {
      const url = stringifySearch(search);
      const back = parseTaskSearch(parseSearch(url));
      expect(back).toEqual(search);
      expect(toTaskQuery(back, viewer)).toEqual(toTaskQuery(search, viewer));
    }
  });

  it('compares views by what they show, not by how the link is written', () => {
    expect(
      sameView({ assignee: 'me' }, { filter: 'assigned-to-me' }, viewer),
    ).toBe(true);
    expect(sameView({ sort: 'creation' }, {}, viewer)).toBe(true);
    expect(sameView({ sort: 'due' }, {}, viewer)).toBe(false);
  });
});
