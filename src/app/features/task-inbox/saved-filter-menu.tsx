import {
  Button as AriaButton,
  Menu,
  MenuItem,
  MenuTrigger,
  Popover,
} from 'react-aria-components';

export type SavedFilterAction = 'edit' | 'rename' | 'delete';

const TEXT = {
  edit: 'Edit',
  rename: 'Rename',
  delete: 'Delete',
};

/** A saved filter's menu: Edit, Rename, Delete. */
export function SavedFilterMenu({
  label,
  onAction,
  defaultOpen = false,
}: {
  /** The trigger's and the menu's accessible name, e.g. "Actions for Invoices". */
  label: string;
  onAction: (action: SavedFilterAction) => void;
  defaultOpen?: boolean;
}) {
  return (
    <MenuTrigger defaultOpen={defaultOpen}>
      <AriaButton className="icon-button" aria-label={label}>
        <span aria-hidden="true">⋯</span>
      </AriaButton>
      <Popover className="popover" placement="bottom end">
        <Menu
          className="menu"
          aria-label={label}
          autoFocus="first"
          onAction={(key) => {
            onAction(key as SavedFilterAction);
          }}
        >
          <MenuItem id="edit" className="menu__item">
            {TEXT.edit}
          </MenuItem>
          <MenuItem id="rename" className="menu__item">
            {TEXT.rename}
          </MenuItem>
          <MenuItem id="delete" className="menu__item">
            {TEXT.delete}
          </MenuItem>
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
