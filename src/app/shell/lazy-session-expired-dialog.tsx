import { Suspense, lazy } from 'react';
import { withCatalogue } from '../i18n/catalogues';

const SessionExpiredDialog = lazy(
  withCatalogue('sign-in', () =>
    import('./session-expired-dialog').then((m) => ({
      default: m.SessionExpiredDialog,
    })),
  ),
);

/** Loaded only when a session actually expires, with its words. */
export function LazySessionExpiredDialog({
  onSignIn,
}: {
  onSignIn: () => Promise<unknown> | undefined;
}) {
  return (
    <Suspense fallback={null}>
      <SessionExpiredDialog onSignIn={onSignIn} />
    </Suspense>
  );
}
