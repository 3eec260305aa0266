import { Suspense, lazy } from 'react';

const UserMenu = lazy(() =>
  import('./user-menu').then((m) => ({ default: m.UserMenu })),
);

interface LazyUserMenuProps {
  name: string;
  username: string;
  onSignOut: () => void;
}

/** The account menu loads after the first paint; until then the name shows. */
export function LazyUserMenu(props: LazyUserMenuProps) {
  return (
    <Suspense
      fallback={<span className="user-menu__placeholder">{props.name}</span>}
    >
      <UserMenu {...props} />
    </Suspense>
  );
}
