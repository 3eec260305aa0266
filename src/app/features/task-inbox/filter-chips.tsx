import { skipToken, useQuery } from '@apollo/client/react';
import { Trans, useLingui } from '@lingui/react/macro';
import { useEffect, useRef } from 'react';
import { chipsOf } from './filter-chip-labels';
import {
  TASK_FILTER_PROCESSES_QUERY,
  processLabel,
} from './filter-processes-query';
import type {
  ConditionKey,
  TaskConditions,
  TaskSearch,
  Viewer,
} from './task-search';
import { searchFor, type TaskView } from './task-view';

interface FilterChipsProps {
  view: TaskView;
  viewer: Viewer;
  /** Shows the view without the removed conditions. */
  onShow: (search: TaskSearch) => void;
  /** Where focus goes when the last chip is gone. */
  fallbackFocusId: string;
}

function without(
  conditions: TaskConditions,
  keys: readonly ConditionKey[],
): TaskConditions {
  // searchFor compacts, so a dropped condition is simply left undefined.
  const kept: TaskConditions = { ...conditions };
  for (const key of keys) kept[key] = undefined;
  return kept;
}

/** The active conditions of a custom filter, each removable on its own. */
export function FilterChips({
  view,
  viewer,
  onShow,
  fallbackFocusId,
}: FilterChipsProps) {
  // Also re-renders the chips, whose labels are made here, in a new language.
  const { t } = useLingui();
  const { conditions, sort } = view;
  const { data } = useQuery(
    TASK_FILTER_PROCESSES_QUERY,
    conditions.process ? {} : skipToken,
  );
  const chips = chipsOf(conditions, (key) => {
    const found = data?.processes.find((p) => p.id === key);
    return found ? processLabel(found) : key;
  });
  const listRef = useRef<HTMLUListElement>(null);
  const shown = chips.map((chip) => chip.label).join('\n');
  const refocus = useRef<{ index: number; before: string } | null>(null);

  // A removed chip takes its button with it: once the chips changed, focus
  // the chip that took its place, else the filter button, so keyboard users
  // are never dropped.
  useEffect(() => {
    const wanted = refocus.current;
    if (wanted === null || wanted.before === shown) return;
    refocus.current = null;
    const buttons = listRef.current?.querySelectorAll('button') ?? [];
    const target =
      buttons[Math.min(wanted.index, buttons.length - 1)] ??
      document.getElementById(fallbackFocusId);
    target?.focus();
  }, [shown, fallbackFocusId]);

  if (chips.length === 0) return null;
  return (
    <div className="filter-chips">
      <ul
        ref={listRef}
        className="filter-chips__list"
        aria-label={t`Active filters`}
      >
        {chips.map(({ label, keys }, index) => (
          <li key={keys.join()} className="chip">
            <span>{label}</span>
            <button
              type="button"
              className="chip__remove"
              aria-label={t`Remove ${label}`}
              onClick={() => {
                refocus.current = { index, before: shown };
                onShow(searchFor(without(conditions, keys), sort, viewer));
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
          refocus.current = { index: 0, before: shown };
          onShow(searchFor({}, sort, viewer));
        }}
      >
        <Trans>Clear all</Trans>
      </button>
    </div>
  );
}
