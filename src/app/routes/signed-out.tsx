import { Trans, useLingui } from '@lingui/react/macro';
import { Link, createFileRoute } from '@tanstack/react-router';
import { EmptyState } from '../components/empty-state';
import { loadCataloguePart } from '../i18n/catalogues';

export const Route = createFileRoute('/signed-out')({
  loader: () => loadCataloguePart('sign-in'),
  component: function SignedOutRoute() {
    const { t } = useLingui();
    return (
      <main className="page-center" id="main">
        <EmptyState title={t`You are signed out`} headingLevel={1}>
          <p>
            <Trans>Your session on this device has ended.</Trans>
          </p>
          <Link to="/tasks" className="button button--primary button--medium">
            <Trans>Sign in again</Trans>
          </Link>
        </EmptyState>
      </main>
    );
  },
});
