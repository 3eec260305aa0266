import { UNSTABLE_ToastQueue as ToastQueue } from 'react-aria-components';

export interface AppToast {
  title: string;
  description?: string;
  kind: 'success' | 'info' | 'error';
}

/**
 * The app's single toast queue. Success toasts close by themselves; errors
 * stay until dismissed so they are not missed.
 */
export const toastQueue = new ToastQueue<AppToast>({ maxVisibleToasts: 3 });

/** Shows a toast; returns its key. */
export function showToast(toast: AppToast): string {
  return toastQueue.add(toast, toast.kind === 'error' ? {} : { timeout: 5000 });
}
