import { i18n } from '@lingui/core';
import { formatDate } from '../../lib/dates';
import { STATE_LABELS } from './labels';
import type { ConditionKey, TaskConditions } from './task-search';

/** What each condition's chip says. */
const TEXT = {
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
  return formatDate(new Date(y, m - 1, d), i18n.locale);
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
      ? { label: TEXT.state(i18n._(STATE_LABELS[c.state])), keys: ['state'] }
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
