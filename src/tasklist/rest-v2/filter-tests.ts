import type { ValueTest } from '../store/task-conditions';
import type { DateFilter, IntegerFilter, StringFilter } from './filter-schemas';

/*
 * The advanced filter forms as lists of value tests: a plain value means
 * `$eq`; an object may combine operators, all of which must hold.
 */

type Operators<T> = Partial<{
  $eq: T;
  $neq: T;
  $exists: boolean;
  $gt: T;
  $gte: T;
  $lt: T;
  $lte: T;
  $in: T[];
  $notIn: T[];
  $like: string;
}>;

function operatorTests<T>(operators: Operators<T>): ValueTest<T>[] {
  const tests: ValueTest<T>[] = [];
  const compare = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte'] as const;
  for (const op of compare) {
    const value = operators[`$${op}`];
    if (value !== undefined) tests.push({ op, value });
  }
  if (operators.$exists !== undefined)
    tests.push({ op: 'exists', value: operators.$exists });
  if (operators.$in !== undefined)
    tests.push({ op: 'in', values: operators.$in });
  if (operators.$notIn !== undefined)
    tests.push({ op: 'notIn', values: operators.$notIn });
  if (operators.$like !== undefined)
    tests.push({ op: 'like', pattern: operators.$like });
  return tests;
}

export function stringTests(filter: StringFilter): ValueTest<string>[] {
  return typeof filter === 'string'
    ? [{ op: 'eq', value: filter }]
    : operatorTests(filter);
}

/** Date filters arrive as epoch milliseconds (the schema converted them). */
export function dateTests(filter: DateFilter): ValueTest<number>[] {
  return typeof filter === 'number'
    ? [{ op: 'eq', value: filter }]
    : operatorTests(filter);
}

export function integerTests(filter: IntegerFilter): ValueTest<number>[] {
  return typeof filter === 'number'
    ? [{ op: 'eq', value: filter }]
    : operatorTests(filter);
}

/** Enum filters (states) behave like string filters over their values. */
export function enumTests(
  filter: string | Operators<string>,
): ValueTest<string>[] {
  return typeof filter === 'string'
    ? [{ op: 'eq', value: filter }]
    : operatorTests(filter);
}
