import { describe, expect, it } from 'vitest';
import { parseTaskSearch, toTaskQuery } from './task-search';

const viewer = { username: 'demo', groups: ['accounting', 'management'] };

describe('inbox search params', () => {
  it('drops unknown values instead of failing the page, and never pins defaults', () => {
    expect(
      parseTaskSearch({ filter: 'nonsense', sort: 'due', extra: 1 }),
    ).toEqual({ sort: 'due' });
    expect(parseTaskSearch({})).toEqual({});
  });

  it('maps each filter to a Tasklist query', () => {
    expect(toTaskQuery({}, viewer)).toMatchObject({
      state: 'CREATED',
      pageSize: 50,
    });
    expect(toTaskQuery({ filter: 'assigned-to-me' }, viewer)).toMatchObject({
      assigned: true,
      assignee: 'demo',
    });
    expect(toTaskQuery({ filter: 'unassigned' }, viewer)).toMatchObject({
      assigned: false,
    });
    expect(toTaskQuery({ filter: 'completed' }, viewer)).toMatchObject({
      state: 'COMPLETED',
    });
    expect(
      toTaskQuery({ filter: 'my-groups', group: 'management' }, viewer),
    ).toMatchObject({
      candidateGroup: 'management',
    });
    expect(
      toTaskQuery({ filter: 'my-groups', group: 'not-mine' }, viewer),
    ).toMatchObject({
      candidateGroup: 'accounting',
    });
  });

  it('sorts newest first by default, due and follow-up soonest first, completion only for completed', () => {
    expect(toTaskQuery({}, viewer).sort).toEqual([
      { field: 'creationTime', order: 'DESC' },
    ]);
    expect(toTaskQuery({ sort: 'due' }, viewer).sort).toEqual([
      { field: 'dueDate', order: 'ASC' },
    ]);
    expect(toTaskQuery({ sort: 'follow-up' }, viewer).sort).toEqual([
      { field: 'followUpDate', order: 'ASC' },
    ]);
    expect(toTaskQuery({ sort: 'completion' }, viewer).sort).toEqual([
      { field: 'creationTime', order: 'DESC' },
    ]);
    expect(
      toTaskQuery({ filter: 'completed', sort: 'completion' }, viewer).sort,
    ).toEqual([{ field: 'completionTime', order: 'DESC' }]);
  });
});
