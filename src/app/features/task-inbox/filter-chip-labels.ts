import { i18n } from '@lingui/core';
import { t } from '@lingui/core/macro';
import { formatDate } from '../../lib/dates';
import { STATE_LABELS } from './labels';
import type { ConditionKey, TaskConditions } from './task-search';

/**
 * What a date range's chip says, in the active language (the chips render
 * again when it changes).
 */
interface RangeText {
  both: (from: string, to: string) => string;
  from: (from: string) => string;
  to: (to: string) => string;
}

const DUE: RangeText = {
  both: (from, to) => t`Due ${from} – ${to}`,
  from: (from) => t`Due from ${from}`,
  to: (to) => t`Due by ${to}`,
};

const FOLLOW_UP: RangeText = {
  both: (from, to) => t`Follow-up ${from} – ${to}`,
  from: (from) => t`Follow-up from ${from}`,
  to: (to) => t`Follow-up by ${to}`,
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
  text: RangeText,
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
      ? t`Me`
      : assignee === 'unassigned'
        ? t({ message: 'Unassigned', context: 'assignee' })
        : assignee?.slice('user:'.length);
  const state = c.state ? i18n._(STATE_LABELS[c.state]) : null;
  const process = c.process ? processName(c.process) : null;
  const { candidateGroup, candidateUser, processInstance, taskDefinition } = c;
  const chips: (Chip | null)[] = [
    state ? { label: t`State: ${state}`, keys: ['state'] } : null,
    who ? { label: t`Assignee: ${who}`, keys: ['assignee'] } : null,
    process ? { label: t`Process: ${process}`, keys: ['process'] } : null,
    candidateGroup
      ? {
          label: t`Candidate group: ${candidateGroup}`,
          keys: ['candidateGroup'],
        }
      : null,
    candidateUser
      ? { label: t`Candidate user: ${candidateUser}`, keys: ['candidateUser'] }
      : null,
    rangeChip(DUE, c.dueFrom, c.dueTo, ['dueFrom', 'dueTo']),
    rangeChip(FOLLOW_UP, c.followUpFrom, c.followUpTo, [
      'followUpFrom',
      'followUpTo',
    ]),
    processInstance
      ? {
          label: t`Process instance: ${processInstance}`,
          keys: ['processInstance'],
        }
      : null,
    taskDefinition
      ? {
          label: t`Task definition: ${taskDefinition}`,
          keys: ['taskDefinition'],
        }
      : null,
  ];
  return chips.filter((chip): chip is Chip => chip !== null);
}
