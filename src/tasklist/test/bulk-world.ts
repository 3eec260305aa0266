import type { TasklistStore } from '../store/tasklist-store';
import { deployLinear } from './model-builder';
import { DAY, HOUR, T0 } from './world-builder';

const MINUTE = 60_000;

/**
 * Many tasks with many ties, for sorting and paging tests: three one-task
 * processes (due and follow-up dates, only a follow-up date, no dates),
 * creation times that repeat every 97 tasks, every fifth task completed at
 * repeating times and every seventh assigned. Built in one transaction.
 */
export function addBulkTasks(store: TasklistStore, count: number): void {
  const definitions = [
    deployLinear(store, {
      id: 'alpha',
      name: 'Alpha',
      tasks: [
        {
          id: 'check',
          name: 'Check',
          userTask: { dueDate: '=due', followUpDate: '=followUp' },
        },
      ],
    }),
    deployLinear(store, {
      id: 'beta',
      name: 'Beta',
      tasks: [
        {
          id: 'approve',
          name: 'Approve',
          userTask: { followUpDate: '=later' },
        },
      ],
    }),
    deployLinear(store, {
      id: 'gamma',
      name: 'Gamma',
      tasks: [{ id: 'archive', name: 'Archive' }],
    }),
  ];
  const iso = (at: number) => JSON.stringify(new Date(at).toISOString());
  store.db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const definition = definitions[i % definitions.length];
      if (!definition) throw new Error('three definitions');
      const at = T0 + (i % 97) * MINUTE;
      const variables = new Map([
        ['due', iso(at + DAY)],
        ['followUp', iso(at + HOUR)],
        ['later', iso(at + 2 * HOUR)],
      ]);
      const { task } = store.startInstance(definition, variables, at);
      if (!task) throw new Error('every process has a task');
      if (i % 5 === 0) {
        store.complete(task, new Map(), at + HOUR + (i % 13) * MINUTE);
      } else if (i % 7 === 0) {
        store.assign(task.key, 'demo');
      }
    }
  })();
}
