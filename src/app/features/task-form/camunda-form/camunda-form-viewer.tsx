/**
 * The form-js side of {@link CamundaForm}. Loaded lazily, so this module and
 * everything it imports (form-js, preact, FEEL, flatpickr, the CSS) stay in
 * their own chunk until a task with a form is opened.
 */
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import './camunda-form.css';
import { Form } from '@bpmn-io/form-js-viewer';
import {
  useEffect,
  useEffectEvent,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
} from 'react';
import {
  FORM_NOT_READY,
  type CamundaFormApi,
  type CamundaFormProps,
} from './contract';
import {
  adaptFormSchema,
  countFieldErrors,
  parseFormSchema,
  type FormSchema,
} from './form-schema';
import { installHtmlSanitizer, watchLinkTargets } from './html-sanitizer';
import {
  describeErrors,
  findFirstInvalid,
  submitAll,
  watchPickerValidity,
  watchUserChanges,
} from './form-runtime';

installHtmlSanitizer();

type FormOptions = NonNullable<ConstructorParameters<typeof Form>[0]>;

type Prepared = { schema: FormSchema } | { error: Error };

function prepare(text: string): Prepared {
  try {
    return { schema: adaptFormSchema(parseFormSchema(text)) };
  } catch (error) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }
}

/** form-js's own messages name internals; people get one plain sentence. */
function importError(cause: unknown): Error {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new Error(`The form could not be displayed (${detail}).`, { cause });
}

/** Renders a Camunda Form with form-js; the props are {@link CamundaFormProps}. */
export function CamundaFormViewer({
  schema,
  initialData,
  readOnly,
  onChange,
  apiRef,
  onImportError,
}: CamundaFormProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<Form | null>(null);
  const readOnlyRef = useRef(readOnly);
  const focusTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const prepared = useMemo(() => prepare(schema), [schema]);
  const [failure, setFailure] = useState<{ schema: string; error: Error }>();
  const [alert, setAlert] = useState<{ id: number; text: string }>();

  const emitChange = useEffectEvent((data: Record<string, unknown>) => {
    onChange?.(data);
  });
  const reportImportError = useEffectEvent((error: Error) => {
    onImportError?.(error);
  });
  // Read once per import: later prop changes must not wipe what was typed.
  const importInputs = useEffectEvent(() => ({ initialData, readOnly }));

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    if ('error' in prepared) {
      reportImportError(prepared.error);
      return;
    }
    const inputs = importInputs();
    readOnlyRef.current = inputs.readOnly;
    const options: FormOptions & { debounce: false } = {
      container: host,
      properties: { readOnly: inputs.readOnly },
      // form-js holds typed text back for 300 ms by default. Any re-render in
      // that window (readOnly toggling, another field's update) resets the
      // field to its old value, and a keyboard shortcut for "Complete task"
      // would miss the last keystrokes. `debounce` is read from the options
      // but missing from their type.
      debounce: false,
    };
    const form = new Form(options);
    let active = true;
    const stopWatchingLinks = watchLinkTargets(host);
    const stopWatchingPickers = watchPickerValidity(host);
    const stopWatchingChanges = watchUserChanges(form, emitChange);
    form.importSchema(prepared.schema, inputs.initialData).then(
      () => {
        if (!active) return;
        // readOnly may have changed while the schema was importing.
        form.setProperty('readOnly', readOnlyRef.current);
        formRef.current = form;
      },
      (cause: unknown) => {
        if (!active) return;
        const error = importError(cause);
        setFailure({ schema, error });
        reportImportError(error);
      },
    );
    return () => {
      active = false;
      formRef.current = null;
      clearTimeout(focusTimer.current);
      stopWatchingChanges();
      stopWatchingLinks();
      stopWatchingPickers();
      form.destroy();
    };
  }, [prepared, schema]);

  useEffect(() => {
    readOnlyRef.current = readOnly;
    formRef.current?.setProperty('readOnly', readOnly);
  }, [readOnly]);

  useImperativeHandle(
    apiRef,
    (): CamundaFormApi => ({
      validateAndCollect() {
        const form = formRef.current;
        const host = hostRef.current;
        if (!form || !host) return FORM_NOT_READY;
        const { data, errors, refocus } = submitAll(
          form,
          host,
          readOnlyRef.current,
        );
        const errorCount = countFieldErrors(errors);
        if (errorCount === 0) {
          refocus();
          setAlert(undefined);
          return { ok: true, data };
        }
        // form-js marks the fields on its next render; focus after it.
        clearTimeout(focusTimer.current);
        focusTimer.current = setTimeout(() => {
          const first = findFirstInvalid(host);
          first?.focusTarget?.focus();
          setAlert((previous) => ({
            id: (previous?.id ?? 0) + 1,
            text: describeErrors(errorCount, first?.label),
          }));
        }, 0);
        return { ok: false, errorCount };
      },
    }),
    [],
  );

  const error =
    'error' in prepared
      ? prepared.error
      : failure?.schema === schema
        ? failure.error
        : undefined;

  return (
    <div className="camunda-form__viewer">
      {error && !onImportError ? (
        <p role="alert" className="camunda-form__import-error">
          {error.message}
        </p>
      ) : null}
      <div ref={hostRef} className="camunda-form__host" hidden={!!error} />
      <div role="alert" className="camunda-form__sr-only">
        {alert ? <p key={alert.id}>{alert.text}</p> : null}
      </div>
    </div>
  );
}
