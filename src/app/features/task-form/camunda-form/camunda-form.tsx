import { Trans } from '@lingui/react/macro';
/**
 * Renders a Camunda Form (form-js) for a task. This module is light on
 * purpose: form-js and its CSS are in `camunda-form-viewer.tsx`, which is
 * loaded only when a form is actually rendered. See docs/forms.md.
 */
import {
  Component,
  Suspense,
  lazy,
  useImperativeHandle,
  useRef,
  useState,
  type ErrorInfo,
  type ReactNode,
} from 'react';
import {
  FORM_NOT_READY,
  type CamundaFormApi,
  type CamundaFormProps,
} from './contract';
import { loadViewer, loadedViewer, type ViewerModule } from './viewer-loader';

// One lazy component per page; a retry after a failed chunk load makes a new one,
// because React.lazy remembers a rejected import forever.
const InitialViewer = lazy(loadViewer);

function FormLoading() {
  return (
    <p role="status" aria-live="polite" className="camunda-form__loading">
      <Trans>Loading form…</Trans>
    </p>
  );
}

interface BoundaryProps {
  onRetry: () => void;
  children: ReactNode;
}

/** Catches a failed chunk load (offline, new deployment) and offers a retry. */
class ViewerLoadBoundary extends Component<BoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('The task form could not be loaded', error, info);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <div role="alert" className="camunda-form__load-error">
        <p>
          <Trans>The form could not be loaded. Check your connection.</Trans>
        </p>
        <button
          type="button"
          onClick={() => {
            this.setState({ failed: false });
            this.props.onRetry();
          }}
        >
          <Trans>Try again</Trans>
        </button>
      </div>
    );
  }
}

/** Renders a Camunda Form; see {@link CamundaFormProps} and docs/forms.md. */
export function CamundaForm(props: CamundaFormProps) {
  const { apiRef, ...viewerProps } = props;
  const viewerApi = useRef<CamundaFormApi>(null);
  const [Viewer, setViewer] = useState<ViewerModule>(
    () => loadedViewer() ?? InitialViewer,
  );

  // The parent's ref stays valid across the lazy load: it forwards to the
  // viewer once that is there.
  useImperativeHandle(
    apiRef,
    () => ({
      validateAndCollect: () =>
        viewerApi.current?.validateAndCollect() ?? FORM_NOT_READY,
    }),
    [],
  );

  return (
    <div className="camunda-form">
      <ViewerLoadBoundary
        onRetry={() => {
          setViewer(() => lazy(loadViewer));
        }}
      >
        <Suspense fallback={<FormLoading />}>
          <Viewer {...viewerProps} apiRef={viewerApi} />
        </Suspense>
      </ViewerLoadBoundary>
    </div>
  );
}
