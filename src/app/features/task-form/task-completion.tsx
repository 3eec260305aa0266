import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { Trans, useLingui } from '@lingui/react/macro';
import { useRef, type ReactNode } from 'react';
import { useShortcutAction } from '../../components/shortcut-actions';
import { TASK_COMPLETION_FRAGMENT } from './task-completion.fragment';
import type { TaskCompletion_task } from '../../graphql/__generated__/graphql';
import { CompletionFooter } from './completion-footer';
import { loadDraft } from './drafts';
import { embeddedFormId } from './form-key';
import { FormCompletion } from './form-completion';
import type { CompletionOptions } from './use-completion-flow';
import { VariablesEditor } from './variables-editor';
import { VariablesTable } from './variables-table';

/* eslint-disable lingui/no-unlocalized-strings -- CSS selectors, not words */
const FIELDS =
  'input:not([type="hidden"]):not([disabled]), textarea:not([disabled]), select:not([disabled]), [contenteditable="true"]';
// Forms show read-only fields (an invoice number, say) before the ones to fill in.
const WRITABLE =
  'input:not([type="hidden"]):not([disabled]):not([readonly]), textarea:not([disabled]):not([readonly]), select:not([disabled]), [contenteditable="true"]';
// The variables editor shows values until `Edit` or `Add variable` is pressed.
const CONTROLS = 'button:not([disabled])';
/* eslint-enable lingui/no-unlocalized-strings */

/**
 * The work area, marked so Ctrl+Enter can complete from inside its fields,
 * with `f` focusing its first field to fill in (any field, to read, when
 * the user may not change it).
 */
function WorkArea({
  editable,
  children,
}: {
  editable: boolean;
  children: ReactNode;
}) {
  const { t } = useLingui();
  const ref = useRef<HTMLDivElement>(null);
  useShortcutAction('focus-form', () => {
    const readOnly = t`The form is read-only until you assign the task to yourself.`;
    const area = ref.current;
    const field = editable
      ? (area?.querySelector<HTMLElement>(WRITABLE) ??
        area?.querySelector<HTMLElement>(CONTROLS))
      : area?.querySelector<HTMLElement>(FIELDS);
    if (!field)
      return editable ? t`This task has nothing to fill in.` : readOnly;
    field.focus();
    return editable ? t`In the form.` : readOnly;
  });
  return (
    <div ref={ref} data-shortcut-scope="task-work">
      {children}
    </div>
  );
}

interface TaskCompletionProps extends Omit<CompletionOptions, 'taskId'> {
  task: FragmentType<TaskCompletion_task>;
}

/**
 * The work area of a task: its Camunda form, or the variables editor when it
 * has none. Only the assignee may change anything; finished tasks show the
 * variables they were completed with.
 */
export function TaskCompletion(props: TaskCompletionProps) {
  const { data, complete } = useFragment({
    fragment: TASK_COMPLETION_FRAGMENT,
    fragmentName: 'TaskCompletion_task',
    from: props.task,
  });
  const editable =
    complete &&
    data.taskState === 'CREATED' &&
    data.assignee === props.username;
  return (
    <WorkArea editable={editable}>
      <TaskWork {...props} />
    </WorkArea>
  );
}

function TaskWork({ task, ...options }: TaskCompletionProps) {
  const { data, complete } = useFragment({
    fragment: TASK_COMPLETION_FRAGMENT,
    fragmentName: 'TaskCompletion_task',
    from: task,
  });
  if (!complete) return null;
  const variables = data.variables ?? [];
  const completion = { ...options, taskId: data.id };
  if (data.taskState !== 'CREATED') {
    return (
      <>
        <h2 className="section-title">
          <Trans>Variables</Trans>
        </h2>
        <VariablesTable variables={variables} />
      </>
    );
  }
  const mine = data.assignee === options.username;
  const draft = mine ? loadDraft(options.username, data.id) : null;
  const formId = embeddedFormId(data.formKey);
  const { formKey } = data;
  const readOnlyVariables = (
    <>
      <VariablesTable variables={variables} />
      <CompletionFooter
        canComplete={false}
        pending={false}
        failure={null}
        onComplete={() => undefined}
        onRetry={() => undefined}
      />
    </>
  );
  const editor = mine ? (
    <VariablesEditor
      key={data.id}
      variables={variables}
      draft={draft?.kind === 'variables' ? draft : null}
      {...completion}
    />
  ) : (
    readOnlyVariables
  );
  if (formId && data.processDefinitionId) {
    return (
      <>
        <h2 className="section-title">
          <Trans>Form</Trans>
        </h2>
        <FormCompletion
          key={`${data.id}:${String(mine)}`}
          formId={formId}
          processDefinitionId={data.processDefinitionId}
          readOnly={!mine}
          draft={draft?.kind === 'form' ? draft : null}
          fallback={editor}
          taskVariables={variables}
          {...completion}
        />
      </>
    );
  }
  return (
    <>
      <h2 className="section-title">
        <Trans>Variables</Trans>
      </h2>
      {data.formKey ? (
        <p className="callout callout--info">
          <Trans>
            This task uses a custom form ({formKey}) that the inbox cannot
            display, so it is completed with its variables.
          </Trans>
        </p>
      ) : null}
      {editor}
    </>
  );
}
