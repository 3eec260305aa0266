import type { ProcessDefinitionRecord } from '../store/records';
import type { TasklistStore } from '../store/tasklist-store';
import { FINANCE_INSTANCES } from './finance-instances';
import { LOAN_INSTANCES } from './loan-instances';
import { PEOPLE_INSTANCES } from './people-instances';
import { DEMO_PROCESSES } from './processes';
import type { InstanceScenario } from './scenario-types';

const HOUR = 3_600_000;

export const DEMO_INSTANCES: InstanceScenario[] = [
  ...FINANCE_INSTANCES,
  ...PEOPLE_INSTANCES,
  ...LOAN_INSTANCES,
];

export interface SeedSummary {
  processes: number;
  instances: number;
  tasks: number;
}

const toJsonValues = (variables: Record<string, unknown>) =>
  new Map(
    Object.entries(variables).map(([name, value]) => [
      name,
      JSON.stringify(value),
    ]),
  );

function playScenario(
  store: TasklistStore,
  definition: ProcessDefinitionRecord,
  scenario: InstanceScenario,
  now: number,
): void {
  let at = now - scenario.startedHoursAgo * HOUR;
  const started = store.startInstance(
    definition,
    toJsonValues(scenario.variables),
    at,
  );
  let task = started.task;
  for (const outcome of scenario.completed ?? []) {
    if (!task) throw new Error(`${scenario.process}: more outcomes than steps`);
    at += outcome.afterHours * HOUR;
    store.assign(task.key, outcome.by);
    store.complete(
      { ...task, assignee: outcome.by },
      toJsonValues(outcome.variables ?? {}),
      at,
    );
    task = store.tasks.activeTasksOf(started.processInstanceKey)[0];
  }
  if (task && scenario.assignee) store.assign(task.key, scenario.assignee);
  if (scenario.canceledAfterHours !== undefined) {
    at += scenario.canceledAfterHours * HOUR;
    store.cancelInstance(started.processInstanceKey, at);
  }
  if (at > now)
    throw new Error(`${scenario.process}: a scenario event lies in the future`);
}

/**
 * Creates the demo world in an empty store: the demo processes and their
 * instances, with every time relative to `now`. The same `now` gives the
 * same world, keys included.
 */
export function seedWorld(store: TasklistStore, now: number): SeedSummary {
  return store.db.transaction(() => {
    const definitions = DEMO_PROCESSES.map((process) => store.deploy(process));
    for (const scenario of DEMO_INSTANCES) {
      const definition = definitions.find(
        (d) =>
          d.bpmnProcessId === scenario.process &&
          d.version === scenario.version,
      );
      if (!definition)
        throw new Error(
          `unknown process ${scenario.process} v${scenario.version}`,
        );
      playScenario(store, definition, scenario, now);
    }
    const tasks = Number(
      store.db.prepare('SELECT count(*) FROM task').pluck().get(),
    );
    return {
      processes: definitions.length,
      instances: DEMO_INSTANCES.length,
      tasks,
    };
  })();
}
