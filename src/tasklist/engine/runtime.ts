import type { ElementRepository } from '../store/element-repository';
import type { ProcessRepository } from '../store/process-repository';
import type {
  ElementInstanceState,
  IncidentRecord,
  ProcessDefinitionRecord,
  TaskRecord,
} from '../store/records';
import type { TaskRepository } from '../store/task-repository';
import type { VariableRepository } from '../store/variable-repository';
import {
  evaluateCondition,
  evaluateDateTime,
  evaluateNames,
  evaluateValue,
  type FeelVariables,
} from './feel';
import type { ElementModel, FlowModel, Mapping, ProcessModel } from './model';

/** Where incidents are reported: the server's logger (pino's signature). */
export interface EngineLog {
  warn(details: Record<string, unknown>, message: string): void;
}

/** What the runtime works on; the store hands it its repositories. */
export interface RuntimeDeps {
  processes: ProcessRepository;
  tasks: TaskRepository;
  variables: VariableRepository;
  elements: ElementRepository;
  nextKey: () => number;
  log: EngineLog;
}

/** What one step of an instance produced. */
export interface TransitionResult {
  /** User tasks created, in creation order. */
  tasks: TaskRecord[];
  /** Incidents raised: the instance stopped at these elements. */
  incidents: IncidentRecord[];
}

/**
 * A token stuck in a cycle of elements that never wait (no user task on the
 * loop) would spin forever; past this many activations in one step the
 * instance stops with an incident instead.
 */
const ACTIVATION_LIMIT = 1000;

const NO_FLOW_MATCHED =
  'Expected at least one condition to evaluate to true, or to have a default flow';

function parseValues(
  values: Iterable<{ name: string; value: string }>,
): FeelVariables {
  const result: FeelVariables = {};
  for (const { name, value } of values) result[name] = JSON.parse(value);
  return result;
}

/** Sets `target` (a name, or a dotted path into an object) in `values`. */
function assignPath(values: FeelVariables, target: string, value: unknown) {
  const [head = '', ...rest] = target.split('.');
  if (rest.length === 0) {
    values[head] = value;
    return;
  }
  const current = values[head];
  const object: FeelVariables =
    current && typeof current === 'object' && !Array.isArray(current)
      ? { ...(current as FeelVariables) }
      : {};
  assignPath(object, rest.join('.'), value);
  values[head] = object;
}

const toJsonMap = (values: FeelVariables) =>
  new Map(
    Object.entries(values).map(([name, value]) => [
      name,
      JSON.stringify(value ?? null),
    ]),
  );

interface Token {
  elementId: string;
  /** The sequence flow the token arrived over (none for the start event). */
  flowId?: string;
}

/**
 * One step of one instance, inside the caller's transaction: tokens move
 * from element to element until each one waits at a user task, reaches an
 * end, or stops at an incident.
 */
class Transition {
  readonly result: TransitionResult = { tasks: [], incidents: [] };
  private readonly queue: Token[] = [];
  private activations = 0;
  private terminated = false;

  constructor(
    private readonly deps: RuntimeDeps,
    private readonly definition: ProcessDefinitionRecord,
    private readonly model: ProcessModel,
    private readonly processInstanceKey: number,
    private readonly at: number,
  ) {}

  take(flows: FlowModel[]): void {
    for (const flow of flows)
      this.queue.push({ elementId: flow.targetId, flowId: flow.id });
  }

  enqueue(token: Token): void {
    this.queue.push(token);
  }

  run(): TransitionResult {
    for (let token = this.queue.shift(); token; token = this.queue.shift()) {
      if (this.terminated) break;
      const element = this.model.elements[token.elementId];
      if (!element) continue;
      this.activations += 1;
      if (this.activations > ACTIVATION_LIMIT) {
        const key = this.newElement(element, 'ACTIVE');
        this.incident(
          element,
          key,
          'EXTRACT_VALUE_ERROR',
          `The instance passed ${String(ACTIVATION_LIMIT)} elements in one step without reaching a user task; a loop without a wait state stops here`,
        );
        break;
      }
      this.activate(element, token);
    }
    this.finishInstanceIfDone();
    return this.result;
  }

  private processVariables(): FeelVariables {
    return parseValues(
      this.deps.variables.scopeVariables(this.processInstanceKey),
    );
  }

