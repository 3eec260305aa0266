import { Trans } from '@lingui/react/macro';
import { useSyncExternalStore } from 'react';

interface ConnectionLike {
  isLost: () => boolean;
  subscribe: (listener: () => void) => () => void;
}

/** A global, non-dismissable banner while requests cannot get through. */
export function OfflineBanner({ connection }: { connection: ConnectionLike }) {
  const lost = useSyncExternalStore(
    connection.subscribe,
    connection.isLost,
    connection.isLost,
  );
  return (
    <div className="offline-banner-slot" role="status" aria-live="polite">
      {lost ? (
        <p className="offline-banner">
          <Trans>Connection lost — retrying</Trans>
        </p>
      ) : null}
    </div>
  );
}
