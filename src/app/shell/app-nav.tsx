import { Link } from '@tanstack/react-router';

/**
 * The header's main navigation. The router marks the link of the section
 * the user is in with `aria-current="page"`, task pages included.
 */
export function AppNav() {
  return (
    <nav className="app-nav" aria-label="Main">
      <ul className="app-nav__list">
        <li>
          <Link to="/tasks" className="app-nav__link">
            Tasks
          </Link>
        </li>
        <li>
          <Link to="/processes" className="app-nav__link">
            Processes
          </Link>
        </li>
      </ul>
    </nav>
  );
}
