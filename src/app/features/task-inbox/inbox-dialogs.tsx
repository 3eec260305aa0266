import { useLingui } from '@lingui/react/macro';
import { showToast } from '../../components/toast-queue';
import { DeleteFilterDialog } from './delete-filter-dialog';
import { FilterDialog } from './filter-dialog';
import { formFrom } from './filter-form';
import { SaveFilterDialog } from './save-filter-dialog';
import type { SavedFilter } from './saved-filters';
import { editSavedFilters } from './saved-filters-edit';
import {
  compact,
  parseTaskSearch,
  type TaskSearch,
  type Viewer,
} from './task-search';
import { searchFor, viewOf, type TaskView } from './task-view';

/** Which of the inbox's dialogs is open. */
export type InboxDialogState =
  | { kind: 'filter' }
  | { kind: 'edit'; filter: SavedFilter }
  | { kind: 'save' }
  | { kind: 'rename'; filter: SavedFilter }
  | { kind: 'delete'; filter: SavedFilter };

interface InboxDialogsProps {
  state: InboxDialogState;
  view: TaskView;
  search: TaskSearch;
  viewer: Viewer;
  onShow: (search: TaskSearch) => void;
  onClose: () => void;
}

/** The inbox's dialogs, loaded together the first time one opens. */
export function InboxDialogs({
  state,
  view,
  search,
  viewer,
  onShow,
  onClose,
}: InboxDialogsProps) {
  const { t } = useLingui();
  const edit = editSavedFilters(viewer.username);
  const storageFailed = t`The change could not be stored in this browser.`;
  const done = (title: string) => {
    showToast({ title, kind: 'success' });
    onClose();
  };
  switch (state.kind) {
    case 'filter':
      return (
        <FilterDialog
          viewer={viewer}
          initial={formFrom(view.conditions, view.sort)}
          onSubmit={({ conditions, sort }) => {
            onShow(searchFor(conditions, sort, viewer));
            onClose();
          }}
          onClose={onClose}
        />
      );
    case 'edit': {
      const { filter } = state;
      const current = viewOf(filter.search, viewer);
      return (
        <FilterDialog
          viewer={viewer}
          editing={filter.name}
          initial={formFrom(current.conditions, current.sort)}
          onSubmit={({ conditions, sort }) => {
            const next = searchFor(conditions, sort, viewer);
            if (!edit.update(filter.id, next)) {
              showToast({ title: storageFailed, kind: 'error' });
              return;
            }
            onShow(next);
            const { name } = filter;
            done(t`Updated “${name}”`);
          }}
          onClose={onClose}
        />
      );
    }
    case 'save':
      return (
        <SaveFilterDialog
          check={(name) => edit.check(name)}
          onSave={(name) => {
            // What Save filter keeps: the view in its shortest form, and
            // only the inbox's own parameters (never `embed`).
            const kept = view.noGroup
              ? compact(parseTaskSearch({ ...search }))
              : searchFor(view.conditions, view.sort, viewer);
            const ok = edit.save(name, kept);
            const saved = name.trim();
            if (ok) done(t`Saved “${saved}”`);
            return ok;
          }}
          onClose={onClose}
        />
      );
    case 'rename': {
      const { filter } = state;
      return (
        <SaveFilterDialog
          renaming={filter.name}
          check={(name) => edit.check(name, filter.id)}
          onSave={(name) => {
            const ok = edit.rename(filter.id, name);
            const renamed = name.trim();
            if (ok) done(t`Renamed to “${renamed}”`);
            return ok;
          }}
          onClose={onClose}
        />
      );
    }
    case 'delete': {
      const { filter } = state;
      return (
        <DeleteFilterDialog
          name={filter.name}
          onDelete={() => {
            const { name } = filter;
            if (edit.remove(filter.id)) done(t`Deleted “${name}”`);
            else showToast({ title: storageFailed, kind: 'error' });
          }}
          onClose={onClose}
        />
      );
    }
  }
}
