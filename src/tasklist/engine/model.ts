/**
 * The compiled form of one BPMN process: plain JSON, stored with its
 * definition, so running instances never need the XML (or the parser) again.
 * Expressions keep Zeebe's notation: text starting with `=` is FEEL,
 * anything else is a static value.
 */

/** Zeebe's `BpmnElementType` names, which the v2 API also uses. */
export type ElementType =
  | 'START_EVENT'
  | 'END_EVENT'
  | 'USER_TASK'
  | 'EXCLUSIVE_GATEWAY'
  | 'PARALLEL_GATEWAY'
  | 'SERVICE_TASK'
  | 'SEND_TASK'
  | 'SCRIPT_TASK'
  | 'MANUAL_TASK'
  | 'BUSINESS_RULE_TASK'
  | 'TASK'
  | 'INTERMEDIATE_THROW_EVENT';

export interface Mapping {
  /** A FEEL expression (`=…`) or a static value. */
  source: string;
  /** A variable name, or a dotted path into an object variable. */
  target: string;
}

export interface UserTaskModel {
  implementation: 'JOB_WORKER' | 'ZEEBE_USER_TASK';
  /**
   * What GraphQL shows as `formKey`: `camunda-forms:bpmn:<id>` for embedded
   * and linked forms (the form is stored with the definition), any other
   * text for a custom form, undefined for none.
   */
  formKey?: string | undefined;
  assignee?: string | undefined;
  candidateGroups?: string | undefined;
  candidateUsers?: string | undefined;
  dueDate?: string | undefined;
  followUpDate?: string | undefined;
  inputs: Mapping[];
  outputs: Mapping[];
}

export interface FlowModel {
  id: string;
  targetId: string;
  /** FEEL condition (`=…`), only on flows leaving an exclusive gateway. */
  condition?: string | undefined;
}

export interface ElementModel {
  id: string;
  name?: string | undefined;
  type: ElementType;
  /** Incoming sequence flow ids (a parallel gateway joins over these). */
  incoming: string[];
  /** Outgoing sequence flows in document order (the order conditions are tried). */
  outgoing: FlowModel[];
  /** Exclusive gateways: the flow taken when no condition holds. */
  defaultFlowId?: string | undefined;
  /** `terminateEventDefinition` on an end event. */
  terminate?: boolean | undefined;
  userTask?: UserTaskModel | undefined;
  /**
   * Pass-through elements: output mappings whose source needs no variable,
   * applied to the process scope when the element passes.
   */
  staticOutputs?: Mapping[] | undefined;
  /** Script tasks with `zeebe:script`: a FEEL expression and its result variable. */
  script?: { expression: string; resultVariable: string } | undefined;
}

export interface ProcessModel {
  bpmnProcessId: string;
  name?: string | undefined;
  versionTag?: string | undefined;
  startElementId: string;
  elements: Record<string, ElementModel>;
}

/** Why a file or one of its elements cannot be deployed. */
export interface LoadProblem {
  file: string;
  /** The offending element, when there is one. */
  elementId?: string | undefined;
  reason: string;
}

/** A pass-through element kind noted once per file (it runs, but not as on Zeebe). */
export interface LoadWarning {
  file: string;
  elementId: string;
  kind: string;
  message: string;
}

/** A form referenced by a process, ready to store with its definition. */
export interface CompiledForm {
  formId: string;
  kind: 'embedded' | 'linked';
  schema: string;
}

export interface CompiledProcess {
  model: ProcessModel;
  forms: CompiledForm[];
}

/** Renders a problem the way logs and errors show it. */
export function describeProblem(problem: LoadProblem): string {
  const where = problem.elementId ? ` (element '${problem.elementId}')` : '';
  return `${problem.file}${where}: ${problem.reason}`;
}
