import { fileURLToPath } from 'node:url';
import {
  type CompiledLoad,
  compileSources,
  deployCompiled,
  type LoadLog,
  readProcessFolder,
} from '../engine/load-processes';
import { describeProblem } from '../engine/model';
import type { ProcessDefinitionRecord, TaskRecord } from '../store/records';
import type { TasklistStore } from '../store/tasklist-store';
import { financeInstances } from './finance-instances';
import { loanInstances } from './loan-instances';
import { peopleInstances } from './people-instances';
import type { InstanceScenario, StepValues } from './scenario-types';
import { HOUR } from './seed-dates';

/**
 * The demo processes: `.bpmn` files (open them in Camunda Modeler) with
 * their linked `.form` files, loaded by the same code as `PROCESSES_DIR`.
 */
export const SEED_PROCESS_DIR = fileURLToPath(
  new URL('./processes', import.meta.url),
);

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

const quiet: LoadLog = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/** Runs one scenario: start, scripted completions, assignment, cancellation. */
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
  const problem = (what: string) =>
    new Error(
      `seed scenario of ${scenario.process} (started ${String(scenario.startedHoursAgo)} h ago): ${what}`,
    );
  const open = (): TaskRecord[] =>
    store.tasks.activeTasksOf(started.processInstanceKey);
  const check = (incidents: { message: string }[]) => {
    if (incidents[0]) throw problem(`incident: ${incidents[0].message}`);
  };
  check(started.incidents);
  for (const outcome of scenario.completed ?? []) {
    const task = outcome.task
      ? open().find((t) => t.elementId === outcome.task)
      : open()[0];
    if (!task)
      throw problem(`no open task to complete (${outcome.task ?? 'any'})`);
    at += outcome.afterHours * HOUR;
    store.assign(task.key, outcome.by);
    check(
      store.complete(
        { ...task, assignee: outcome.by },
        toJsonValues(stepValues(outcome.variables, at)),
        at,
      ).incidents,
    );
  }
  const first = open()[0];
  if (first && scenario.assignee) store.assign(first.key, scenario.assignee);
  if (scenario.canceledAfterHours !== undefined) {
    at += scenario.canceledAfterHours * HOUR;
    store.cancelInstance(started.processInstanceKey, at);
  }
  if (at > now) throw problem('an event lies in the future');
}

/** The seed folder, read and compiled (the asynchronous part of seeding). */
export async function prepareSeed(): Promise<CompiledLoad> {
  const load = await compileSources([
    await readProcessFolder(SEED_PROCESS_DIR),
  ]);
  if (load.refused.length > 0) {
    throw new Error(
      `the seed's own processes were refused: ${load.refused.map(describeProblem).join('; ')}`,
    );
  }
  return load;
}

/**
 * Creates the demo world in an empty store, in one transaction: deploys
 * the seed's processes, then runs every demo instance through them with
 * scripted completions, every time and business date relative to `now`.
 * The same `now` gives the same world, keys included.
 */
export function plantWorld(
  store: TasklistStore,
  seed: CompiledLoad,
  now: number,
  log: LoadLog = quiet,
): SeedSummary {
  const instances = demoInstances(now);
  const earliest = Math.min(
    ...instances.map((i) => now - i.startedHoursAgo * HOUR),
  );
  return store.db.transaction(() => {
    const report = deployCompiled(store, seed, log, earliest);
    const byId = new Map(
      report.deployed.map(({ definition }) => [
        definition.bpmnProcessId,
        definition,
      ]),
    );
    for (const scenario of instances) {
      const definition = byId.get(scenario.process);
      if (!definition) throw new Error(`unknown process ${scenario.process}`);
      playScenario(store, definition, scenario, now);
    }
    const tasks = Number(
      store.db.prepare('SELECT count(*) FROM task').pluck().get(),
    );
    return { processes: byId.size, instances: instances.length, tasks };
  })();
}

/** Reads the seed folder and plants the demo world (see `plantWorld`). */
export async function seedWorld(
  store: TasklistStore,
  now: number,
  log?: LoadLog,
): Promise<SeedSummary> {
  return plantWorld(store, await prepareSeed(), now, log);
}
