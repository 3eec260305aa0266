import { likeToGlob } from './wildcard';

/**
 * One test on a value. A missing value (SQL NULL) never equals anything and
 * does satisfy `neq` and `notIn`, as on Camunda's search engines, where a
 * negated term also matches documents without the field.
 */
export type ValueTest<T> =
  | { op: 'eq' | 'neq' | 'gt' | 'gte' | 'lt' | 'lte'; value: T }
  | { op: 'exists'; value: boolean }
  | { op: 'in' | 'notIn'; values: T[] }
  | { op: 'like'; pattern: string };

export type TaskTextField =
  'state' | 'assignee' | 'elementId' | 'name' | 'bpmnProcessId';

export type TaskNumberField =
  | 'key'
  | 'processInstanceKey'
  | 'processDefinitionKey'
  | 'elementInstanceKey'
  | 'creationTime'
  | 'completionTime'
  | 'dueDate'
  | 'followUpDate';

/** A condition a task must meet; a filter holds any number (all must hold). */
export type TaskCondition =
  | { field: TaskTextField; test: ValueTest<string> }
  | { field: TaskNumberField; test: ValueTest<number> }
  | { field: 'candidateGroup' | 'candidateUser'; test: ValueTest<string> }
  /**
   * A variable, compared as JSON text, in the process scope of the task's
   * instance (`process`) or in the task's own local scope (`local`).
   */
  | {
      field: 'variable';
      scope: 'process' | 'local';
      name: string;
      test: ValueTest<string>;
    }
  /** A condition known to be false before the query runs. */
  | { field: 'nothing' };

export interface Clause {
  sql: string;
  params: unknown[];
}

const COLUMN: Record<Exclude<TaskTextField, 'bpmnProcessId'>, string> &
  Record<TaskNumberField, string> = {
  state: 't.state',
  assignee: 't.assignee',
  elementId: 't.element_id',
  name: 't.name',
  key: 't.key',
  processInstanceKey: 't.process_instance_key',
  processDefinitionKey: 't.process_definition_key',
  elementInstanceKey: 't.element_instance_key',
  creationTime: 't.creation_time',
  completionTime: 't.completion_time',
  dueDate: 't.due_date',
  followUpDate: 't.follow_up_date',
};

const COMPARATOR = { gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

const placeholders = (values: unknown[]) => values.map(() => '?').join(', ');

/** A test on one SQL expression that is NULL when the value is missing. */
function scalarClause<T>(expr: string, test: ValueTest<T>): Clause {
  switch (test.op) {
    case 'eq':
      return { sql: `${expr} = ?`, params: [test.value] };
    case 'neq':
      return {
        sql: `(${expr} IS NULL OR ${expr} <> ?)`,
        params: [test.value],
      };
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return {
        sql: `${expr} ${COMPARATOR[test.op]} ?`,
        params: [test.value],
      };
    case 'exists':
      return {
        sql: `${expr} IS ${test.value ? 'NOT ' : ''}NULL`,
        params: [],
      };
    case 'in':
      return test.values.length === 0
        ? { sql: '0', params: [] }
        : {
            sql: `${expr} IN (${placeholders(test.values)})`,
            params: test.values,
          };
    case 'notIn':
      return test.values.length === 0
        ? { sql: '1', params: [] }
        : {
            sql: `(${expr} IS NULL OR ${expr} NOT IN (${placeholders(test.values)}))`,
            params: test.values,
          };
    case 'like':
      return { sql: `${expr} GLOB ?`, params: [likeToGlob(test.pattern)] };
  }
}

/**
 * A test on a list (candidate groups or users): `neq`, `notIn` and a false
 * `exists` hold when no member matches; every other test when one does.
 */
function memberClause(kind: 'group' | 'user', test: ValueTest<string>): Clause {
  const some = (inner: Clause): Clause => ({
    sql: `EXISTS (SELECT 1 FROM task_candidate c
      WHERE c.task_key = t.key AND c.kind = ? AND ${inner.sql})`,
    params: [kind, ...inner.params],
  });
  const none = (inner: Clause): Clause => {
    const clause = some(inner);
    return { sql: `NOT ${clause.sql}`, params: clause.params };
  };
  switch (test.op) {
    case 'neq':
      return none(scalarClause('c.name', { op: 'eq', value: test.value }));
    case 'notIn':
      return none(scalarClause('c.name', { op: 'in', values: test.values }));
    case 'exists':
      return test.value
        ? some({ sql: '1', params: [] })
        : none({ sql: '1', params: [] });
    default:
      return some(scalarClause('c.name', test));
  }
}

/** A test on the JSON text of a named variable in one scope of the task. */
function variableClause(
  scope: 'process' | 'local',
  name: string,
  test: ValueTest<string>,
): Clause {
  const inner =
    test.op === 'exists'
      ? { sql: '1', params: [] }
      : scalarClause('v.value', test);
  const scopeKey =
    scope === 'process' ? 't.process_instance_key' : 't.element_instance_key';
  const sql = `EXISTS (SELECT 1 FROM variable v
    WHERE v.scope_key = ${scopeKey} AND v.name = ? AND ${inner.sql})`;
  const negate = test.op === 'exists' && !test.value;
  return { sql: negate ? `NOT ${sql}` : sql, params: [name, ...inner.params] };
}

/** The SQL (over the task table aliased `t`) for one condition. */
export function conditionClause(condition: TaskCondition): Clause {
  switch (condition.field) {
    case 'nothing':
      return { sql: '0', params: [] };
    case 'candidateGroup':
      return memberClause('group', condition.test);
    case 'candidateUser':
      return memberClause('user', condition.test);
    case 'variable':
      return variableClause(condition.scope, condition.name, condition.test);
    case 'bpmnProcessId': {
      const inner = scalarClause('d.bpmn_process_id', condition.test);
      return {
        sql: `EXISTS (SELECT 1 FROM process_definition d
          WHERE d.key = t.process_definition_key AND ${inner.sql})`,
        params: inner.params,
      };
    }
    default:
      return scalarClause<string | number>(
        COLUMN[condition.field],
        condition.test,
      );
  }
}
