import type {
  Form,
  Process,
  Task,
  Variable,
} from '../graphql/__generated__/schema-types';

/** A task as the fake Tasklist stores it: the schema type plus its variables. */
export type TaskFixture = Omit<Task, 'variables' | 'sortValues' | 'isFirst'> & {
  variables: VariableFixture[];
};
export type VariableFixture = Pick<Variable, 'name' | 'value'>;
export type FormFixture = Omit<Form, '__typename'>;
export type ProcessFixture = Process;

let sequence = 1000;

/** A fresh, open, unassigned task; override any field. */
export function aTask(overrides: Partial<TaskFixture> = {}): TaskFixture {
  sequence += 1;
  const id = overrides.id ?? String(2251799813685000 + sequence);
  return {
    __typename: 'Task',
    id,
    name: `Task ${String(sequence)}`,
    taskDefinitionId: 'userTask',
    processName: 'Order process',
    creationTime: '2026-11-28T09:00:00.000+0000',
    completionTime: null,
    assignee: null,
    taskState: 'CREATED',
    formKey: null,
    processDefinitionId: '2251799813685249',
    processInstanceId: '2251799813685246',
    candidateGroups: ['accounting'],
    candidateUsers: [],
    followUpDate: null,
    dueDate: null,
    implementation: 'JOB_WORKER',
    variables: [],
    ...overrides,
  };
}

/** A task already assigned to `assignee` (the test user by default). */
export function aClaimedTask(
  overrides: Partial<TaskFixture> = {},
): TaskFixture {
  return aTask({ assignee: 'demo', ...overrides });
}

/** A completed task with a variable snapshot. */
export function aCompletedTask(
  overrides: Partial<TaskFixture> = {},
): TaskFixture {
  return aTask({
    assignee: 'demo',
    taskState: 'COMPLETED',
    completionTime: '2026-11-28T10:00:00.000+0000',
    ...overrides,
  });
}

/** A variable with a JSON-encoded value. */
export function aVariable(name: string, value: unknown): VariableFixture {
  return { name, value: JSON.stringify(value) };
}

/** A small Camunda form: one required text field bound to `key`. */
export function aForm(overrides: Partial<FormFixture> = {}): FormFixture {
  return {
    id: 'userTaskForm_1',
    processDefinitionId: '2251799813685249',
    schema: JSON.stringify({
      type: 'default',
      id: 'Form_1',
      schemaVersion: 16,
      components: [
        {
          type: 'textfield',
          id: 'Field_comment',
          key: 'comment',
          label: 'Comment',
          validate: { required: true },
        },
      ],
    }),
    ...overrides,
  };
}

/** A deployed process (latest version); override any field. */
export function aProcess(
  overrides: Partial<ProcessFixture> = {},
): ProcessFixture {
  sequence += 1;
  return {
    __typename: 'Process',
    id: String(2251799813680000 + sequence),
    name: `Process ${String(sequence)}`,
    processDefinitionId: `process-${String(sequence)}`,
    version: 1,
    ...overrides,
  };
}
