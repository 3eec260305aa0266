import { Trans, useLingui } from '@lingui/react/macro';
import { Link } from '@tanstack/react-router';

/**
 * The header's main navigation. The router marks the link of the section
 * the user is in with `aria-current="page"`, task pages included.
 */
export function AppNav() {
  const { t } = useLingui();
  return (
    <nav className="app-nav" aria-label={t`Main`}>
      <ul className="app-nav__list">
        <li>
          <Link to="/tasks" className="app-nav__link">
            <Trans>Tasks</Trans>
          </Link>
        </li>
        <li>
          <Link to="/processes" className="app-nav__link">
            <Trans>Processes</Trans>
          </Link>
        </li>
      </ul>
    </nav>
  );
}
