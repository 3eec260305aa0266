import { beforeEach, describe, expect, it } from 'vitest';
import { deleteProcessInstance } from '../domain/process-commands';
import { variablesOfTask } from '../domain/variable-queries';
import type { TaskRecord } from '../store/records';
import type { TasklistStore } from '../store/tasklist-store';
import {
  bpmnDocument,
  captureLog,
  deployOne,
  loadTexts,
} from '../test/bpmn-fixture';
import { emptyStore, HOUR, T0 } from '../test/world-builder';

let store: TasklistStore;
let engineLog: ReturnType<typeof captureLog>;

beforeEach(() => {
  engineLog = captureLog();
  store = emptyStore(T0);
  store.setLog(engineLog);
});

const json = (values: Record<string, unknown>) =>
  new Map(Object.entries(values).map(([k, v]) => [k, JSON.stringify(v)]));

const flow = (id: string, from: string, to: string, condition?: string) =>
  condition
    ? `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${condition}</bpmn:conditionExpression></bpmn:sequenceFlow>`
    : `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}" />`;

const userTask = (id: string, zeebe = '', name = id) =>
  `<bpmn:userTask id="${id}" name="${name}"><bpmn:extensionElements>${zeebe}</bpmn:extensionElements></bpmn:userTask>`;

/** Starts the latest version of the fixture and returns its open tasks. */
async function run(body: string, variables: Record<string, unknown> = {}) {
  const definition = await deployOne(store, bpmnDocument(body));
  const started = store.startInstance(definition, json(variables), T0);
  return { definition, started, key: started.processInstanceKey };
}

const openTasks = (instance: number) => store.tasks.activeTasksOf(instance);
const names = (tasks: TaskRecord[]) => tasks.map((t) => t.elementId).sort();
const complete = (
  task: TaskRecord | undefined,
  values = {},
  at = T0 + HOUR,
) => {
  if (!task) throw new Error('no task to complete');
  return store.complete(task, json(values), at);
};
const instanceState = (key: number) => store.processes.instance(key)?.state;

describe('start event, user task, end event', () => {
  it('runs start → task → end, and the finished instance can be deleted', async () => {
    const { key, started } = await run(
      [
        '<bpmn:startEvent id="start" />',
        userTask('review', '', 'Review it'),
        '<bpmn:endEvent id="end" />',
        flow('f1', 'start', 'review'),
        flow('f2', 'review', 'end'),
      ].join(''),
      { a: 1 },
    );
    expect(started.task).toMatchObject({
      name: 'Review it',
      elementId: 'review',
      processName: 'Test process',
      implementation: 'JOB_WORKER',
      creationTime: T0,
    });
    expect(deleteProcessInstance(store, String(key))).toBe(false);
    complete(started.task, { b: 2 });
    expect(instanceState(key)).toBe('COMPLETED');
    expect(
      store.elements.ofProcessInstance(key).map((e) => [e.elementId, e.state]),
    ).toEqual([
      ['start', 'COMPLETED'],
      ['review', 'COMPLETED'],
      ['end', 'COMPLETED'],
    ]);
    expect(deleteProcessInstance(store, String(key))).toBe(true);
  });

  it('reads assignment and schedule, static or FEEL, and the Camunda user task marker', async () => {
    const { started } = await run(
      [
        '<bpmn:startEvent id="start" />',
        userTask(
          'approve',
          '<zeebe:userTask /><zeebe:assignmentDefinition assignee="=boss" candidateGroups="=[&#34;sales&#34;, team]" candidateUsers="ann, bob" />' +
            '<zeebe:taskSchedule dueDate="=now() + duration(&#34;P2D&#34;)" followUpDate="2024-01-05T09:00:00+01:00" />',
        ),
        flow('f1', 'start', 'approve'),
      ].join(''),
      { boss: 'carol', team: 'accounting' },
    );
    expect(started.task).toMatchObject({
      assignee: 'carol',
      candidateGroups: ['sales', 'accounting'],
      candidateUsers: ['ann', 'bob'],
      dueDate: T0 + 48 * HOUR,
      followUpDate: Date.parse('2024-01-05T08:00:00Z'),
      implementation: 'ZEEBE_USER_TASK',
    });
  });

  it('leaves a task unassigned when the assignee expression finds no variable', async () => {
    const { started } = await run(
      [
        '<bpmn:startEvent id="start" />',
        userTask('t', '<zeebe:assignmentDefinition assignee="=lineManager" />'),
        flow('f1', 'start', 't'),
      ].join(''),
    );
    expect(started.task?.assignee).toBeNull();
    expect(started.incidents).toEqual([]);
  });
});

