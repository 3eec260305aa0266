/**
 * Variables a step sets: fixed values, or values computed from the moment
 * the step completed (epoch milliseconds), for business dates that follow
 * the event, such as the day an expense was reimbursed.
 */
export type StepValues =
  Record<string, unknown> | ((completedAt: number) => Record<string, unknown>);

/** What happened to one user task of a demo instance before "now". */
export interface StepOutcome {
  /**
   * The element id of the open task to complete; by default the oldest open
   * task (parallel branches have several).
   */
  task?: string;
  /** Hours after the previous event (the start or the previous completion). */
  afterHours: number;
  /** Who claimed and completed the task. */
  by: string;
  variables?: StepValues;
}

/**
 * One demo process instance and its history up to "now": the seed starts
 * the process with `variables` and completes its user tasks as `completed`
 * says, so the gateways route it like any other instance.
 */
export interface InstanceScenario {
  /** The BPMN process id. */
  process: string;
  startedHoursAgo: number;
  variables: Record<string, unknown>;
  completed?: StepOutcome[];
  /** The oldest open task is assigned to this user. */
  assignee?: string;
  /** The instance was canceled this many hours after its last event. */
  canceledAfterHours?: number;
}