  private setProcessVariables(values: FeelVariables): void {
    this.deps.variables.set(
      this.processInstanceKey,
      this.processInstanceKey,
      toJsonMap(values),
      this.deps.nextKey,
    );
  }

  private newElement(
    element: ElementModel,
    state: ElementInstanceState,
  ): number {
    const key = this.deps.nextKey();
    this.deps.elements.insert({
      key,
      processInstanceKey: this.processInstanceKey,
      elementId: element.id,
      elementType: element.type,
      state,
      startTime: this.at,
      endTime: state === 'ACTIVE' ? null : this.at,
    });
    return key;
  }

  incident(
    element: ElementModel,
    elementInstanceKey: number,
    errorType: IncidentRecord['errorType'],
    message: string,
  ): void {
    const incident: IncidentRecord = {
      key: this.deps.nextKey(),
      processInstanceKey: this.processInstanceKey,
      elementInstanceKey,
      elementId: element.id,
      errorType,
      message,
      creationTime: this.at,
    };
    this.deps.elements.addIncident(incident);
    this.result.incidents.push(incident);
    this.deps.log.warn(
      {
        processInstanceKey: this.processInstanceKey,
        bpmnProcessId: this.definition.bpmnProcessId,
        version: this.definition.version,
        elementId: element.id,
        errorType,
      },
      `process instance stopped with an incident: ${message}`,
    );
  }

  private activate(element: ElementModel, token: Token): void {
    switch (element.type) {
      case 'USER_TASK':
        this.createUserTask(element);
        return;
      case 'EXCLUSIVE_GATEWAY':
        this.chooseFlow(element);
        return;
      case 'PARALLEL_GATEWAY':
        if (element.incoming.length > 1) {
          this.deps.elements.addJoinToken(
            this.deps.nextKey(),
            this.processInstanceKey,
            element.id,
            token.flowId ?? '',
          );
          const fires = this.deps.elements.takeJoinTokens(
            this.processInstanceKey,
            element.id,
            element.incoming,
          );
          if (!fires) return;
        }
        this.newElement(element, 'COMPLETED');
        this.take(element.outgoing);
        return;
      case 'END_EVENT':
        this.newElement(element, 'COMPLETED');
        if (element.terminate) this.terminateAll();
        return;
      default:
        this.passThrough(element);
    }
  }

  private passThrough(element: ElementModel): void {
    const key = this.newElement(element, 'ACTIVE');
    if (element.script) {
      const outcome = evaluateValue(
        element.script.expression,
        this.processVariables(),
        this.at,
      );
      if (!outcome.ok) {
        this.incident(element, key, 'EXTRACT_VALUE_ERROR', outcome.error);
        return;
      }
      if (element.script.resultVariable) {
        const values: FeelVariables = this.processVariables();
        assignPath(values, element.script.resultVariable, outcome.value);
        this.setProcessVariables(values);
      }
    }
    if (element.staticOutputs && element.staticOutputs.length > 0) {
      const values = this.processVariables();
      const changed = this.applyMappings(
        element,
        key,
        element.staticOutputs,
        {},
        values,
      );
      if (!changed) return;
      this.setProcessVariables(values);
    }
    this.deps.elements.finish(key, 'COMPLETED', this.at);
    this.take(element.outgoing);
  }

  /**
   * Evaluates mappings against `context` into `into`; false (after raising
   * the incident) when one fails.
   */
  applyMappings(
    element: ElementModel,
    elementInstanceKey: number,
    mappings: Mapping[],
    context: FeelVariables,
    into: FeelVariables,
  ): boolean {
    for (const mapping of mappings) {
      const outcome = evaluateValue(mapping.source, context, this.at);
      if (!outcome.ok) {
        this.incident(
          element,
          elementInstanceKey,
          'EXTRACT_VALUE_ERROR',
          outcome.error,
        );
        return false;
      }
      assignPath(into, mapping.target, outcome.value);
    }
    return true;
  }

