import { Suspense, lazy } from 'react';

const ToastRegion = lazy(() =>
  import('./toast-region').then((m) => ({ default: m.AppToastRegion })),
);

/** Toasts are rare and their UI is not needed for the first paint. */
export function LazyToastRegion() {
  return (
    <Suspense fallback={null}>
      <ToastRegion />
    </Suspense>
  );
}
