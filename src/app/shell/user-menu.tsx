import { Trans, useLingui } from '@lingui/react/macro';
import {
  useShortcutsEnabled,
  writeShortcutsEnabled,
} from '../lib/shortcuts-setting';
import {
  Button as AriaButton,
  Header,
  Menu,
  MenuItem,
  MenuSection,
  MenuTrigger,
  Popover,
} from 'react-aria-components';
import {
  LOCALE_NAMES,
  SUPPORTED_LOCALES,
  isSupportedLocale,
} from '../i18n/locales';
import { AriaLocale } from '../i18n/aria-locale';
import { useLocale } from '../i18n/use-locale';

interface UserMenuProps {
  name: string;
  username: string;
  onSignOut: () => void;
  onShowShortcuts: () => void;
  /** Open at once: the user already pressed the stand-in trigger. */
  defaultOpen?: boolean;
}

/**
 * The signed-in user's name; its menu holds the `Language` choice, the
 * keyboard-shortcuts switch (a checkbox item), the shortcuts list and
 * `Sign out`. Each language is listed by its own name (and marked with its
 * `lang`), so a reader finds theirs whatever language the page is in.
 */
export function UserMenu({
  name,
  username,
  onSignOut,
  onShowShortcuts,
  defaultOpen = false,
}: UserMenuProps) {
  const { t } = useLingui();
  const { locale, changeLocale } = useLocale();
  const shortcutsEnabled = useShortcutsEnabled();
  return (
    <AriaLocale>
      <MenuTrigger defaultOpen={defaultOpen}>
        <AriaButton
          className="button button--ghost button--small user-menu__trigger"
          aria-label={t`Account: ${name}`}
        >
          <span aria-hidden="true" className="user-menu__avatar">
            {name.slice(0, 1).toUpperCase()}
          </span>
          <span>{name}</span>
        </AriaButton>
        <Popover className="popover" placement="bottom end">
          <Menu
            className="menu"
            aria-label={t`Account of ${username}`}
            autoFocus="first"
            onAction={(key) => {
              if (key === 'sign-out') onSignOut();
              if (key === 'show-shortcuts') onShowShortcuts();
            }}
          >
            <MenuSection
              className="menu__section"
              selectionMode="single"
              disallowEmptySelection
              selectedKeys={[locale]}
              onSelectionChange={(keys) => {
                const [next] = keys === 'all' ? [] : [...keys];
                if (isSupportedLocale(next) && next !== locale) {
                  void changeLocale(next);
                }
              }}
            >
              <Header className="menu__header">
                <Trans>Language</Trans>
              </Header>
              {SUPPORTED_LOCALES.map((code) => (
                <MenuItem
                  key={code}
                  id={code}
                  className="menu__item menu__item--choice"
                  textValue={LOCALE_NAMES[code]}
                >
                  <span lang={code}>{LOCALE_NAMES[code]}</span>
                </MenuItem>
              ))}
            </MenuSection>
            <MenuSection
              className="menu__section"
              aria-label={t`Settings`}
              selectionMode="multiple"
              selectedKeys={shortcutsEnabled ? ['shortcuts'] : []}
              onSelectionChange={(keys) => {
                writeShortcutsEnabled(keys === 'all' || keys.has('shortcuts'));
              }}
            >
              <MenuItem id="shortcuts" className="menu__item menu__item--check">
                <Trans>Keyboard shortcuts</Trans>
              </MenuItem>
            </MenuSection>
            <MenuSection
              className="menu__section"
              aria-label={t`Account actions`}
            >
              <MenuItem id="show-shortcuts" className="menu__item">
                <Trans>Show keyboard shortcuts</Trans>
              </MenuItem>
              <MenuItem id="sign-out" className="menu__item">
                <Trans>Sign out</Trans>
              </MenuItem>
            </MenuSection>
          </Menu>
        </Popover>
      </MenuTrigger>
    </AriaLocale>
  );
}
