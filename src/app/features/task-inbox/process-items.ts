import { processLabel, type FilterProcess } from './filter-processes-query';

// The dialog's process choices; apart from the query, which the chips share
// on the first load.
const TEXT = {
  anyProcess: 'Any process',
  unlisted: (key: string) => `Process ${key} (not among the current processes)`,
  withId: (name: string, id: string) => `${name} (${id})`,
};

/** The `Process` field's "no process" choice. */
export const ANY_PROCESS = '__any__';

export interface ProcessItem {
  id: string;
  label: string;
}

/** Any process first, then the processes A–Z; twins named apart by their BPMN id. */
export function processItems(
  processes: readonly FilterProcess[],
  current: string,
): ProcessItem[] {
  const names = new Map<string, number>();
  for (const p of processes) {
    const label = processLabel(p);
    names.set(label, (names.get(label) ?? 0) + 1);
  }
  const items = processes
    .map((p) => {
      const label = processLabel(p);
      const twin = (names.get(label) ?? 0) > 1 && p.processDefinitionId;
      return {
        id: p.id,
        label: twin ? TEXT.withId(label, p.processDefinitionId ?? '') : label,
      };
    })
    .sort((a, b) => a.label.localeCompare(b.label));
  if (current && !items.some((item) => item.id === current)) {
    items.push({ id: current, label: TEXT.unlisted(current) });
  }
  return [{ id: ANY_PROCESS, label: TEXT.anyProcess }, ...items];
}
