import { useLingui } from '@lingui/react/macro';
import { Suspense, lazy, useState } from 'react';

const UserMenu = lazy(() =>
  import('./user-menu').then((m) => ({ default: m.UserMenu })),
);

interface LazyUserMenuProps {
  name: string;
  username: string;
  onSignOut: () => void;
  onShowShortcuts: () => void;
}

function TriggerLook({
  name,
  onPress,
}: {
  name: string;
  onPress?: () => void;
}) {
  const { t } = useLingui();
  return (
    <button
      type="button"
      className="button button--ghost button--small user-menu__trigger"
      aria-label={t`Account: ${name}`}
      aria-haspopup="menu"
      aria-expanded={false}
      onClick={onPress}
    >
      <span aria-hidden="true" className="user-menu__avatar">
        {name.slice(0, 1).toUpperCase()}
      </span>
      <span>{name}</span>
    </button>
  );
}

/**
 * The account menu's code (react-aria's menu and popover, ~26 kB gzipped)
 * loads when the user first opens it; until then a plain button stands in.
 */
export function LazyUserMenu(props: LazyUserMenuProps) {
  const [wanted, setWanted] = useState(false);
  if (!wanted) {
    return (
      <TriggerLook
        name={props.name}
        onPress={() => {
          setWanted(true);
        }}
      />
    );
  }
  return (
    <Suspense fallback={<TriggerLook name={props.name} />}>
      <UserMenu {...props} defaultOpen />
    </Suspense>
  );
}
