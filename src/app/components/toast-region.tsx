import { useLingui } from '@lingui/react/macro';
import {
  Button as AriaButton,
  Text,
  UNSTABLE_Toast as Toast,
  UNSTABLE_ToastContent as ToastContent,
  UNSTABLE_ToastRegion as ToastRegion,
} from 'react-aria-components';
import { AriaLocale } from '../i18n/aria-locale';
import { toastQueue } from './toast-queue';

/** Renders the toast queue in a labelled, keyboard-reachable landmark region. */
export function AppToastRegion() {
  const { t } = useLingui();
  return (
    <AriaLocale>
      <ToastRegion
        queue={toastQueue}
        className="toast-region"
        aria-label={t`Notifications`}
      >
        {({ toast }) => (
          <Toast toast={toast} className={`toast toast--${toast.content.kind}`}>
            <ToastContent className="toast__content">
              <Text slot="title" className="toast__title">
                {toast.content.title}
              </Text>
              {toast.content.description ? (
                <Text slot="description">{toast.content.description}</Text>
              ) : null}
            </ToastContent>
            <AriaButton
              slot="close"
              className="toast__close"
              aria-label={t`Dismiss`}
            >
              ×
            </AriaButton>
          </Toast>
        )}
      </ToastRegion>
    </AriaLocale>
  );
}
