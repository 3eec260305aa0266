import { useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { formatDate } from '../../lib/dates';
import {
  TASK_FILTER_PROCESSES_QUERY,
  processLabel,
} from './filter-processes-query';
import { STATE_LABELS } from './labels';
import type { ConditionKey, TaskConditions } from './task-search';

const TEXT = {
  list: 'Active filters',
  remove: (chip: string) => `Remove ${chip}`,
  clear: 'Clear all',
  state: (state: string) => `State: ${state}`,
  assignee: (who: string) => `Assignee: ${who}`,
  me: 'Me',
  unassigned: 'Unassigned',
  group: (group: string) => `Candidate group: ${group}`,
  user: (user: string) => `Candidate user: ${user}`,
  process: (name: string) => `Process: ${name}`,
  instance: (key: string) => `Process instance: ${key}`,
  definition: (id: string) => `Task definition: ${id}`,
  due: {
    both: (from: string, to: string) => `Due ${from} – ${to}`,
    from: (from: string) => `Due from ${from}`,
    to: (to: string) => `Due by ${to}`,
  },
  followUp: {
    both: (from: string, to: string) => `Follow-up ${from} – ${to}`,
    from: (from: string) => `Follow-up from ${from}`,
    to: (to: string) => `Follow-up by ${to}`,
  },
};

export interface Chip {
  label: string;
  /** The conditions removing the chip drops. */
  keys: ConditionKey[];
}

function day(value: string): string {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  return formatDate(new Date(y, m - 1, d));
}

function rangeChip(
  text: typeof TEXT.due,
  from: string | undefined,
  to: string | undefined,
  keys: ConditionKey[],
): Chip | null {
  if (from && to) return { label: text.both(day(from), day(to)), keys };
  if (from) return { label: text.from(day(from)), keys };
  if (to) return { label: text.to(day(to)), keys };
  return null;
}

/** One chip per active condition (a date range is one condition). */
export function chipsOf(
  c: TaskConditions,
  processName: (key: string) => string,
): Chip[] {
  const assignee = c.assignee;
  const who =
    assignee === 'me'
      ? TEXT.me
      : assignee === 'unassigned'
        ? TEXT.unassigned
        : assignee?.slice('user:'.length);
  const chips: (Chip | null)[] = [
    c.state
      ? { label: TEXT.state(STATE_LABELS[c.state]), keys: ['state'] }
      : null,
    who ? { label: TEXT.assignee(who), keys: ['assignee'] } : null,
    c.process
      ? { label: TEXT.process(processName(c.process)), keys: ['process'] }
      : null,
    c.candidateGroup
      ? { label: TEXT.group(c.candidateGroup), keys: ['candidateGroup'] }
      : null,
    c.candidateUser
      ? { label: TEXT.user(c.candidateUser), keys: ['candidateUser'] }
      : null,
    rangeChip(TEXT.due, c.dueFrom, c.dueTo, ['dueFrom', 'dueTo']),
    rangeChip(TEXT.followUp, c.followUpFrom, c.followUpTo, [
      'followUpFrom',
      'followUpTo',
    ]),
    c.processInstance
      ? { label: TEXT.instance(c.processInstance), keys: ['processInstance'] }
      : null,
    c.taskDefinition
      ? { label: TEXT.definition(c.taskDefinition), keys: ['taskDefinition'] }
      : null,
  ];
  return chips.filter((chip): chip is Chip => chip !== null);
}

interface FilterChipsProps {
  conditions: TaskConditions;
  onRemove: (keys: ConditionKey[]) => void;
  onClear: () => void;
  /** Where focus goes when the last chip is gone. */
  fallbackFocusId: string;
}

/** The active conditions of a custom filter, each removable on its own. */
export function FilterChips({
  conditions,
  onRemove,
  onClear,
  fallbackFocusId,
}: FilterChipsProps) {
  const { data } = useQuery(TASK_FILTER_PROCESSES_QUERY, {
    skip: !conditions.process,
  });
  const chips = chipsOf(conditions, (key) => {
    const found = data?.processes.find((p) => p.id === key);
    return found ? processLabel(found) : key;
  });
  const listRef = useRef<HTMLUListElement>(null);
  const shown = chips.map((chip) => chip.label).join('\n');
  const [refocus, setRefocus] = useState<{
    index: number;
    before: string;
  } | null>(null);

  // A removed chip takes its button with it: once the chips changed, focus
  // the chip that took its place, else the filter button, so keyboard users
  // are never dropped.
  useEffect(() => {
    if (refocus === null || refocus.before === shown) return;
    const buttons = listRef.current?.querySelectorAll('button') ?? [];
    const target =
      buttons[Math.min(refocus.index, buttons.length - 1)] ??
      document.getElementById(fallbackFocusId);
    target?.focus();
    setRefocus(null);
  }, [refocus, shown, fallbackFocusId]);

  if (chips.length === 0) return null;
  return (
    <div className="filter-chips">
      <ul ref={listRef} className="filter-chips__list" aria-label={TEXT.list}>
        {chips.map((chip, index) => (
          <li key={chip.keys.join()} className="chip">
            <span>{chip.label}</span>
            <button
              type="button"
              className="chip__remove"
              aria-label={TEXT.remove(chip.label)}
              onClick={() => {
                setRefocus({ index, before: shown });
                onRemove(chip.keys);
              }}
            >
              <span aria-hidden="true">×</span>
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="link-button"
        onClick={() => {
          setRefocus({ index: 0, before: shown });
          onClear();
        }}
      >
        {TEXT.clear}
      </button>
    </div>
  );
}
