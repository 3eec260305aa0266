import { readdirSync, readFileSync } from 'node:fs';
import { loadProcesses } from './src/tasklist/engine/load-processes';
import { TasklistStore } from './src/tasklist/store/tasklist-store';
const R = '/work/shared/reference/';
const store = TasklistStore.open(':memory:', () => Date.parse('2024-05-10T08:00:00Z'), { warn: (d, m) => console.log('ENGINE WARN', m) });
const log = { info: (d: object, m: string) => console.log('INFO', m), warn: (d: object, m: string) => console.log('WARN', m), error: (d: object, m: string) => console.log('ERROR', m) };
const t0 = performance.now();
const report = await loadProcesses(store, [{
  bpmn: readdirSync(R + 'bpmn').map(f => ({ file: f, text: readFileSync(R + 'bpmn/' + f, 'utf8') })),
  forms: readdirSync(R + 'forms').map(f => ({ file: f, text: readFileSync(R + 'forms/' + f, 'utf8') })),
}], log);
console.log('ms', performance.now() - t0);
for (const d of report.deployed) {
  const s = store.startInstance(d.definition);
  console.log(d.definition.bpmnProcessId, s.tasks.map(t => [t.name, t.formKey, t.candidateGroups, t.candidateUsers, t.assignee, t.implementation]), s.incidents.map(i => i.message));
}
