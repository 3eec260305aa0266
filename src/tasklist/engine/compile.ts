import {
  child,
  children,
  extension,
  extensions,
  type ModdleNode,
  text,
} from './bpmn-xml';
import { feelSyntaxError, isStaticValue } from './feel';
import type {
  CompiledForm,
  CompiledProcess,
  ElementModel,
  ElementType,
  FlowModel,
  LoadProblem,
  LoadWarning,
  Mapping,
  ProcessModel,
  UserTaskModel,
} from './model';

export const EMBEDDED_FORM_PREFIX = 'camunda-forms:bpmn:';

/** A `.form` file of the same folder, by its form-js `id`. */
export interface LinkedForm {
  file: string;
  schema: string;
}

export interface CompileResult {
  processes: CompiledProcess[];
  problems: LoadProblem[];
  warnings: LoadWarning[];
}

/** Tasks that need a job worker, a decision or a connector: they pass through. */
const WORKER_TASKS: Partial<Record<string, ElementType>> = {
  'bpmn:ServiceTask': 'SERVICE_TASK',
  'bpmn:SendTask': 'SEND_TASK',
  'bpmn:BusinessRuleTask': 'BUSINESS_RULE_TASK',
};

/** Elements that pass through exactly as they do on Zeebe. */
const QUIET_TASKS: Partial<Record<string, ElementType>> = {
  'bpmn:ManualTask': 'MANUAL_TASK',
  'bpmn:Task': 'TASK',
};

/** What each refused control-flow element is, in the words of the refusal. */
const REFUSED: Partial<Record<string, string>> = {
  'bpmn:CallActivity': 'call activities are not supported',
  'bpmn:SubProcess': 'subprocesses are not supported',
  'bpmn:AdHocSubProcess': 'ad-hoc subprocesses are not supported',
  'bpmn:Transaction': 'transaction subprocesses are not supported',
  'bpmn:EventBasedGateway': 'event-based gateways are not supported',
  'bpmn:InclusiveGateway': 'inclusive gateways are not supported',
  'bpmn:ComplexGateway': 'complex gateways are not supported',
  'bpmn:ReceiveTask': 'receive tasks (message catch) are not supported',
};

/** Artifacts and data elements: diagram-only, nothing to run. */
const IGNORED = new Set([
  'bpmn:DataObject',
  'bpmn:DataObjectReference',
  'bpmn:DataStoreReference',
]);

const eventKind = (definition: ModdleNode) =>
  definition.$type
    .replace(/^bpmn:/, '')
    .replace(/EventDefinition$/, '')
    .toLowerCase();

const mappings = (node: ModdleNode, property: string): Mapping[] =>
  children(extension(node, 'zeebe:IoMapping'), property).map((parameter) => ({
    source: text(parameter, 'source') ?? '',
    target: text(parameter, 'target') ?? '',
  }));

/**
 * Compiles one file's BPMN (already parsed) into runnable models. The file
 * is refused as a whole when anything in it cannot run here, as a Zeebe
 * deployment would be; pass-through elements only give one warning per
 * kind.
 */
export function compileDefinitions(
  file: string,
  definitions: ModdleNode,
  linkedForms: ReadonlyMap<string, LinkedForm>,
): CompileResult {
  const problems: LoadProblem[] = [];
  const warnings: LoadWarning[] = [];
  const warnedKinds = new Set<string>();
  const refuse = (elementId: string | undefined, reason: string) => {
    problems.push({ file, elementId, reason });
  };
  const warn = (elementId: string, kind: string, message: string) => {
    if (warnedKinds.has(kind)) return;
    warnedKinds.add(kind);
    warnings.push({ file, elementId, kind, message });
  };

  const roots = children(definitions, 'rootElements');
  for (const collaboration of roots.filter(
    (r) => r.$type === 'bpmn:Collaboration',
  )) {
    warn(
      collaboration.id ?? 'collaboration',
      'collaboration',
      'collaborations and participants are diagram structure only; the executable process runs on its own',
    );
  }
  const executable = roots.filter(
    (root) => root.$type === 'bpmn:Process' && root.isExecutable === true,
  );
  if (executable.length === 0) {
    refuse(
      undefined,
      'no executable process (isExecutable="true") in the file',
    );
  }

  const processes = executable.map((process) =>
    compileProcess(file, process, linkedForms, refuse, warn),
  );
  if (problems.length > 0) return { processes: [], problems, warnings };
  return {
    processes: processes.filter((p): p is CompiledProcess => p !== undefined),
    problems,
    warnings,
  };
}

type Refuse = (elementId: string | undefined, reason: string) => void;
type Warn = (elementId: string, kind: string, message: string) => void;