describe('input and output mappings on user tasks', () => {
  const body = [
    '<bpmn:startEvent id="start" />',
    userTask(
      'pay',
      '<zeebe:ioMapping><zeebe:input source="=amount * 2" target="double" /><zeebe:input source="=double + 1" target="plusOne" />' +
        '<zeebe:output source="=if ok then &#34;paid&#34; else &#34;open&#34;" target="status" /><zeebe:output source="=double" target="receipt.total" /></zeebe:ioMapping>',
    ),
    userTask('next'),
    flow('f1', 'start', 'pay'),
    flow('f2', 'pay', 'next'),
  ].join('');

  it('gives the task a local scope first, then the process scope', async () => {
    const { started, key } = await run(body, { amount: 21, double: 'outer' });
    const task = started.task;
    if (!task) throw new Error('no task');
    const seen = variablesOfTask(store, task);
    expect(seen.map((v) => [v.name, v.value])).toEqual([
      ['amount', '21'],
      ['double', '42'],
      ['plusOne', '43'],
    ]);
    expect(seen.find((v) => v.name === 'double')?.id).toBe(
      `${String(task.elementInstanceKey)}-double`,
    );
    expect(seen.find((v) => v.name === 'amount')?.id).toBe(
      `${String(key)}-amount`,
    );
    expect(typeof seen[0]?.key).toBe('number');
  });

  it('maps outputs into the process scope, drops the local scope and keeps a snapshot', async () => {
    const { started, key } = await run(body, { amount: 21 });
    complete(started.task, { ok: true });
    const processScope = store.variables
      .instanceVariables(key)
      .map((v) => [v.name, v.value]);
    expect(processScope).toEqual([
      ['amount', '21'],
      ['receipt', '{"total":42}'],
      ['status', '"paid"'],
    ]);
    expect(
      store.variables.scopeVariables(started.task?.elementInstanceKey ?? 0),
    ).toEqual([]);
    expect(
      store.variables.taskSnapshot(started.task?.key ?? 0).map((v) => v.name),
    ).toEqual(['amount', 'double', 'ok', 'plusOne']);
  });

  it('merges completion values into the process scope when there are no outputs', async () => {
    const { started, key } = await run(
      [
        '<bpmn:startEvent id="start" />',
        userTask('t'),
        '<bpmn:endEvent id="end" />',
        flow('f1', 'start', 't'),
        flow('f2', 't', 'end'),
      ].join(''),
      { a: 1 },
    );
    complete(started.task, { a: 2, b: 'x' });
    expect(
      store.variables.instanceVariables(key).map((v) => [v.name, v.value]),
    ).toEqual([
      ['a', '2'],
      ['b', '"x"'],
    ]);
  });
});

