import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getForm } from '../domain/process-commands';
import type { TaskRecord } from '../store/records';
import { captureLog } from '../test/bpmn-fixture';
import { referenceFile } from '../test/reference';
import { emptyStore, HOUR, T0 } from '../test/world-builder';
import { loadProcesses, type LoadReport } from './load-processes';

const bpmnDir = referenceFile('bpmn', 'the real-world BPMN corpus');
const formsDir = referenceFile('forms', 'the real-world forms the BPMN links');

const read = (dir: string, suffix: string) =>
  readdirSync(dir)
    .filter((name) => name.endsWith(suffix))
    .sort()
    .map((name) => ({
      file: name,
      text: readFileSync(path.join(dir, name), 'utf8'),
    }));

describe.skipIf(!bpmnDir.available || !formsDir.available)(
  'the reference BPMN corpus',
  async () => {
    const store = emptyStore(T0);
    const engineLog = captureLog();
    store.setLog(engineLog);
    const log = captureLog();
    const report: LoadReport = await loadProcesses(
      store,
      [
        {
          bpmn: read(bpmnDir.path, '.bpmn'),
          // Linked forms sit next to the BPMN in their projects; here they
          // come from the forms folder (the loader matches by form id).
          forms: read(formsDir.path, '.form.json'),
        },
      ],
      log,
    );
    const deployedFrom = (file: string) => {
      const found = report.deployed.find((d) => path.basename(d.file) === file);
      if (!found) throw new Error(`${file} was not deployed`);
      return found.definition;
    };
    const warningsOf = (file: string) =>
      report.warnings.filter((w) => w.file === file).map((w) => w.kind);
    const json = (values: Record<string, unknown>) =>
      new Map(Object.entries(values).map(([k, v]) => [k, JSON.stringify(v)]));

    it('has all 12 files', () => {
      expect(read(bpmnDir.path, '.bpmn')).toHaveLength(12);
      expect(
        report.deployed.length +
          new Set(
            report.refused
              .filter((p) => p.file.endsWith('.bpmn'))
              .map((p) => p.file),
          ).size,
      ).toBe(12);
    });

    it('refuses the malformed file and the property-panel fixtures without a start event, precisely', () => {
      const bpmnRefusals = report.refused.filter((p) =>
        p.file.endsWith('.bpmn'),
      );
      expect(bpmnRefusals).toEqual([
        {
          file: 'propspanel-assignment-variants.bpmn',
          elementId: 'Process_1uy5s1w',
          reason:
            'the process has no none start event, so it cannot be started',
        },
        {
          file: 'propspanel-form-binding-variants.bpmn',
          elementId: 'Process_1',
          reason:
            'the process has no none start event, so it cannot be started',
        },
        {
          file: 'propspanel-task-schedule-MALFORMED.bpmn',
          reason:
            'not well-formed XML at line 7: missing namespace on <zeebe:taskSchedule>',
        },
      ]);
      for (const problem of bpmnRefusals) {
        expect(log.lines).toContainEqual(
          expect.objectContaining({
            level: 'error',
            message: expect.stringContaining(problem.file) as unknown,
          }),
        );
      }
    });

    it('passes through what it cannot run, with one logged warning per kind', () => {
      expect(warningsOf('examples-payment-process.bpmn')).toEqual(
        expect.arrayContaining(['service task', 'error boundary event']),
      );
      expect(warningsOf('examples-twitter-review.bpmn')).toEqual(
        expect.arrayContaining(['service task', 'error boundary event']),
      );
      expect(warningsOf('lowcode-camunda-process.bpmn')).toEqual(
        expect.arrayContaining(['service task', 'send task']),
      );
      expect(warningsOf('tutorial-absence-request.bpmn')).toEqual(
        expect.arrayContaining([
          'business rule task',
          'timer boundary event',
          'collaboration',
          'lane',
          'annotation',
        ]),
      );
      expect(warningsOf('tutorial-task-listeners.bpmn')).toContain(
        'task listener',
      );
      expect(warningsOf('examples-react-tasklist-parallel.bpmn')).toContain(
        'connector start event',
      );
      expect(warningsOf('tutorial-expense-reimbursement.bpmn')).toEqual(
        expect.arrayContaining(['collaboration', 'lane', 'annotation']),
      );
      for (const file of new Set(report.warnings.map((w) => w.file))) {
        const kinds = warningsOf(file);
        expect(kinds).toEqual([...new Set(kinds)]);
      }
      expect(log.lines.filter((l) => l.level === 'warn')).toHaveLength(
        report.warnings.length,
      );
    });

    /** Starts a process and returns its open tasks, sorted by element id. */
    const start = (file: string, variables: Record<string, unknown> = {}) => {
      const started = store.startInstance(
        deployedFrom(file),
        json(variables),
        T0,
      );
      expect(started.incidents).toEqual([]);
      return started;
    };
    const complete = (
      task: TaskRecord | undefined,
      values: Record<string, unknown> = {},
    ) => {
      if (!task) throw new Error('no task');
      const done = store.complete(task, json(values), T0 + HOUR);
      expect(done.incidents).toEqual([]);
      return done;
    };
    const state = (key: number) => store.processes.instance(key)?.state;
    const formOf = (task: TaskRecord | undefined) =>
      JSON.parse(
        getForm(
          store,
          (task?.formKey ?? '').replace('camunda-forms:bpmn:', ''),
          String(task?.processDefinitionKey),
        ).schema,
      ) as { id?: string; components: unknown[] };

    it('runs the quick-start human-task tutorial with its linked forms', () => {
      const { task, processInstanceKey } = start(
        'tutorial-quick-start-human-tasks.bpmn',
      );
      expect(task).toMatchObject({
        name: "Decide what's for dinner",
        implementation: 'ZEEBE_USER_TASK',
        formKey: 'camunda-forms:bpmn:DecideWhatsForDinner',
      });
      expect(formOf(task).id).toBe('DecideWhatsForDinner');
      const { next } = complete(task, { meal: 'chicken' });
      expect(next.map((t) => [t.name, t.formKey])).toEqual([
        ['Prepare chicken', 'camunda-forms:bpmn:prepare-chicken'],
      ]);
      complete(next[0]);
      expect(state(processInstanceKey)).toBe('COMPLETED');
    });

    it('runs expense reimbursement: candidates, a shared form, FEEL outputs and default flows', () => {
      const { task, processInstanceKey } = start(
        'tutorial-expense-reimbursement.bpmn',
      );
      expect(task).toMatchObject({
        name: 'Create expense report',
        formKey: 'camunda-forms:bpmn:CreateExpenseReport',
      });
      const { next } = complete(task, {
        supervisorEmail: 'boss@example.com',
        expenseAmount: 120,
        expenseType: 'travel',
      });
      expect(next[0]).toMatchObject({
        formKey: 'camunda-forms:bpmn:ReviewExpenseReport',
        candidateUsers: ['boss@example.com'],
      });
      expect(state(processInstanceKey)).toBe('ACTIVE');
    });

    it('runs the payment example to its end (its only user task sits behind an error boundary)', () => {
      const paid = start('examples-payment-process.bpmn', {
        remainingAmount: 0,
      });
      expect(paid.tasks).toEqual([]);
      expect(state(paid.processInstanceKey)).toBe('COMPLETED');
      const charged = start('examples-payment-process.bpmn', {
        remainingAmount: 30,
      });
      expect(state(charged.processInstanceKey)).toBe('COMPLETED');
      const unstarted = store.startInstance(
        deployedFrom('examples-payment-process.bpmn'),
        new Map(),
        T0,
      );
      expect(unstarted.incidents[0]?.elementId).toBe('CreditSufficientGateway');
    });

    it('runs the parallel react-tasklist example: embedded and custom forms, join after all three', () => {
      const { processInstanceKey, tasks } = start(
        'examples-react-tasklist-parallel.bpmn',
      );
      expect(tasks.map((t) => [t.assignee, t.formKey?.split(':')[0]])).toEqual([
        ['demo', 'react'],
        ['demo', 'camunda-forms'],
        ['demo', 'camunda-forms'],
      ]);
      expect(formOf(tasks[1]).components.length).toBeGreaterThan(0);
      for (const task of tasks.slice(0, 2)) complete(task);
      expect(state(processInstanceKey)).toBe('ACTIVE');
      complete(tasks[2]);
      expect(state(processInstanceKey)).toBe('COMPLETED');
    });

    it('runs twitter review with FEEL assignees and its loop', () => {
      const { task, processInstanceKey } = start(
        'examples-twitter-review.bpmn',
        {
          boss: 'demo',
          author: 'alice',
        },
      );
      expect(task).toMatchObject({ name: 'Review tweet', assignee: 'demo' });
      complete(task, { approved: false });
      expect(state(processInstanceKey)).toBe('COMPLETED');
    });

    it('runs the lowcode example with FEEL assignees written with a leading space', () => {
      const { tasks } = start('lowcode-camunda-process.bpmn', {
        assignee1: 'demo',
        assignee2: 'bob',
      });
      expect(tasks.map((t) => [t.elementId, t.assignee, t.formKey])).toEqual([
        ['task1', 'demo', 'task1'],
        ['Activity_1hpipr7', null, 'aCustomForm'],
      ]);
      const { next } = complete(tasks[0]);
      expect(next.map((t) => [t.elementId, t.assignee])).toEqual([
        ['task2', 'bob'],
      ]);
    });

    it("runs the SDK's test process despite its broken diagram reference", () => {
      const { task, processInstanceKey } = start(
        'jssdk-tasklist-test-process.bpmn',
      );
      expect(task).toMatchObject({
        name: 'User Task One',
        implementation: 'JOB_WORKER',
      });
      expect(formOf(task).components.length).toBeGreaterThan(0);
      complete(task, { name: 'Joe' });
      expect(state(processInstanceKey)).toBe('COMPLETED');
    });

    it('starts the processes it loaded with warnings: absence request and task listeners', () => {
      const absence = start('tutorial-absence-request.bpmn', {
        employeeName: 'ann',
      });
      expect(absence.task).toMatchObject({
        name: 'Request absence',
        formKey: null,
      });
      const { next } = complete(absence.task);
      expect(next.map((t) => t.name)).toEqual(['Approve absence']);
      const listeners = start('tutorial-task-listeners.bpmn');
      expect(listeners.task?.name).toBe('Assigned by creating task listener');
    });
  },
);
