import { Trans } from '@lingui/react/macro';
import {
  Button as AriaButton,
  Menu,
  MenuItem,
  MenuTrigger,
  Popover,
} from 'react-aria-components';
import { AriaLocale } from '../../i18n/aria-locale';

export type SavedFilterAction = 'edit' | 'rename' | 'delete';

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
    <AriaLocale>
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
              <Trans>Edit</Trans>
            </MenuItem>
            <MenuItem id="rename" className="menu__item">
              <Trans>Rename</Trans>
            </MenuItem>
            <MenuItem id="delete" className="menu__item">
              <Trans>Delete</Trans>
            </MenuItem>
          </Menu>
        </Popover>
      </MenuTrigger>
    </AriaLocale>
  );
}