describe('exclusive gateway', () => {
  const body = (conditionA: string) =>
    [
      '<bpmn:startEvent id="start" />',
      '<bpmn:exclusiveGateway id="gw" default="toC" />',
      userTask('a'),
      userTask('b'),
      userTask('c'),
      flow('f1', 'start', 'gw'),
      flow('toA', 'gw', 'a', conditionA),
      flow('toB', 'gw', 'b', '=amount &gt; 1000'),
      flow('toC', 'gw', 'c'),
    ].join('');

  it('takes the first flow whose FEEL condition holds, in document order', async () => {
    const { key } = await run(body('=amount &gt; 100'), { amount: 5000 });
    expect(names(openTasks(key))).toEqual(['a']);
  });

  it('takes the default flow when no condition holds', async () => {
    const { key } = await run(body('=amount &gt; 10000'), { amount: 50 });
    expect(names(openTasks(key))).toEqual(['c']);
  });

  it('stops with an incident when a variable is missing', async () => {
    const { key, started } = await run(body('=amount &gt; 100'));
    expect(openTasks(key)).toEqual([]);
    expect(instanceState(key)).toBe('ACTIVE');
    expect(started.incidents).toMatchObject([
      {
        elementId: 'gw',
        errorType: 'CONDITION_ERROR',
        message: expect.stringContaining(
          "to be 'BOOLEAN', but was 'NULL'. The evaluation reported the following warnings: [NO_VARIABLE_FOUND] Variable 'amount' not found",
        ) as unknown,
      },
    ]);
    expect(store.elements.incidents(key)).toHaveLength(1);
    expect(engineLog.lines).toMatchObject([
      {
        level: 'warn',
        details: { processInstanceKey: key, elementId: 'gw' },
        message: expect.stringContaining('stopped with an incident') as unknown,
      },
    ]);
  });

  it('stops with an incident on a type mismatch instead of guessing', async () => {
    const { started } = await run(body('=amount = 1000'), { amount: '1000' });
    expect(started.incidents[0]?.message).toContain(
      "Expected result of the expression 'amount = 1000' to be 'BOOLEAN', but was 'NULL'",
    );
    const notBoolean = await run(body('=amount'), { amount: 'yes' });
    expect(notBoolean.started.incidents[0]?.message).toContain(
      "to be 'BOOLEAN', but was 'STRING'",
    );
  });

  it('stops with an incident when no flow matches and there is no default', async () => {
    const { started } = await run(
      [
        '<bpmn:startEvent id="start" />',
        '<bpmn:exclusiveGateway id="gw" />',
        userTask('a'),
        userTask('b'),
        flow('f1', 'start', 'gw'),
        flow('toA', 'gw', 'a', '=x = 1'),
        flow('toB', 'gw', 'b', '=x = 2'),
      ].join(''),
      { x: 3 },
    );
    expect(started.incidents[0]).toMatchObject({
      elementId: 'gw',
      message:
        'Expected at least one condition to evaluate to true, or to have a default flow',
    });
  });
});

describe('parallel gateway', () => {
  const body = [
    '<bpmn:startEvent id="start" />',
    '<bpmn:parallelGateway id="fork" />',
    userTask('left'),
    userTask('right'),
    '<bpmn:parallelGateway id="join" />',
    userTask('after'),
    flow('f1', 'start', 'fork'),
    flow('f2', 'fork', 'left'),
    flow('f3', 'fork', 'right'),
    flow('f4', 'left', 'join'),
    flow('f5', 'right', 'join'),
    flow('f6', 'join', 'after'),
  ].join('');

  it('forks into every branch and joins only when both arrived', async () => {
    const { key } = await run(body);
    const [left, right] = openTasks(key);
    expect(names(openTasks(key))).toEqual(['left', 'right']);
    complete(left);
    expect(names(openTasks(key))).toEqual(['right']);
    expect(store.elements.waitingTokens(key)).toBe(1);
    complete(right);
    expect(names(openTasks(key))).toEqual(['after']);
    expect(store.elements.waitingTokens(key)).toBe(0);
  });

  it('a terminate end event ends the other branch', async () => {
    const { key } = await run(
      [
        '<bpmn:startEvent id="start" />',
        '<bpmn:parallelGateway id="fork" />',
        userTask('left'),
        userTask('right'),
        '<bpmn:endEvent id="stop"><bpmn:terminateEventDefinition /></bpmn:endEvent>',
        flow('f1', 'start', 'fork'),
        flow('f2', 'fork', 'left'),
        flow('f3', 'fork', 'right'),
        flow('f4', 'left', 'stop'),
      ].join(''),
    );
    const left = openTasks(key).find((t) => t.elementId === 'left');
    complete(left);
    expect(instanceState(key)).toBe('COMPLETED');
    expect(
      store.tasks.get(
        store.db
          .prepare<[number], number>(
            "SELECT key FROM task WHERE process_instance_key = ? AND element_id = 'right'",
          )
          .pluck()
          .get(key) ?? 0,
      )?.state,
    ).toBe('CANCELED');
  });
});

