import type { Db } from './database';
import type { TaskImplementation, TaskRecord, TaskState } from './records';

/** The task columns every query selects, in the shape `toTaskRecord` reads. */
export const TASK_COLUMNS = `t.key, t.process_instance_key, t.process_definition_key,
  t.element_instance_key, t.process_name, t.element_id, t.name, t.state, t.creation_time,
  t.completion_time, t.assignee, t.form_key, t.candidate_groups, t.candidate_users,
  t.due_date, t.follow_up_date, t.implementation`;

export interface TaskRow {
  key: number;
  process_instance_key: number;
  process_definition_key: number;
  element_instance_key: number;
  process_name: string;
  element_id: string;
  name: string;
  state: TaskState;
  creation_time: number;
  completion_time: number | null;
  assignee: string | null;
  form_key: string | null;
  candidate_groups: string;
  candidate_users: string;
  due_date: number | null;
  follow_up_date: number | null;
  implementation: TaskImplementation;
}

/** Maps a row of `TASK_COLUMNS` to a record. */
export function toTaskRecord(row: TaskRow): TaskRecord {
  return {
    key: row.key,
    processInstanceKey: row.process_instance_key,
    processDefinitionKey: row.process_definition_key,
    elementInstanceKey: row.element_instance_key,
    processName: row.process_name,
    elementId: row.element_id,
    name: row.name,
    state: row.state,
    creationTime: row.creation_time,
    completionTime: row.completion_time,
    assignee: row.assignee,
    formKey: row.form_key,
    candidateGroups: JSON.parse(row.candidate_groups) as string[],
    candidateUsers: JSON.parse(row.candidate_users) as string[],
    dueDate: row.due_date,
    followUpDate: row.follow_up_date,
    implementation: row.implementation,
  };
}

export type NewTask = Omit<TaskRecord, 'state' | 'completionTime'>;

/** Reads and writes single tasks; searching lives in `task-search.ts`. */
export class TaskRepository {
  private readonly byKey;
  private readonly activeInInstance;
  private readonly insertTask;
  private readonly insertCandidate;
  private readonly updateAssignee;
  private readonly finish;

  constructor(db: Db) {
    this.byKey = db.prepare<[number], TaskRow>(
      `SELECT ${TASK_COLUMNS} FROM task t WHERE t.key = ?`,
    );
    this.activeInInstance = db.prepare<[number], TaskRow>(
      `SELECT ${TASK_COLUMNS} FROM task t
       WHERE t.process_instance_key = ? AND t.state = 'CREATED'`,
    );
    this.insertTask = db.prepare(
      `INSERT INTO task (key, process_instance_key, process_definition_key,
         element_instance_key, process_name, element_id, name, state, creation_time,
         assignee, form_key, candidate_groups, candidate_users, due_date,
         follow_up_date, implementation)
       VALUES (@key, @processInstanceKey, @processDefinitionKey, @elementInstanceKey,
         @processName, @elementId, @name, 'CREATED', @creationTime, @assignee,
         @formKey, @candidateGroups, @candidateUsers, @dueDate, @followUpDate,
         @implementation)`,
    );
    this.insertCandidate = db.prepare(
      'INSERT OR IGNORE INTO task_candidate (task_key, kind, name) VALUES (?, ?, ?)',
    );
    this.updateAssignee = db.prepare(
      'UPDATE task SET assignee = ? WHERE key = ?',
    );
    this.finish = db.prepare(
      'UPDATE task SET state = ?, completion_time = ? WHERE key = ?',
    );
  }

  /** The task with this key, or undefined. */
  get(key: number): TaskRecord | undefined {
    const row = this.byKey.get(key);
    return row ? toTaskRecord(row) : undefined;
  }

  /** The open tasks of a process instance (parallel branches may have several). */
  activeTasksOf(processInstanceKey: number): TaskRecord[] {
    return this.activeInInstance.all(processInstanceKey).map(toTaskRecord);
  }

  /** Inserts a new CREATED task with its candidate rows. */
  insert(task: NewTask): void {
    this.insertTask.run({
      ...task,
      candidateGroups: JSON.stringify(task.candidateGroups),
      candidateUsers: JSON.stringify(task.candidateUsers),
    });
    for (const group of task.candidateGroups) {
      this.insertCandidate.run(task.key, 'group', group);
    }
    for (const user of task.candidateUsers) {
      this.insertCandidate.run(task.key, 'user', user);
    }
  }

  setAssignee(key: number, assignee: string | null): void {
    this.updateAssignee.run(assignee, key);
  }

  /** Moves a task to COMPLETED or CANCELED at the given time. */
  markFinished(
    key: number,
    state: Exclude<TaskState, 'CREATED'>,
    at: number,
  ): void {
    this.finish.run(state, at, key);
  }
}
