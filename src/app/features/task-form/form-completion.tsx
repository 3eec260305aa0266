import { skipToken, useQuery } from '@apollo/client/react';
import { plural } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Button } from '../../components/button';
import { ErrorPanel } from '../../components/error-panel';
import { Skeleton } from '../../components/skeleton';
import { decodeVariableValue } from '../../lib/json-value';
import { CamundaForm } from './camunda-form/camunda-form';
import { preloadCamundaForm } from './camunda-form/viewer-loader';
import type { CamundaFormApi } from './camunda-form/contract';
import { formVariableNames } from './camunda-form/form-variable-names';
import { CompletionFooter } from './completion-footer';
import { clearDraft, saveDraft, type Draft } from './drafts';
import {
  TASK_FORM_QUERY,
  TASK_FORM_VARIABLES_QUERY,
} from './form-completion-queries';
import { toVariableInputs } from './use-complete-task';
import {
  useCompletionFlow,
  type CompletionOptions,
} from './use-completion-flow';

interface FormCompletionProps extends CompletionOptions {
  formId: string;
  processDefinitionId: string;
  readOnly: boolean;
  draft: Extract<Draft, { kind: 'form' }> | null;
  /** What to show when the form schema cannot be displayed. */
  fallback: ReactNode;
  /** The variables that came with the task (previews, maybe truncated). */
  taskVariables: readonly TaskVariablePreview[];
}

interface TaskVariablePreview {
  name: string;
  previewValue: string;
  isValueTruncated: boolean;
}

/**
 * The form's data from the variables that came with the task, when none it
 * needs was cut short: an untruncated preview is the full value (docs/
 * tasklist-api.md), and `variables(taskId, names)` reads the same variables,
 * an empty list of names meaning all of them. Null when a value must be
 * fetched in full.
 */
function dataFromTask(
  variables: readonly TaskVariablePreview[],
  names: string[],
): Record<string, unknown> | null {
  const wanted = new Set(names);
  const used =
    names.length === 0
      ? variables
      : variables.filter((v) => wanted.has(v.name));
  if (used.some((v) => v.isValueTruncated)) return null;
  return Object.fromEntries(
    used.map((v) => [v.name, decodeVariableValue(v.previewValue)]),
  );
}

function safeNames(schema: string): string[] | null {
  try {
    return formVariableNames(schema);
  } catch {
    return null;
  }
}

/** Loads the task's Camunda form and its variables, then renders and completes it. */
export function FormCompletion(props: FormCompletionProps) {
  const { formId, processDefinitionId, taskId, taskVariables } = props;
  const { t } = useLingui();
  // form-js loads while the schema is on its way, not after it.
  useEffect(preloadCamundaForm, []);
  // A schema of a (form, process definition) never changes: cache-first.
  const form = useQuery(TASK_FORM_QUERY, {
    variables: { formId, processDefinitionId },
    fetchPolicy: 'cache-first',
  });
  const schema = form.data?.form?.schema ?? null;
  const names = useMemo(() => (schema ? safeNames(schema) : null), [schema]);
  const fromTask = useMemo(
    () => (names === null ? null : dataFromTask(taskVariables, names)),
    [names, taskVariables],
  );
  // Only a value the task's previews cut short costs another round trip.
  const variables = useQuery(
    TASK_FORM_VARIABLES_QUERY,
    names === null || fromTask !== null
      ? skipToken
      : { variables: { taskId, variableNames: names } },
  );
  const [importFailed, setImportFailed] = useState(false);

  if (form.error ?? variables.error) {
    return (
      <ErrorPanel
        title={t`The form could not be loaded`}
        onRetry={() => void (form.error ? form.refetch() : variables.refetch())}
      />
    );
  }
  if (form.data && !schema) return <>{props.fallback}</>;
  if (!schema || (names !== null && fromTask === null && !variables.data)) {
    return <Skeleton label={t`Loading the form`} lines={6} />;
  }
  if (names === null || importFailed) {
    return (
      <>
        <p className="callout callout--warning" role="status">
          <Trans>
            This task’s form could not be displayed, so its variables are shown
            instead.
          </Trans>
        </p>
        {props.fallback}
      </>
    );
  }
  const initialData =
    fromTask ??
    Object.fromEntries(
      (variables.data?.variables ?? []).map((v) => [
        v.name,
        decodeVariableValue(v.value),
      ]),
    );
  return (
    <LoadedForm
      {...props}
      schema={schema}
      initialData={initialData}
      onImportError={() => {
        setImportFailed(true);
      }}
    />
  );
}

function LoadedForm(
  props: FormCompletionProps & {
    schema: string;
    initialData: Record<string, unknown>;
    onImportError: () => void;
  },
) {
  const { username, taskId, readOnly } = props;
  const { t } = useLingui();
  const apiRef = useRef<CamundaFormApi>(null);
  const [draft, setDraft] = useState(props.draft);
  const [problem, setProblem] = useState<string | null>(null);
  const flow = useCompletionFlow(props);
  const data = draft
    ? { ...props.initialData, ...draft.data }
    : props.initialData;

  function onComplete() {
    const result = apiRef.current?.validateAndCollect();
    if (!result) return;
    if (!result.ok && result.errorCount === 0) {
      setProblem(t`The form is still loading. Try again in a moment.`);
      return;
    }
    if (!result.ok) {
      const fields = result.errorCount;
      setProblem(
        plural(fields, {
          one: 'Please review # field.',
          other: 'Please review # fields.',
        }),
      );
      return;
    }
    setProblem(null);
    void flow.submit(toVariableInputs(result.data));
  }

  return (
    <div className="form-completion">
      {draft ? (
        <div className="callout callout--info" role="status">
          <p>
            <Trans>Your unsaved input was restored.</Trans>
          </p>
          <Button
            variant="secondary"
            size="small"
            onPress={() => {
              clearDraft(username, taskId);
              setDraft(null);
            }}
          >
            <Trans>Discard it</Trans>
          </Button>
        </div>
      ) : null}
      <CamundaForm
        key={draft ? 'draft' : 'task'}
        schema={props.schema}
        initialData={data}
        readOnly={readOnly}
        apiRef={apiRef}
        onImportError={props.onImportError}
        onChange={(next) => {
          if (!readOnly)
            saveDraft(username, taskId, {
              kind: 'form',
              data: next,
              savedAt: Date.now(),
            });
        }}
      />
      <CompletionFooter
        canComplete={!readOnly}
        pending={flow.pending}
        failure={flow.failure}
        problem={problem}
        onComplete={onComplete}
        onRetry={() => void flow.retry()}
      />
    </div>
  );
}