describe('pass-through elements', () => {
  it('passes service, send, business-rule, manual and plain tasks and throw events, applying static outputs only', async () => {
    const output = (source: string, target: string) =>
      `<bpmn:extensionElements><zeebe:ioMapping><zeebe:output source="${source}" target="${target}" /></zeebe:ioMapping></bpmn:extensionElements>`;
    const { key, started } = await run(
      [
        '<bpmn:startEvent id="start" />',
        `<bpmn:serviceTask id="s">${output('=&#34;charged&#34;', 'payment')}</bpmn:serviceTask>`,
        `<bpmn:sendTask id="send">${output('=result.id', 'messageId')}</bpmn:sendTask>`,
        '<bpmn:businessRuleTask id="rule" />',
        '<bpmn:manualTask id="manual" />',
        '<bpmn:task id="plain" />',
        `<bpmn:intermediateThrowEvent id="event">${output('=42', 'answer')}</bpmn:intermediateThrowEvent>`,
        `<bpmn:scriptTask id="script"><bpmn:extensionElements><zeebe:script expression="=answer + 1" resultVariable="next" /></bpmn:extensionElements></bpmn:scriptTask>`,
        userTask('t'),
        flow('f1', 'start', 's'),
        flow('f2', 's', 'send'),
        flow('f3', 'send', 'rule'),
        flow('f4', 'rule', 'manual'),
        flow('f5', 'manual', 'plain'),
        flow('f6', 'plain', 'event'),
        flow('f7', 'event', 'script'),
        flow('f8', 'script', 't'),
      ].join(''),
    );
    expect(started.task?.elementId).toBe('t');
    expect(
      store.variables.instanceVariables(key).map((v) => [v.name, v.value]),
    ).toEqual([
      ['answer', '42'],
      ['next', '43'],
      ['payment', '"charged"'],
    ]);
  });
});

describe('loading', () => {
  it('warns once per pass-through kind per file, with the element id', async () => {
    const report = await loadTexts(store, {
      'two-services.bpmn': bpmnDocument(
        [
          '<bpmn:startEvent id="start" />',
          '<bpmn:serviceTask id="s1" />',
          '<bpmn:serviceTask id="s2" />',
          '<bpmn:endEvent id="end" />',
          flow('f1', 'start', 's1'),
          flow('f2', 's1', 's2'),
          flow('f3', 's2', 'end'),
        ].join(''),
      ),
    });
    expect(report.deployed).toHaveLength(1);
    expect(report.warnings).toMatchObject([
      { file: 'two-services.bpmn', elementId: 's1', kind: 'service task' },
    ]);
    expect(report.log.filter((l) => l.level === 'warn')).toHaveLength(1);
  });

  it('presents a linked form as camunda-forms:bpmn:<formId> and stores it with the definition', async () => {
    const schema = { id: 'review-form', type: 'default', components: [] };
    const definition = await deployOne(
      store,
      bpmnDocument(
        [
          '<bpmn:startEvent id="start" />',
          userTask(
            't',
            '<zeebe:userTask /><zeebe:formDefinition formId="review-form" />',
          ),
          userTask('u', '<zeebe:formDefinition formId="not-there" />'),
          flow('f1', 'start', 't'),
          flow('f2', 't', 'u'),
        ].join(''),
      ),
      { 'review.form': schema },
    );
    const { task } = store.startInstance(definition, new Map(), T0);
    expect(task?.formKey).toBe('camunda-forms:bpmn:review-form');
    expect(store.processes.form(definition.key, 'review-form')).toMatchObject({
      kind: 'linked',
      schema: JSON.stringify(schema),
    });
    const { next } = complete(task);
    expect(next[0]?.formKey).toBeNull();
  });

  it('makes a new version only when the content changed, and running instances keep theirs', async () => {
    const v1 = bpmnDocument(
      [
        '<bpmn:startEvent id="start" />',
        userTask('t'),
        flow('f', 'start', 't'),
      ].join(''),
    );
    const first = await loadTexts(store, { 'p.bpmn': v1 });
    const again = await loadTexts(store, { 'p.bpmn': v1 });
    expect(first.deployed[0]).toMatchObject({
      created: true,
      definition: { version: 1 },
    });
    expect(again.deployed[0]).toMatchObject({
      created: false,
      definition: { version: 1 },
    });
    const old = store.startInstance(
      first.deployed[0]?.definition ?? never(),
      new Map(),
      T0,
    );
    const v2 = v1.replace(
      '<bpmn:userTask id="t" name="t">',
      '<bpmn:userTask id="t" name="Changed">',
    );
    const changed = await loadTexts(store, { 'p.bpmn': v2 });
    expect(changed.deployed[0]).toMatchObject({
      created: true,
      definition: { version: 2 },
    });
    expect(store.processes.latestDefinition('test-process')?.version).toBe(2);
    expect(old.task?.name).toBe('t');
    complete(old.task);
    expect(instanceState(old.processInstanceKey)).toBe('COMPLETED');
  });
});

