import type { ProcessDefinitionRecord } from '../store/records';
import type { TasklistStore } from '../store/tasklist-store';
import { financeInstances } from './finance-instances';
import { loanInstances } from './loan-instances';
import { peopleInstances } from './people-instances';
import { DEMO_PROCESSES } from './processes';
import type { InstanceScenario, StepValues } from './scenario-types';
import { HOUR } from './seed-dates';

/**
 * The demo instances for a seed clock. Their business values (invoice
 * dates, vacation days, statement months...) derive from `now` like the
 * task dates do, so the world reads as current on any day.
 */
export function demoInstances(now: number): InstanceScenario[] {
  return [
    ...financeInstances(now),
    ...peopleInstances(now),
    ...loanInstances(now),
  ];
}

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

const stepValues = (values: StepValues | undefined, completedAt: number) =>
  typeof values === 'function' ? values(completedAt) : (values ?? {});

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
      toJsonValues(stepValues(outcome.variables, at)),
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
 * instances, with every time and business date relative to `now`. The same
 * `now` gives the same world, keys included.
 */
export function seedWorld(store: TasklistStore, now: number): SeedSummary {
  const instances = demoInstances(now);
  return store.db.transaction(() => {
    const definitions = DEMO_PROCESSES.map((process) => store.deploy(process));
    for (const scenario of instances) {
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
      instances: instances.length,
      tasks,
    };
  })();
}