function compileProcess(
  file: string,
  process: ModdleNode,
  linkedForms: ReadonlyMap<string, LinkedForm>,
  refuse: Refuse,
  warn: Warn,
): CompiledProcess | undefined {
  const processId = process.id ?? '';
  const flowElements = children(process, 'flowElements');
  const flows = flowElements.filter((e) => e.$type === 'bpmn:SequenceFlow');
  const nodes = flowElements.filter((e) => e.$type !== 'bpmn:SequenceFlow');
  const nodeIds = new Set(nodes.map((node) => node.id ?? ''));
  const forms = new Map<string, CompiledForm>();

  if (children(process, 'laneSets').length > 0) {
    warn(
      children(process, 'laneSets')[0]?.id ?? processId,
      'lane',
      'lanes are diagram structure only; they assign nothing',
    );
  }
  const artifacts = children(process, 'artifacts');
  if (artifacts.length > 0) {
    warn(
      artifacts[0]?.id ?? processId,
      'annotation',
      'text annotations, associations and groups are diagram structure only',
    );
  }
  const listeners = (node: ModdleNode) => {
    if (extension(node, 'zeebe:ExecutionListeners')) {
      warn(
        node.id ?? '',
        'execution listener',
        'execution listeners need a job worker; they are skipped',
      );
    }
  };
  listeners(process);

  const embeddedForms = new Map(
    extensions(process)
      .filter((value) => value.$type === 'zeebe:UserTaskForm')
      .map(
        (form) => [text(form, 'id') ?? '', text(form, 'body') ?? ''] as const,
      ),
  );

  const checkFeel = (
    elementId: string,
    what: string,
    source: string | undefined,
  ) => {
    if (source === undefined) return;
    const error = feelSyntaxError(source);
    if (error)
      refuse(
        elementId,
        `invalid FEEL expression in ${what} '${source}': ${error}`,
      );
  };

  const outgoingOf = new Map<string, FlowModel[]>();
  const incomingOf = new Map<string, string[]>();
  const sourceOf = new Map<string, string>();
  for (const flow of flows) {
    const id = flow.id ?? '';
    const source = child(flow, 'sourceRef')?.id;
    const target = child(flow, 'targetRef')?.id;
    if (!source || !target || !nodeIds.has(source) || !nodeIds.has(target)) {
      refuse(
        id,
        'the sequence flow does not connect two elements of the process',
      );
      continue;
    }
    const conditionNode = child(flow, 'conditionExpression');
    const condition = conditionNode
      ? text(conditionNode, 'body')?.trim()
      : undefined;
    if (condition)
      checkFeel(
        id,
        'the condition',
        condition.startsWith('=') ? condition : `=${condition}`,
      );
    outgoingOf.set(source, [
      ...(outgoingOf.get(source) ?? []),
      {
        id,
        targetId: target,
        condition: condition === '' ? undefined : condition,
      },
    ]);
    incomingOf.set(target, [...(incomingOf.get(target) ?? []), id]);
    sourceOf.set(id, source);
  }

  const elements: Record<string, ElementModel> = {};
  const startEvents: string[] = [];

  const linkedForm = (
    elementId: string,
    formId: string,
  ): string | undefined => {
    const embedded = embeddedForms.get(formId);
    const linked = linkedForms.get(formId);
    if (embedded !== undefined) {
      forms.set(formId, { formId, kind: 'embedded', schema: embedded });
      return `${EMBEDDED_FORM_PREFIX}${formId}`;
    }
    if (!linked) {
      warn(
        elementId,
        `missing form ${formId}`,
        `the linked form '${formId}' is not in the folder (no .form file with that id); the task has no form`,
      );
      return undefined;
    }
    forms.set(formId, { formId, kind: 'linked', schema: linked.schema });
    return `${EMBEDDED_FORM_PREFIX}${formId}`;
  };

  const formKeyOf = (
    node: ModdleNode,
    elementId: string,
  ): string | undefined => {
    const definition = extension(node, 'zeebe:FormDefinition');
    const formId = text(definition, 'formId');
    if (formId) return linkedForm(elementId, formId);
    const formKey = text(definition, 'formKey');
    if (formKey?.startsWith(EMBEDDED_FORM_PREFIX)) {
      const id = formKey.slice(EMBEDDED_FORM_PREFIX.length);
      const schema = embeddedForms.get(id);
      if (schema === undefined) {
        warn(
          elementId,
          `missing form ${id}`,
          `the embedded form '${id}' (zeebe:userTaskForm) is not in the process; the task has no form`,
        );
        return undefined;
      }
      forms.set(id, { formId: id, kind: 'embedded', schema });
      return formKey;
    }
    return formKey ?? text(definition, 'externalReference');
  };

  for (const node of nodes) {
    const id = node.id ?? '';
    const type = node.$type;
    const base = {
      id,
      name: text(node, 'name'),
      incoming: incomingOf.get(id) ?? [],
      outgoing: outgoingOf.get(id) ?? [],
    };
    if (IGNORED.has(type)) continue;
    const refusal = REFUSED[type];
    if (refusal) {
      refuse(id, refusal);
      continue;
    }
    if (child(node, 'loopCharacteristics')) {
      refuse(id, 'multi-instance and loop activities are not supported');
      continue;
    }
    listeners(node);
    const definitionsOf = children(node, 'eventDefinitions');
    const firstDefinition = definitionsOf[0];

    if (type === 'bpmn:StartEvent') {
      if (firstDefinition) {
        refuse(
          id,
          `${eventKind(firstDefinition)} start events are not supported (only none start events)`,
        );
        continue;
      }
      if (text(node, 'modelerTemplate')) {
        warn(
          id,
          'connector start event',
          `the connector template '${text(node, 'modelerTemplate') ?? ''}' on the start event is not run; it starts like a none start event`,
        );
      }
      startEvents.push(id);
      elements[id] = { ...base, type: 'START_EVENT' };
    } else if (type === 'bpmn:EndEvent') {
      const kind = firstDefinition ? eventKind(firstDefinition) : 'none';
      if (kind === 'message') {
        warn(
          id,
          'message end event',
          'message end events need a job worker; they end like none end events',
        );
      } else if (kind !== 'none' && kind !== 'terminate') {
        refuse(id, `${kind} end events are not supported`);
        continue;
      }
      elements[id] = {
        ...base,
        type: 'END_EVENT',
        terminate: kind === 'terminate' || undefined,
      };
    } else if (type === 'bpmn:IntermediateThrowEvent') {
      const kind = firstDefinition ? eventKind(firstDefinition) : 'none';
      if (kind === 'message') {
        warn(
          id,
          'message throw event',
          'message throw events need a job worker; they pass through',
        );
      } else if (kind !== 'none') {
        refuse(id, `${kind} intermediate throw events are not supported`);
        continue;
      }
      elements[id] = {
        ...base,
        type: 'INTERMEDIATE_THROW_EVENT',
        staticOutputs: staticOutputs(node, id, warn),
      };
    } else if (type === 'bpmn:IntermediateCatchEvent') {
      refuse(
        id,
        `${firstDefinition ? eventKind(firstDefinition) : 'none'} intermediate catch events are not supported`,
      );
      continue;
    } else if (type === 'bpmn:BoundaryEvent') {
      const kind = firstDefinition ? eventKind(firstDefinition) : 'none';
      const host = child(node, 'attachedToRef');
      if (kind === 'error') {
        warn(
          id,
          'error boundary event',
          'error boundary events never trigger: no job worker runs here to throw the error',
        );
      } else if (kind === 'timer') {
        warn(
          id,
          `timer boundary event`,
          `timer boundary events never fire here (the timer on '${host?.id ?? ''}' is ignored)`,
        );
      } else {
        refuse(id, `${kind} boundary events are not supported`);
      }
      continue;
    } else if (type === 'bpmn:ExclusiveGateway') {
      const defaultFlowId = child(node, 'default')?.id;
      if (base.outgoing.length > 1) {
        for (const flow of base.outgoing) {
          if (flow.id !== defaultFlowId && !flow.condition) {
            refuse(
              flow.id,
              `the sequence flow leaves exclusive gateway '${id}' without a condition and is not its default flow`,
            );
          }
        }
      }
      if (
        defaultFlowId &&
        !base.outgoing.some((flow) => flow.id === defaultFlowId)
      ) {
        refuse(
          id,
          `the default flow '${defaultFlowId}' does not leave this gateway`,
        );
      }
      elements[id] = { ...base, type: 'EXCLUSIVE_GATEWAY', defaultFlowId };
    } else if (type === 'bpmn:ParallelGateway') {
      elements[id] = { ...base, type: 'PARALLEL_GATEWAY' };
    } else if (type === 'bpmn:UserTask') {
      const userTask = compileUserTask(
        node,
        id,
        formKeyOf(node, id),
        checkFeel,
      );
      if (extension(node, 'zeebe:TaskListeners')) {
        warn(
          id,
          'task listener',
          'task listeners need a job worker; the task is created without them',
        );
      }
      elements[id] = { ...base, type: 'USER_TASK', userTask };
    } else if (type === 'bpmn:ScriptTask' && extension(node, 'zeebe:Script')) {
      const script = extension(node, 'zeebe:Script');
      const expression = text(script, 'expression') ?? '';
      checkFeel(id, 'the script', expression);
      elements[id] = {
        ...base,
        type: 'SCRIPT_TASK',
        script: {
          expression,
          resultVariable: text(script, 'resultVariable') ?? '',
        },
      };
    } else if (WORKER_TASKS[type] || type === 'bpmn:ScriptTask') {
      const kind = type
        .replace('bpmn:', '')
        .replace(/([a-z])([A-Z])/g, '$1 $2')
        .toLowerCase();
      warn(
        id,
        kind,
        `${kind}s need a job worker or a decision; they pass through, applying only output mappings that need no variables`,
      );
      elements[id] = {
        ...base,
        type: WORKER_TASKS[type] ?? 'SCRIPT_TASK',
        staticOutputs: staticOutputs(node, id, warn),
      };
    } else if (QUIET_TASKS[type]) {
      elements[id] = {
        ...base,
        type: QUIET_TASKS[type],
        staticOutputs: staticOutputs(node, id, warn),
      };
    } else {
      refuse(id, `${type.replace('bpmn:', '')} elements are not supported`);
      continue;
    }

    for (const flow of base.outgoing) {
      if (flow.condition && type !== 'bpmn:ExclusiveGateway') {
        refuse(
          flow.id,
          `conditional sequence flows are only supported after an exclusive gateway (this one leaves '${id}')`,
        );
      }
    }
  }

  if (startEvents.length === 0) {
    refuse(
      processId,
      'the process has no none start event, so it cannot be started',
    );
  } else if (startEvents.length > 1) {
    refuse(
      startEvents[1],
      `the process has more than one none start event (${startEvents.join(', ')})`,
    );
  }
  const startElementId = startEvents[0];
  if (!startElementId) return undefined;
  // Flows from boundary events never carry a token here, so a parallel join
  // must not wait for them.
  for (const element of Object.values(elements)) {
    element.incoming = element.incoming.filter((flowId) => {
      const source = sourceOf.get(flowId);
      return source !== undefined && source in elements;
    });
  }
  const model: ProcessModel = {
    bpmnProcessId: processId,
    name: text(process, 'name'),
    versionTag: text(extension(process, 'zeebe:VersionTag'), 'value'),
    startElementId,
    elements,
  };
  return { model, forms: [...forms.values()] };
}

