import {
  Button as AriaButton,
  Menu,
  MenuItem,
  MenuTrigger,
  Popover,
} from 'react-aria-components';

interface UserMenuProps {
  name: string;
  username: string;
  onSignOut: () => void;
  /** Open at once: the user already pressed the stand-in trigger. */
  defaultOpen?: boolean;
}

/** The signed-in user's name; its menu holds `Sign out`. */
export function UserMenu({
  name,
  username,
  onSignOut,
  defaultOpen = false,
}: UserMenuProps) {
  return (
    <MenuTrigger defaultOpen={defaultOpen}>
      <AriaButton
        className="button button--ghost button--small user-menu__trigger"
        aria-label={`Account: ${name}`}
      >
        <span aria-hidden="true" className="user-menu__avatar">
          {name.slice(0, 1).toUpperCase()}
        </span>
        <span>{name}</span>
      </AriaButton>
      <Popover className="popover" placement="bottom end">
        <Menu
          className="menu"
          aria-label={`Account of ${username}`}
          autoFocus="first"
          onAction={(key) => {
            if (key === 'sign-out') onSignOut();
          }}
        >
          <MenuItem id="sign-out" className="menu__item">
            Sign out
          </MenuItem>
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
