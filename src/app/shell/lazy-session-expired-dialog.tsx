import { Suspense, lazy } from 'react';

const SessionExpiredDialog = lazy(() =>
  import('./session-expired-dialog').then((m) => ({
    default: m.SessionExpiredDialog,
  })),
);

/** Loaded only when a session actually expires. */
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
