import { Trans, useLingui } from '@lingui/react/macro';
import { Link } from '@tanstack/react-router';
import { Suspense, lazy, useRef, useState } from 'react';
import type { SavedFilterAction } from './saved-filter-menu';
import { MAX_SAVED_FILTERS, type SavedFilter } from './saved-filters';
import { editSavedFilters } from './saved-filters-edit';
import type { TaskSearch, Viewer } from './task-search';
import { sameView } from './task-view';
import { useSavedFilters } from './use-saved-filters';

const SavedFilterMenu = lazy(() =>
  import('./saved-filter-menu').then((m) => ({ default: m.SavedFilterMenu })),
);

type Message = { kind: 'status' | 'alert'; text: string } | null;

/** Stand-in trigger until the menu's code (react-aria) has loaded. */
function ActionsButton(props: {
  filter: SavedFilter;
  onAction: (action: SavedFilterAction, filter: SavedFilter) => void;
}) {
  const { t } = useLingui();
  const [wanted, setWanted] = useState(false);
  const { name } = props.filter;
  const label = t`Actions for ${name}`;
  const standIn = (
    <button
      type="button"
      className="icon-button"
      aria-label={label}
      aria-haspopup="menu"
      aria-expanded={false}
      onClick={() => {
        setWanted(true);
      }}
    >
      <span aria-hidden="true">⋯</span>
    </button>
  );
  if (!wanted) return standIn;
  return (
    <Suspense fallback={standIn}>
      <SavedFilterMenu
        label={label}
        defaultOpen
        onAction={(action) => {
          props.onAction(action, props.filter);
        }}
      />
    </Suspense>
  );
}

function download(text: string, name: string) {
  const url = URL.createObjectURL(
    new Blob([text], { type: 'application/json' }),
  );
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 0);
}

interface SavedFiltersSectionProps {
  search: TaskSearch;
  viewer: Viewer;
  onAction: (action: SavedFilterAction, filter: SavedFilter) => void;
}

/**
 * What an empty list says on a custom view: the saved filter's name when the
 * view is one, else `fallback`. It lives here, loaded after the list, so the
 * first load never reads saved filters.
 */
export function SavedFilterEmptyText({
  search,
  viewer,
  fallback,
}: {
  search: TaskSearch;
  viewer: Viewer;
  fallback: string;
}) {
  const { t } = useLingui();
  const { filters } = useSavedFilters(viewer.username);
  const match = filters.find((f) => sameView(f.search, search, viewer));
  if (!match) return fallback;
  // The same sentence as for a queue, so one translation serves both.
  const filterLabel = match.name;
  return t`There are no tasks in “${filterLabel}” right now.`;
}

/** The user's saved filters under the queues, with export and import. */
export function SavedFiltersSection({
  search,
  viewer,
  onAction,
}: SavedFiltersSectionProps) {
  const { t } = useLingui();
  const saved = useSavedFilters(viewer.username);
  const [message, setMessage] = useState<Message>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const { filters } = saved;

  async function exportAll() {
    const { exportFile } = await import('./saved-filters-file');
    const day = new Date().toISOString().slice(0, 10);
    download(exportFile(filters), `tasklist-inbox-filters-${day}.json`);
    setMessage({ kind: 'status', text: t`The saved filters were exported.` });
  }

  async function importFile(file: File) {
    const { MAX_FILE_BYTES, IMPORT_MESSAGES, parseImportFile, mergeImported } =
      await import('./saved-filters-file');
    const refuse = (text: string) => {
      setMessage({ kind: 'alert', text });
    };
    const refused = (reason: string) => t`${reason} Nothing was changed.`;
    if (file.size > MAX_FILE_BYTES) {
      refuse(refused(IMPORT_MESSAGES.tooLarge()));
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      refuse(t`The file could not be read. Nothing was changed.`);
      return;
    }
    const parsed = parseImportFile(text);
    if (!parsed.ok) {
      refuse(refused(parsed.message));
      return;
    }
    const result = editSavedFilters(saved.username).importFilters((current) =>
      mergeImported(current, parsed.filters),
    );
    const max = MAX_SAVED_FILTERS;
    if (result === null) {
      refuse(
        t`Importing these would make more than ${max} saved filters. Nothing was changed.`,
      );
    } else if (result === false) {
      refuse(
        t`This browser did not let the inbox store the filters. Nothing was changed.`,
      );
    } else {
      const { added, replaced } = result;
      setMessage({
        kind: 'status',
        text: t`Import done: ${added} added, ${replaced} replaced.`,
      });
    }
  }

  return (
    <div className="saved-filters">
      <h3 id="saved-filters-title" className="saved-filters__title">
        <Trans>Saved filters</Trans>
      </h3>
      {filters.length === 0 ? (
        <p className="saved-filters__none">
          <Trans>None yet. Set up a view, then use Save filter.</Trans>
        </p>
      ) : (
        <ul
          className="saved-filters__list"
          aria-labelledby="saved-filters-title"
        >
          {filters.map((filter) => (
            <li key={filter.id} className="saved-filters__item">
              <Link
                to="/tasks"
                search={filter.search}
                className="task-filters__link"
                // Active means this exact view; aria-current below says which.
                activeOptions={{ exact: true, includeSearch: true }}
                aria-current={
                  sameView(filter.search, search, viewer) ? 'page' : undefined
                }
              >
                {filter.name}
              </Link>
              <ActionsButton filter={filter} onAction={onAction} />
            </li>
          ))}
        </ul>
      )}
      <div className="saved-filters__tools">
        <button
          type="button"
          className="link-button"
          aria-label={t`Export saved filters`}
          disabled={filters.length === 0}
          onClick={() => void exportAll()}
        >
          <Trans>Export</Trans>
        </button>
        <button
          type="button"
          className="link-button"
          aria-label={t`Import saved filters`}
          onClick={() => fileRef.current?.click()}
        >
          <Trans>Import</Trans>
        </button>
        <input
          ref={fileRef}
          type="file"
          accept="application/json,.json"
          className="visually-hidden"
          tabIndex={-1}
          aria-label={t`Saved filters file to import`}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void importFile(file);
          }}
        />
      </div>
      <p className="saved-filters__message" role="status">
        {message?.kind === 'status' ? message.text : ''}
      </p>
      {message?.kind === 'alert' ? (
        <p className="inline-error" role="alert">
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
