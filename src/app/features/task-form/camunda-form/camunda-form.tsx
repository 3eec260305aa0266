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
  type ComponentType,
  type ErrorInfo,
  type ReactNode,
  type Ref,
} from 'react';

export interface CamundaFormApi {
  /** Validates; on errors shows them on the fields, focuses the first one and returns ok:false. */
  validateAndCollect():
    | { ok: true; data: Record<string, unknown> }
    | { ok: false; errorCount: number };
}

export interface CamundaFormProps {
  /** Form.schema as returned by Tasklist (JSON text). A new schema re-imports the form. */
  schema: string;
  /**
   * Decoded task variables and/or a restored draft. Read when the schema is
   * imported; later changes are ignored so typing is never overwritten. To
   * start over (another task), give the component a new `key`.
   */
  initialData: Record<string, unknown>;
  /** Read-only until the parent says otherwise; toggling keeps the input. */
  readOnly: boolean;
  /** After each edit, with the data `validateAndCollect` would return (for drafts). */
  onChange?: (data: Record<string, unknown>) => void;
  /**
   * While the form code is still loading (or the schema failed to import),
   * `validateAndCollect()` returns `{ ok: false, errorCount: 0 }`.
   */
  apiRef: Ref<CamundaFormApi>;
  /** Invalid schema → caller falls back to a variables editor. Without it, an error is shown in place. */
  onImportError?: (error: Error) => void;
}

type ViewerModule = ComponentType<CamundaFormProps>;

function loadViewer(): Promise<{ default: ViewerModule }> {
  return import('./camunda-form-viewer').then((module) => ({
    default: module.CamundaFormViewer,
  }));
}

// One lazy component per page; a retry after a failed chunk load makes a new one,
// because React.lazy remembers a rejected import forever.
const InitialViewer = lazy(loadViewer);

const NOT_READY = { ok: false, errorCount: 0 } as const;

function FormLoading() {
  return (
    <p role="status" aria-live="polite" className="camunda-form__loading">
      Loading form…
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
        <p>The form could not be loaded. Check your connection.</p>
        <button
          type="button"
          onClick={() => {
            this.setState({ failed: false });
            this.props.onRetry();
          }}
        >
          Try again
        </button>
      </div>
    );
  }
}

/** Renders a Camunda Form; see {@link CamundaFormProps} and docs/forms.md. */
export function CamundaForm(props: CamundaFormProps) {
  const { apiRef, ...viewerProps } = props;
  const viewerApi = useRef<CamundaFormApi>(null);
  const [Viewer, setViewer] = useState<ViewerModule>(() => InitialViewer);

  // The parent's ref stays valid across the lazy load: it forwards to the
  // viewer once that is there.
  useImperativeHandle(
    apiRef,
    () => ({
      validateAndCollect: () =>
        viewerApi.current?.validateAndCollect() ?? NOT_READY,
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

// The contract asks for this helper next to the component; it does not touch
// form-js (see form-variable-names.ts), so the main chunk stays small.
// eslint-disable-next-line react-refresh/only-export-components -- part of the agreed module contract
export { formVariableNames } from './form-variable-names';
