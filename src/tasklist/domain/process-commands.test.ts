import { beforeEach, describe, expect, it } from 'vitest';
import type { TasklistStore } from '../store/tasklist-store';
import { deployOne, embeddedForm, linearProcess } from '../test/bpmn-fixture';
import { addTask, emptyStore, T0 } from '../test/world-builder';
import {
  deleteProcessInstance,
  getForm,
  searchProcesses,
  startProcess,
} from './process-commands';

let store: TasklistStore;
let firstVersionKey: string;

beforeEach(async () => {
  store = emptyStore(T0);
  const form = { type: 'default', components: [], schemaVersion: 16 };
  const firstVersion = await deployOne(
    store,
    linearProcess(
      'invoice-approval',
      'Invoice approval',
      [
        {
          id: 'approve',
          zeebe:
            '<zeebe:formDefinition formKey="camunda-forms:bpmn:userTask:Form_1" />',
        },
      ],
      embeddedForm('userTask:Form_1', form),
    ),
  );
  firstVersionKey = String(firstVersion.key);
  await deployOne(
    store,
    linearProcess('invoice-approval', 'Invoice approval', [
      { id: 'approveV2', name: 'Approve (v2)' },
      { id: 'pay' },
    ]),
  );
  await deployOne(
    store,
    linearProcess('unnamed-process', undefined, [{ id: 'only' }]),
  );
  await deployOne(store, linearProcess('vacation', 'Vacation request', []));
});

describe('processes(search)', () => {
  it('lists the latest version of every process, by name', () => {
    const all = searchProcesses(store, null);
    expect(all.map((p) => [p.bpmnProcessId, p.version])).toEqual([
      ['invoice-approval', 2],
      ['unnamed-process', 1],
      ['vacation', 1],
    ]);
    expect(searchProcesses(store, '')).toHaveLength(3);
    expect(searchProcesses(store, undefined)).toHaveLength(3);
  });

  it('matches part of the name or BPMN id case-insensitively, or the exact key', () => {
    expect(
      searchProcesses(store, 'INVOICE').map((p) => p.bpmnProcessId),
    ).toEqual(['invoice-approval']);
    expect(
      searchProcesses(store, 'request').map((p) => p.bpmnProcessId),
    ).toEqual(['vacation']);
    expect(searchProcesses(store, 'unnamed').map((p) => p.name)).toEqual([
      null,
    ]);
    const key = String(searchProcesses(store, 'vacation')[0]?.key);
    expect(searchProcesses(store, key).map((p) => p.bpmnProcessId)).toEqual([
      'vacation',
    ]);
    expect(searchProcesses(store, 'nothing like it')).toEqual([]);
  });
});

describe('startProcess', () => {
  it('starts the latest version and creates its first user task', () => {
    const instanceId = startProcess(store, 'invoice-approval');
    const [task] = store.tasks.activeTasksOf(Number(instanceId));
    const latest = store.processes.latestDefinition('invoice-approval');
    expect(task).toMatchObject({
      elementId: 'approveV2',
      name: 'Approve (v2)',
      processDefinitionKey: latest?.key,
      creationTime: T0,
      state: 'CREATED',
    });
    expect(store.variables.instanceVariables(Number(instanceId))).toEqual([]);
  });

  it('names the process by its BPMN id when it has no name', () => {
    const [task] = store.tasks.activeTasksOf(
      Number(startProcess(store, 'unnamed-process')),
    );
    expect(task?.processName).toBe('unnamed-process');
  });

  it('fails like Zeebe for an unknown BPMN process id (not the definition key)', () => {
    const key = String(store.processes.latestDefinition('vacation')?.key);
    expect(() => startProcess(store, key)).toThrow(
      `Command 'CREATE' rejected with code 'NOT_FOUND': Expected to find process definition with process ID '${key}', but none found`,
    );
  });

  it('finishes at once a process without user tasks', () => {
    const id = Number(startProcess(store, 'vacation'));
    expect(store.processes.instance(id)?.state).toBe('COMPLETED');
  });
});

describe('deleteProcessInstance', () => {
  it('deletes a finished instance with its tasks and variables', () => {
    const task = addTask(store, {
      created: T0,
      variables: { a: 1 },
      state: 'COMPLETED',
    });
    expect(deleteProcessInstance(store, String(task.processInstanceKey))).toBe(
      true,
    );
    expect(store.tasks.get(task.key)).toBeUndefined();
    expect(store.variables.taskSnapshot(task.key)).toEqual([]);
    expect(store.variables.instanceVariables(task.processInstanceKey)).toEqual(
      [],
    );
    expect(deleteProcessInstance(store, String(task.processInstanceKey))).toBe(
      false,
    );
  });

  it('deletes a canceled instance', () => {
    const task = addTask(store, { created: T0, state: 'CANCELED' });
    expect(deleteProcessInstance(store, String(task.processInstanceKey))).toBe(
      true,
    );
  });

  it('answers false for running, unknown and malformed ids', () => {
    const task = addTask(store, { created: T0 });
    expect(deleteProcessInstance(store, String(task.processInstanceKey))).toBe(
      false,
    );
    expect(store.tasks.get(task.key)?.state).toBe('CREATED');
    expect(deleteProcessInstance(store, '2251799813699999')).toBe(false);
    expect(deleteProcessInstance(store, 'abc')).toBe(false);
  });
});

describe('form(id, processDefinitionId)', () => {
  it('returns the schema as JSON text; ids may contain colons', () => {
    const form = getForm(store, 'userTask:Form_1', firstVersionKey);
    expect(form).toMatchObject({
      formId: 'userTask:Form_1',
      processDefinitionKey: Number(firstVersionKey),
    });
    expect(JSON.parse(form.schema)).toEqual({
      type: 'default',
      components: [],
      schemaVersion: 16,
    });
  });

  it('fails with the 8.2 message for unknown forms, wrong definitions and bad keys', () => {
    const latest = String(
      store.processes.latestDefinition('invoice-approval')?.key,
    );
    expect(() => getForm(store, 'userTask:Form_1', latest)).toThrow(
      'No task form found with id userTask:Form_1',
    );
    expect(() => getForm(store, 'nope', latest)).toThrow(
      'No task form found with id nope',
    );
    expect(() => getForm(store, 'userTask:Form_1', 'abc')).toThrow(
      'No task form found with id userTask:Form_1',
    );
  });
});
