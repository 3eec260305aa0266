import { t } from '@lingui/core/macro';
import { processLabel, type FilterProcess } from './filter-processes-query';

// The dialog's process choices; apart from the query, which the chips share
// on the first load.

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
  /** The active language: it names the choices and orders them. */
  locale: string,
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
      const id = p.processDefinitionId ?? '';
      return {
        id: p.id,
        label: twin ? t`${label} (${id})` : label,
      };
    })
    .sort((a, b) => a.label.localeCompare(b.label, locale));
  if (current && !items.some((item) => item.id === current)) {
    items.push({
      id: current,
      label: t`Process ${current} (not among the current processes)`,
    });
  }
  return [{ id: ANY_PROCESS, label: t`Any process` }, ...items];
}
