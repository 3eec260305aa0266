import { describe, expect, it } from 'vitest';
import { parseTaskSearch, validDay, validText } from './task-search';

describe('inbox search params', () => {
  it('drops unknown values instead of failing the page, and never pins defaults', () => {
    expect(
      parseTaskSearch({ filter: 'nonsense', sort: 'due', extra: 1 }),
    ).toEqual({ sort: 'due' });
    expect(parseTaskSearch({})).toEqual({});
    expect(parseTaskSearch({ state: 'open' })).toEqual({});
  });

  it('reads every custom condition', () => {
    expect(
      parseTaskSearch({
        state: 'completed',
        assignee: 'user:alice',
        candidateGroup: 'accounting',
        candidateUser: 'bob',
        process: '2251799813685249',
        processInstance: '2251799813685300',
        taskDefinition: 'approveInvoice',
        dueFrom: '2026-12-01',
        dueTo: '2026-12-07',
        followUpFrom: '2026-11-30',
        followUpTo: '2026-11-30',
      }),
    ).toEqual({
      state: 'completed',
      assignee: 'user:alice',
      candidateGroup: 'accounting',
      candidateUser: 'bob',
      process: '2251799813685249',
      processInstance: '2251799813685300',
      taskDefinition: 'approveInvoice',
      dueFrom: '2026-12-01',
      dueTo: '2026-12-07',
      followUpFrom: '2026-11-30',
      followUpTo: '2026-11-30',
    });
  });

  it('drops each invalid value on its own and keeps the rest', () => {
    expect(
      parseTaskSearch({
        state: 'canceled',
        assignee: 'user:',
        process: 'DROP TABLE',
        processInstance: '12a',
        taskDefinition: '1starts-with-a-digit',
        candidateGroup: '   ',
        candidateUser: 'x'.repeat(201),
        dueFrom: '2026-02-30',
        followUpTo: '2026-13-01',
        filter: 'unassigned',
      }),
    ).toEqual({ filter: 'unassigned' });
    expect(parseTaskSearch({ assignee: 'me' })).toEqual({ assignee: 'me' });
    expect(parseTaskSearch({ assignee: 'unassigned' })).toEqual({
      assignee: 'unassigned',
    });
    expect(parseTaskSearch({ assignee: 'alice' })).toEqual({});
    expect(parseTaskSearch({ candidateGroup: 'a\nb' })).toEqual({});
  });

  it('ignores a date range that ends before it starts, keeping open-ended ones', () => {
    expect(
      parseTaskSearch({ dueFrom: '2026-12-07', dueTo: '2026-12-01' }),
    ).toEqual({});
    expect(parseTaskSearch({ dueFrom: '2026-12-07' })).toEqual({
      dueFrom: '2026-12-07',
    });
    expect(parseTaskSearch({ followUpTo: '2026-12-01' })).toEqual({
      followUpTo: '2026-12-01',
    });
  });

  it('validates days and names', () => {
    expect(validDay('2024-02-29')).toBe('2024-02-29');
    expect(validDay('2023-02-29')).toBeUndefined();
    expect(validDay('1969-12-31')).toBeUndefined();
    expect(validDay('2026-1-1')).toBeUndefined();
    expect(validText('  team  ')).toBe('team');
    expect(validText(42)).toBeUndefined();
  });
});
