import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { TASK_COMPLETION_FRAGMENT } from './task-completion.fragment';
import type { TaskCompletion_task } from '../../graphql/__generated__/graphql';
import { CompletionFooter } from './completion-footer';
import { loadDraft } from './drafts';
import { embeddedFormId } from './form-key';
import { FormCompletion } from './form-completion';
import type { CompletionOptions } from './use-completion-flow';
import { VariablesEditor } from './variables-editor';
import { VariablesTable } from './variables-table';

interface TaskCompletionProps extends Omit<CompletionOptions, 'taskId'> {
  task: FragmentType<TaskCompletion_task>;
}

/**
 * The work area of a task: its Camunda form, or the variables editor when it
 * has none. Only the assignee may change anything; finished tasks show the
 * variables they were completed with.
 */
export function TaskCompletion({ task, ...options }: TaskCompletionProps) {
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
        <h2 className="section-title">Variables</h2>
        <VariablesTable variables={variables} />
      </>
    );
  }
  const mine = data.assignee === options.username;
  const draft = mine ? loadDraft(options.username, data.id) : null;
  const formId = embeddedFormId(data.formKey);
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
        <h2 className="section-title">Form</h2>
        <FormCompletion
          key={`${data.id}:${String(mine)}`}
          formId={formId}
          processDefinitionId={data.processDefinitionId}
          readOnly={!mine}
          draft={draft?.kind === 'form' ? draft : null}
          fallback={editor}
          {...completion}
        />
      </>
    );
  }
  return (
    <>
      <h2 className="section-title">Variables</h2>
      {data.formKey ? (
        <p className="callout callout--info">
          This task uses a custom form ({data.formKey}) that the inbox cannot
          display, so it is completed with its variables.
        </p>
      ) : null}
      {editor}
    </>
  );
}
