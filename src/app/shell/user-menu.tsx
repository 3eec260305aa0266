import {
  useShortcutsEnabled,
  writeShortcutsEnabled,
} from '../lib/shortcuts-setting';
import {
  Button as AriaButton,
  Menu,
  MenuItem,
  MenuSection,
  MenuTrigger,
  Popover,
} from 'react-aria-components';

const TEXT = {
  trigger: (name: string) => `Account: ${name}`,
  menu: (username: string) => `Account of ${username}`,
  settings: 'Settings',
  shortcuts: 'Keyboard shortcuts',
  actions: 'Account actions',
  showShortcuts: 'Show keyboard shortcuts',
  signOut: 'Sign out',
};

interface UserMenuProps {
  name: string;
  username: string;
  onSignOut: () => void;
  onShowShortcuts: () => void;
  /** Open at once: the user already pressed the stand-in trigger. */
  defaultOpen?: boolean;
}

/**
 * The signed-in user's name; its menu holds the keyboard-shortcuts switch
 * (a checkbox item), the shortcuts list and `Sign out`.
 */
export function UserMenu({
  name,
  username,
  onSignOut,
  onShowShortcuts,
  defaultOpen = false,
}: UserMenuProps) {
  const shortcutsEnabled = useShortcutsEnabled();
  return (
    <MenuTrigger defaultOpen={defaultOpen}>
      <AriaButton
        className="button button--ghost button--small user-menu__trigger"
        aria-label={TEXT.trigger(name)}
      >
        <span aria-hidden="true" className="user-menu__avatar">
          {name.slice(0, 1).toUpperCase()}
        </span>
        <span>{name}</span>
      </AriaButton>
      <Popover className="popover" placement="bottom end">
        <Menu
          className="menu"
          aria-label={TEXT.menu(username)}
          autoFocus="first"
          onAction={(key) => {
            if (key === 'sign-out') onSignOut();
            if (key === 'show-shortcuts') onShowShortcuts();
          }}
        >
          <MenuSection
            aria-label={TEXT.settings}
            selectionMode="multiple"
            selectedKeys={shortcutsEnabled ? ['shortcuts'] : []}
            onSelectionChange={(keys) => {
              writeShortcutsEnabled(keys === 'all' || keys.has('shortcuts'));
            }}
          >
            <MenuItem id="shortcuts" className="menu__item menu__item--check">
              {TEXT.shortcuts}
            </MenuItem>
          </MenuSection>
          <MenuSection aria-label={TEXT.actions}>
            <MenuItem id="show-shortcuts" className="menu__item">
              {TEXT.showShortcuts}
            </MenuItem>
            <MenuItem id="sign-out" className="menu__item">
              {TEXT.signOut}
            </MenuItem>
          </MenuSection>
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
