import { Link, createFileRoute } from '@tanstack/react-router';
import { EmptyState } from '../components/empty-state';

export const Route = createFileRoute('/signed-out')({
  component: function SignedOutRoute() {
    return (
      <main className="page-center" id="main">
        <EmptyState title="You are signed out" headingLevel={1}>
          <p>Your session on this device has ended.</p>
          <Link to="/tasks" className="button button--primary button--medium">
            Sign in again
          </Link>
        </EmptyState>
      </main>
    );
  },
});
