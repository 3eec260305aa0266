/**
 * Variables a step sets: fixed values, or values computed from the moment
 * the step completed (epoch milliseconds), for business dates that follow
 * the event, such as the day an expense was reimbursed.
 */
export type StepValues =
  Record<string, unknown> | ((completedAt: number) => Record<string, unknown>);

/** What happened to one step of a demo instance before "now". */
export interface StepOutcome {
  /** Hours after the previous event (the start or the previous completion). */
  afterHours: number;
  /** Who claimed and completed the task. */
  by: string;
  variables?: StepValues;
}

/** One demo process instance and its history up to "now". */
export interface InstanceScenario {
  process: string;
  version: number;
  startedHoursAgo: number;
  variables: Record<string, unknown>;
  completed?: StepOutcome[];
  /** The open task is assigned to this user. */
  assignee?: string;
  /** The instance was canceled this many hours after its last event. */
  canceledAfterHours?: number;
}
