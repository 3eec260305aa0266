import type Database from 'better-sqlite3';
import type { Db } from './database';
import type { TaskRecord, TaskState } from './records';
import {
  type Clause,
  conditionClause,
  type TaskCondition,
} from './task-conditions';
import { TASK_COLUMNS, type TaskRow, toTaskRecord } from './task-repository';

export type SortField =
  'creationTime' | 'completionTime' | 'followUpDate' | 'dueDate' | 'name';
export type SortOrder = 'ASC' | 'DESC';

export interface SortKey {
  field: SortField;
  order: SortOrder;
  /**
   * False when every row the filter can return has this field (e.g. the
   * completion time of COMPLETED tasks); the query can then use a plain index.
   */
  mayBeMissing: boolean;
}

/** Inclusive range in epoch milliseconds. */
export interface TimeRange {
  from: number;
  to: number;
}

/**
 * The filters of a task search. Ids that cannot be keys are passed as `null`
 * and simply match nothing, like an unknown id would.
 */
export interface TaskFilter {
  /** undefined means every state but CANCELED (Tasklist's default); ANY means no state filter. */
  state?: TaskState | 'ANY' | undefined;
  assigned?: boolean | undefined;
  assignee?: string | undefined;
  candidateGroup?: string | undefined;
  candidateUser?: string | undefined;
  taskDefinitionId?: string | undefined;
  processDefinitionKey?: number | null | undefined;
  processInstanceKey?: number | null | undefined;
  followUpDate?: TimeRange | undefined;
  dueDate?: TimeRange | undefined;
  taskKeys?: number[] | undefined;
  /** Further conditions (the REST API's filters), all of which must hold. */
  conditions?: TaskCondition[] | undefined;
}

/** A sort value: an integer (times, keys, sentinels) or a text (names). */
export type SortValue = bigint | string;

export interface TaskSearch {
  filter: TaskFilter;
  sort: SortKey[];
  /** Sort values (one per sort key, then the task key) to page from. */
  cursor?: { values: SortValue[]; direction: 'after' | 'before' } | undefined;
  limit: number;
  /** Rows to skip first (offset paging); only without a cursor. */
  offset?: number | undefined;
}

/** Search-engine sentinels for a missing sort value ("missing last"). */
export const MISSING_LAST_ASC = '9223372036854775807';
export const MISSING_LAST_DESC = '-9223372036854775808';

const COLUMN: Record<SortField, string> = {
  creationTime: 'creation_time',
  completionTime: 'completion_time',
  followUpDate: 'follow_up_date',
  dueDate: 'due_date',
  name: 'name',
};

/** The SQL expression a sort key orders by; the migrations index the same text. */
function sortExpression(key: SortKey): string {
  const column = `t.${COLUMN[key.field]}`;
  const neverMissing = key.field === 'creationTime' || key.field === 'name';
  if (!key.mayBeMissing || neverMissing) return column;
  const sentinel = key.order === 'ASC' ? MISSING_LAST_ASC : MISSING_LAST_DESC;
  return `COALESCE(${column}, ${sentinel})`;
}

/** The value a record contributes to `sortValues` for one sort key. */
export function sortValueOf(task: TaskRecord, key: SortKey): string {
  const value = task[key.field];
  if (value !== null) return String(value);
  return key.order === 'ASC' ? MISSING_LAST_ASC : MISSING_LAST_DESC;
}

function addClause(clauses: Clause[], sql: string, ...params: unknown[]) {
  clauses.push({ sql, params });
}

function filterClauses(filter: TaskFilter): Clause[] {
  const clauses: Clause[] = [];
  // Bound, not an arrow function: under tsx (esbuild's keepNames) a named
  // function made per request also costs a defineProperty for its name.
  const add = addClause.bind(undefined, clauses);

  if (filter.state === undefined) add("t.state <> 'CANCELED'");
  else if (filter.state !== 'ANY') add('t.state = ?', filter.state);
  if (filter.assigned === true) add('t.assignee IS NOT NULL');
  if (filter.assigned === false) add('t.assignee IS NULL');
  if (filter.assignee !== undefined) add('t.assignee = ?', filter.assignee);
  if (filter.candidateGroup !== undefined) {
    add(
      `EXISTS (SELECT 1 FROM task_candidate c
        WHERE c.task_key = t.key AND c.kind = 'group' AND c.name = ?)`,
      filter.candidateGroup,
    );
  }
  if (filter.candidateUser !== undefined) {
    add(
      `EXISTS (SELECT 1 FROM task_candidate c
        WHERE c.task_key = t.key AND c.kind = 'user' AND c.name = ?)`,
      filter.candidateUser,
    );
  }
  if (filter.taskDefinitionId !== undefined) {
    add('t.element_id = ?', filter.taskDefinitionId);
  }
  if (filter.processDefinitionKey !== undefined) {
    if (filter.processDefinitionKey === null) add('0');
    else add('t.process_definition_key = ?', filter.processDefinitionKey);
  }
  if (filter.processInstanceKey !== undefined) {
    if (filter.processInstanceKey === null) add('0');
    else add('t.process_instance_key = ?', filter.processInstanceKey);
  }
  if (filter.followUpDate) {
    add(
      't.follow_up_date BETWEEN ? AND ?',
      filter.followUpDate.from,
      filter.followUpDate.to,
    );
  }
  if (filter.dueDate) {
    add('t.due_date BETWEEN ? AND ?', filter.dueDate.from, filter.dueDate.to);
  }
  if (filter.taskKeys) {
    add(
      `t.key IN (${filter.taskKeys.map(() => '?').join(', ')})`,
      ...filter.taskKeys,
    );
  }
  for (const condition of filter.conditions ?? []) {
    clauses.push(conditionClause(condition));
  }
  return clauses;
}