function never(): never {
  throw new Error('expected a deployment');
}

describe('refusals', () => {
  const cases: [string, string, string, RegExp][] = [
    [
      'call activity',
      '<bpmn:callActivity id="x" />',
      'x',
      /call activities are not supported/,
    ],
    [
      'subprocess',
      '<bpmn:subProcess id="x" />',
      'x',
      /subprocesses are not supported/,
    ],
    [
      'event-based gateway',
      '<bpmn:eventBasedGateway id="x" />',
      'x',
      /event-based gateways are not supported/,
    ],
    [
      'inclusive gateway',
      '<bpmn:inclusiveGateway id="x" />',
      'x',
      /inclusive gateways are not supported/,
    ],
    [
      'message catch event',
      '<bpmn:intermediateCatchEvent id="x"><bpmn:messageEventDefinition /></bpmn:intermediateCatchEvent>',
      'x',
      /message intermediate catch events are not supported/,
    ],
    [
      'signal boundary event',
      '<bpmn:boundaryEvent id="x" attachedToRef="t"><bpmn:signalEventDefinition /></bpmn:boundaryEvent>',
      'x',
      /signal boundary events are not supported/,
    ],
    [
      'multi-instance',
      '<bpmn:userTask id="x"><bpmn:multiInstanceLoopCharacteristics /></bpmn:userTask>',
      'x',
      /multi-instance and loop activities are not supported/,
    ],
    [
      'message start event',
      '<bpmn:startEvent id="x"><bpmn:messageEventDefinition /></bpmn:startEvent>',
      'x',
      /message start events are not supported/,
    ],
    [
      'flow without condition after a split',
      '<bpmn:exclusiveGateway id="g" />' +
        flow('x', 'g', 't') +
        flow('y', 'g', 't', '=true'),
      'x',
      /without a condition and is not its default flow/,
    ],
    [
      'invalid FEEL',
      userTask('x', '<zeebe:assignmentDefinition assignee="=foo(" />'),
      'x',
      /invalid FEEL expression in the assignee '=foo\('/,
    ],
  ];

  it.each(cases)(
    'refuses a %s with the file, the element id and the reason',
    async (_what, element, elementId, reason) => {
      const report = await loadTexts(store, {
        'bad.bpmn': bpmnDocument(
          `<bpmn:startEvent id="start" />${userTask('t')}${flow('f0', 'start', 't')}${element}`,
        ),
      });
      expect(report.deployed).toEqual([]);
      expect(report.refused).toContainEqual({
        file: 'bad.bpmn',
        elementId,
        reason: expect.stringMatching(reason) as unknown,
      });
      expect(report.log).toContainEqual(
        expect.objectContaining({
          level: 'error',
          message: expect.stringContaining(
            `bad.bpmn (element '${elementId}')`,
          ) as unknown,
        }),
      );
    },
  );

  it('refuses a process without a start event', async () => {
    const report = await loadTexts(store, {
      'no-start.bpmn': bpmnDocument(userTask('t')),
    });
    expect(report.refused).toEqual([
      {
        file: 'no-start.bpmn',
        elementId: 'test-process',
        reason: 'the process has no none start event, so it cannot be started',
      },
    ]);
  });

  it('refuses XML that is not well-formed, and undeclared prefixes', async () => {
    const report = await loadTexts(store, {
      'broken.bpmn': '<bpmn:definitions><oops></bpmn:definitions>',
      'prefix.bpmn': bpmnDocument(
        '<bpmn:startEvent id="s"><bpmn:extensionElements><camunda:foo /></bpmn:extensionElements></bpmn:startEvent>',
      ),
      'text.bpmn': 'not xml at all',
    });
    expect(report.refused.map((p) => p.file).sort()).toEqual([
      'broken.bpmn',
      'prefix.bpmn',
      'text.bpmn',
    ]);
    expect(
      report.refused.find((p) => p.file === 'prefix.bpmn')?.reason,
    ).toMatch(
      /^not well-formed XML at line \d+: missing namespace on <camunda:foo>/,
    );
  });

  it('keeps loading the other files when one is refused', async () => {
    const report = await loadTexts(store, {
      'bad.bpmn': 'not xml',
      'good.bpmn': bpmnDocument(`<bpmn:startEvent id="start" />`),
    });
    expect(report.deployed.map((d) => d.file)).toEqual(['good.bpmn']);
  });
});