function compileUserTask(
  node: ModdleNode,
  id: string,
  formKey: string | undefined,
  checkFeel: (
    elementId: string,
    what: string,
    source: string | undefined,
  ) => void,
): UserTaskModel {
  const assignment = extension(node, 'zeebe:AssignmentDefinition');
  const schedule = extension(node, 'zeebe:TaskSchedule');
  const present = (value: string | undefined) =>
    value?.trim() ? value : undefined;
  const userTask: UserTaskModel = {
    implementation: extension(node, 'zeebe:UserTask')
      ? 'ZEEBE_USER_TASK'
      : 'JOB_WORKER',
    formKey,
    assignee: present(text(assignment, 'assignee')),
    candidateGroups: present(text(assignment, 'candidateGroups')),
    candidateUsers: present(text(assignment, 'candidateUsers')),
    dueDate: present(text(schedule, 'dueDate')),
    followUpDate: present(text(schedule, 'followUpDate')),
    inputs: mappings(node, 'inputParameters'),
    outputs: mappings(node, 'outputParameters'),
  };
  checkFeel(id, 'the assignee', userTask.assignee);
  checkFeel(id, 'the candidate groups', userTask.candidateGroups);
  checkFeel(id, 'the candidate users', userTask.candidateUsers);
  checkFeel(id, 'the due date', userTask.dueDate);
  checkFeel(id, 'the follow-up date', userTask.followUpDate);
  for (const mapping of [...userTask.inputs, ...userTask.outputs]) {
    checkFeel(id, `the mapping to '${mapping.target}'`, mapping.source);
  }
  return userTask;
}

/** Output mappings a pass-through element can apply: those needing no variable. */
function staticOutputs(node: ModdleNode, id: string, warn: Warn): Mapping[] {
  const outputs = mappings(node, 'outputParameters');
  const usable = outputs.filter((mapping) => isStaticValue(mapping.source));
  if (usable.length < outputs.length) {
    warn(
      id,
      'dynamic output mapping',
      'output mappings that read variables a job worker would have set are skipped on pass-through elements',
    );
  }
  return usable;
}
