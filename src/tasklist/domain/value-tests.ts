import type { TaskCondition, ValueTest } from '../store/task-conditions';
import { likeToRegExp } from '../store/wildcard';

/**
 * Evaluates a test in memory with the same semantics the store gives it in
 * SQL: a missing value (null) equals nothing, but satisfies `neq`, `notIn`
 * and `exists: false`.
 */
export function passes<T extends string | number>(
  value: T | null,
  test: ValueTest<T>,
): boolean {
  switch (test.op) {
    case 'exists':
      return (value !== null) === test.value;
    case 'neq':
      return value !== test.value;
    case 'notIn':
      return value === null || !test.values.includes(value);
    case 'like':
      return (
        typeof value === 'string' && likeToRegExp(test.pattern).test(value)
      );
    default:
      break;
  }
  if (value === null) return false;
  switch (test.op) {
    case 'eq':
      return value === test.value;
    case 'in':
      return test.values.includes(value);
    case 'gt':
      return value > test.value;
    case 'gte':
      return value >= test.value;
    case 'lt':
      return value < test.value;
    case 'lte':
      return value <= test.value;
  }
}

/**
 * Conditions on a value every task shares (a tenant, a default priority):
 * nothing to ask the database when the value passes, a match-nothing
 * condition when it does not.
 */
export function constantCondition<T extends string | number>(
  value: T,
  test: ValueTest<T>,
): TaskCondition[] {
  return passes(value, test) ? [] : [{ field: 'nothing' }];
}
