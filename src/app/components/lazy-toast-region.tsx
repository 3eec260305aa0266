import { Suspense, lazy, useEffect, useState } from 'react';
import { toastQueue } from './toast-queue';

const ToastRegion = lazy(() =>
  import('./toast-region').then((m) => ({ default: m.AppToastRegion })),
);

/** The toast UI loads with the first toast; pages that never toast never fetch it. */
export function LazyToastRegion() {
  const [needed, setNeeded] = useState(
    () => toastQueue.visibleToasts.length > 0,
  );
  useEffect(() => {
    if (needed) return undefined;
    return toastQueue.subscribe(() => {
      if (toastQueue.visibleToasts.length > 0) setNeeded(true);
    });
  }, [needed]);
  if (!needed) return null;
  return (
    <Suspense fallback={null}>
      <ToastRegion />
    </Suspense>
  );
}
