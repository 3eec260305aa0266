import { describe, expect, it } from 'vitest';
import { safeReturnTo } from './safe-return-to';

const ORIGIN = 'http://127.0.0.1:3000';

describe('safeReturnTo', () => {
  it.each([
    ['/tasks/123?filter=unassigned', '/tasks/123?filter=unassigned'],
    ['/tasks#x', '/tasks#x'],
  ])('keeps same-origin path %s', (value, expected) => {
    expect(safeReturnTo(value, ORIGIN)).toBe(expected);
  });

  it.each([
    'https://evil.example/',
    '//evil.example/x',
    '/\\evil.example',
    'javascript:alert(1)',
    'tasks',
    '/auth/callback?code=1',
    '',
    42,
    undefined,
  ])('falls back to /tasks for %s', (value) => {
    expect(safeReturnTo(value, ORIGIN)).toBe('/tasks');
  });
});