interface Term {
  expr: string;
  order: SortOrder;
}

/**
 * Keyset condition "strictly after (or before) these sort values" in the
 * given order, spelled out term by term because the directions may differ.
 * A leading bound on the first term lets SQLite seek into its index.
 */
function cursorClause(
  terms: Term[],
  values: SortValue[],
  direction: 'after' | 'before',
): Clause {
  const greater = (order: SortOrder) =>
    (order === 'ASC') === (direction === 'after') ? '>' : '<';
  const alternatives: string[] = [];
  const params: unknown[] = [];
  terms.forEach((term, i) => {
    const parts = terms.slice(0, i).map((prev, j) => {
      params.push(values[j]);
      return `${prev.expr} = ?`;
    });
    parts.push(`${term.expr} ${greater(term.order)} ?`);
    params.push(values[i]);
    alternatives.push(`(${parts.join(' AND ')})`);
  });
  const first = terms[0];
  if (!first) return { sql: '1', params: [] };
  const bound = `${first.expr} ${greater(first.order)}= ?`;
  return {
    sql: `${bound} AND (${alternatives.join(' OR ')})`,
    params: [values[0], ...params],
  };
}

const whereOf = (clauses: Clause[]) =>
  clauses.length === 0
    ? '1'
    : clauses.map((clause) => clause.sql).join(' AND ');

function orderTerms(sort: SortKey[]): Term[] {
  return [
    ...sort.map((key) => ({ expr: sortExpression(key), order: key.order })),
    { expr: 't.key', order: 'ASC' as const },
  ];
}

/** Builds the SQL for a search; exported so the benchmark can time raw SQLite. */
export function buildTaskSearchSql(search: TaskSearch): Clause {
  const terms = orderTerms(search.sort);
  const clauses = filterClauses(search.filter);
  if (search.cursor) {
    clauses.push(
      cursorClause(terms, search.cursor.values, search.cursor.direction),
    );
  }
  // Paging backwards reads the reversed order; the caller flips the page back.
  const backwards = search.cursor?.direction === 'before';
  const orderBy = terms
    .map((term) => {
      const asc = (term.order === 'ASC') !== backwards;
      return `${term.expr} ${asc ? 'ASC' : 'DESC'}`;
    })
    .join(', ');
  const where = whereOf(clauses);
  const offset = search.cursor ? 0 : (search.offset ?? 0);
  return {
    sql: `SELECT ${TASK_COLUMNS} FROM task t WHERE ${where} ORDER BY ${orderBy} LIMIT ?${offset > 0 ? ' OFFSET ?' : ''}`,
    params: [
      ...clauses.flatMap((clause) => clause.params),
      search.limit,
      ...(offset > 0 ? [offset] : []),
    ],
  };
}

/** The SQL counting every task a filter matches. */
export function buildTaskCountSql(filter: TaskFilter): Clause {
  const clauses = filterClauses(filter);
  return {
    sql: `SELECT count(*) FROM task t WHERE ${whereOf(clauses)}`,
    params: clauses.flatMap((clause) => clause.params),
  };
}

/**
 * Runs task searches. Statements are cached by their SQL text: the number of
 * distinct filter/sort shapes is small, and preparing costs more than running.
 */
export class TaskSearcher {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly db: Db) {}

  /** Tasks matching the search, in query order (reversed when paging before). */
  search(search: TaskSearch): TaskRecord[] {
    const { sql, params } = buildTaskSearchSql(search);
    const rows = this.statement(sql).all(...params) as TaskRow[];
    return rows.map(toTaskRecord);
  }

  /** How many tasks the filter matches, whatever the page. */
  count(filter: TaskFilter): number {
    const { sql, params } = buildTaskCountSql(filter);
    return Number(
      this.statement(sql)
        .pluck()
        .get(...params),
    );
  }

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      if (this.statements.size > 500) this.statements.clear();
      this.statements.set(sql, statement);
    }
    return statement;
  }
}