  private chooseFlow(element: ElementModel): void {
    const key = this.newElement(element, 'ACTIVE');
    const conditional = element.outgoing.filter(
      (flow) => flow.id !== element.defaultFlowId && flow.condition,
    );
    let chosen: FlowModel | undefined;
    if (conditional.length === 0 && element.outgoing.length === 1) {
      chosen = element.outgoing[0];
    } else {
      const variables = this.processVariables();
      for (const flow of conditional) {
        const outcome = evaluateCondition(
          flow.condition ?? '',
          variables,
          this.at,
        );
        if (!outcome.ok) {
          this.incident(element, key, 'CONDITION_ERROR', outcome.error);
          return;
        }
        if (outcome.value) {
          chosen = flow;
          break;
        }
      }
      chosen ??= element.outgoing.find(
        (flow) => flow.id === element.defaultFlowId,
      );
    }
    if (!chosen) {
      if (element.outgoing.length === 0) {
        this.deps.elements.finish(key, 'COMPLETED', this.at);
        return;
      }
      this.incident(element, key, 'CONDITION_ERROR', NO_FLOW_MATCHED);
      return;
    }
    this.deps.elements.finish(key, 'COMPLETED', this.at);
    this.take([chosen]);
  }

  private createUserTask(element: ElementModel): void {
    const userTask = element.userTask;
    if (!userTask) return;
    const key = this.newElement(element, 'ACTIVE');
    const context = this.processVariables();
    const local: FeelVariables = {};
    for (const input of userTask.inputs) {
      // Later inputs may read earlier ones, as in Zeebe.
      if (
        !this.applyMappings(
          element,
          key,
          [input],
          { ...context, ...local },
          local,
        )
      )
        return;
    }
    this.deps.variables.set(
      key,
      this.processInstanceKey,
      toJsonMap(local),
      this.deps.nextKey,
    );
    const seen = { ...context, ...local };
    const fail = (message: string): false => {
      this.incident(element, key, 'EXTRACT_VALUE_ERROR', message);
      return false;
    };

    let assignee: string | null = null;
    if (userTask.assignee !== undefined) {
      const outcome = evaluateValue(userTask.assignee, seen, this.at);
      if (!outcome.ok) return void fail(outcome.error);
      if (outcome.value !== null && typeof outcome.value !== 'string') {
        return void fail(
          `Expected result of the expression '${userTask.assignee}' to be 'STRING', but was ${JSON.stringify(outcome.value)}`,
        );
      }
      // A null or empty assignee (a variable a worker would have set) leaves
      // the task unassigned, so the preview keeps running.
      assignee = outcome.value === '' ? null : outcome.value;
    }
    const names = (source: string | undefined) =>
      source === undefined
        ? ({ ok: true, value: [] } as const)
        : evaluateNames(source, seen, this.at);
    const groups = names(userTask.candidateGroups);
    if (!groups.ok) return void fail(groups.error);
    const users = names(userTask.candidateUsers);
    if (!users.ok) return void fail(users.error);
    const date = (source: string | undefined) =>
      source === undefined
        ? ({ ok: true, value: null } as const)
        : evaluateDateTime(source, seen, this.at);
    const due = date(userTask.dueDate);
    if (!due.ok) return void fail(due.error);
    const followUp = date(userTask.followUpDate);
    if (!followUp.ok) return void fail(followUp.error);

    const taskKey = this.deps.nextKey();
    this.deps.tasks.insert({
      key: taskKey,
      processInstanceKey: this.processInstanceKey,
      processDefinitionKey: this.definition.key,
      elementInstanceKey: key,
      processName: this.definition.name ?? this.definition.bpmnProcessId,
      elementId: element.id,
      name: element.name ?? element.id,
      creationTime: this.at,
      assignee,
      formKey: userTask.formKey ?? null,
      candidateGroups: [...new Set(groups.value)],
      candidateUsers: [...new Set(users.value)],
      dueDate: due.value,
      followUpDate: followUp.value,
      implementation: userTask.implementation,
    });
    const task = this.deps.tasks.get(taskKey);
    if (task) this.result.tasks.push(task);
  }

  /** A terminate end event: everything else still running ends now. */
  private terminateAll(): void {
    this.terminated = true;
    for (const task of this.deps.tasks.activeTasksOf(this.processInstanceKey))
      this.deps.tasks.markFinished(task.key, 'CANCELED', this.at);
    for (const element of this.deps.elements.active(this.processInstanceKey))
      this.deps.elements.finish(element.key, 'TERMINATED', this.at);
    this.deps.elements.clearJoinTokens(this.processInstanceKey);
  }

  private finishInstanceIfDone(): void {
    const instance = this.deps.processes.instance(this.processInstanceKey);
    if (instance?.state !== 'ACTIVE') return;
    if (this.deps.elements.active(this.processInstanceKey).length > 0) return;
    if (this.deps.elements.waitingTokens(this.processInstanceKey) > 0) return;
    this.deps.processes.finishInstance(
      this.processInstanceKey,
      'COMPLETED',
      this.at,
    );
  }
}

function modelOf(deps: RuntimeDeps, definitionKey: number): ProcessModel {
  const model = deps.processes.model(definitionKey);
  if (!model)
    throw new Error(`process definition ${String(definitionKey)} has no model`);
  return model;
}

/**
 * Creates an instance with its process-scope variables and runs it from the
 * none start event until it waits, ends or stops. Call inside a transaction.
 */
export function runNewInstance(
  deps: RuntimeDeps,
  definition: ProcessDefinitionRecord,
  processInstanceKey: number,
  variables: Map<string, string>,
  at: number,
): TransitionResult {
  const model = modelOf(deps, definition.key);
  deps.processes.createInstance(processInstanceKey, definition.key, at);
  deps.variables.set(
    processInstanceKey,
    processInstanceKey,
    variables,
    deps.nextKey,
  );
  const transition = new Transition(
    deps,
    definition,
    model,
    processInstanceKey,
    at,
  );
  transition.enqueue({ elementId: model.startElementId });
  return transition.run();
}

/**
 * Completes a user task: keeps the snapshot of what it saw (plus the
 * submitted values), applies its output mappings (or merges the values into
 * the process scope when it has none), ends its local scope and moves the
 * token on. Call inside a transaction.
 */
export function runTaskCompletion(
  deps: RuntimeDeps,
  task: TaskRecord,
  values: Map<string, string>,
  at: number,
): TransitionResult {
  const definition = deps.processes.definition(task.processDefinitionKey);
  if (!definition)
    throw new Error(`task ${String(task.key)} has no process definition`);
  const model = modelOf(deps, definition.key);
  const element = model.elements[task.elementId];
  const seen = new Map(
    deps.variables
      .visibleFrom(task.elementInstanceKey, task.processInstanceKey)
      .map((variable) => [variable.name, variable.value]),
  );
  for (const [name, value] of values) seen.set(name, value);
  deps.variables.snapshot(task.key, seen);
  deps.tasks.markFinished(task.key, 'COMPLETED', at);

  const transition = new Transition(
    deps,
    definition,
    model,
    task.processInstanceKey,
    at,
  );
  if (!element) return transition.run();
  const outputs = element.userTask?.outputs ?? [];
  if (outputs.length > 0) {
    deps.variables.set(
      task.elementInstanceKey,
      task.processInstanceKey,
      values,
      deps.nextKey,
    );
    const context = parseValues(
      deps.variables.visibleFrom(
        task.elementInstanceKey,
        task.processInstanceKey,
      ),
    );
    const processScope = parseValues(
      deps.variables.scopeVariables(task.processInstanceKey),
    );
    const before = new Set(Object.keys(processScope));
    if (
      !transition.applyMappings(
        element,
        task.elementInstanceKey,
        outputs,
        context,
        processScope,
      )
    ) {
      return transition.run();
    }
    const changedNames = new Set(outputs.map((o) => o.target.split('.')[0]));
    const changed = new Map(
      [...toJsonMap(processScope)].filter(
        ([name]) => changedNames.has(name) || !before.has(name),
      ),
    );
    deps.variables.set(
      task.processInstanceKey,
      task.processInstanceKey,
      changed,
      deps.nextKey,
    );
  } else {
    deps.variables.set(
      task.processInstanceKey,
      task.processInstanceKey,
      values,
      deps.nextKey,
    );
  }
  deps.variables.dropScopeVariables(task.elementInstanceKey);
  deps.elements.finish(task.elementInstanceKey, 'COMPLETED', at);
  transition.take(element.outgoing);
  return transition.run();
}

/** Cancels a running instance: open tasks CANCELED, elements TERMINATED. */
export function runCancellation(
  deps: RuntimeDeps,
  processInstanceKey: number,
  at: number,
): void {
  for (const task of deps.tasks.activeTasksOf(processInstanceKey))
    deps.tasks.markFinished(task.key, 'CANCELED', at);
  for (const element of deps.elements.active(processInstanceKey))
    deps.elements.finish(element.key, 'TERMINATED', at);
  deps.elements.clearJoinTokens(processInstanceKey);
  deps.processes.finishInstance(processInstanceKey, 'CANCELED', at);
}
