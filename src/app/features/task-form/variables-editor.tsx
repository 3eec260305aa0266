import { plural } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { useEffect, useState } from 'react';
import { Button } from '../../components/button';
import { AddedVariableRow } from './added-variable-row';
import { CompletionFooter } from './completion-footer';
import { saveDraft, type Draft } from './drafts';
import { ExistingVariableRow } from './existing-variable-row';
import {
  useCompletionFlow,
  type CompletionOptions,
} from './use-completion-flow';
import {
  editorVariables,
  fieldId,
  validateEditor,
  type EditorModel,
  type ExistingVariable,
} from './variables-editor-model';

interface VariablesEditorProps extends CompletionOptions {
  variables: readonly ExistingVariable[];
  draft: Extract<Draft, { kind: 'variables' }> | null;
}

/** Tasks without a form: edit current variables, add new ones, then complete. */
export function VariablesEditor({
  variables,
  draft,
  ...completion
}: VariablesEditorProps) {
  const [model, setModel] = useState<EditorModel>(() => ({
    edits: draft?.edits ?? {},
    added: (draft?.added ?? []).map((row, index) => ({ ...row, key: index })),
  }));
  const [nextKey, setNextKey] = useState(model.added.length);
  const [showErrors, setShowErrors] = useState(false);
  const flow = useCompletionFlow(completion);
  const errors = validateEditor(model, variables);
  const visibleErrors = showErrors ? errors : new Map<string, string>();
  const { username, taskId } = completion;

  useEffect(() => {
    if (Object.keys(model.edits).length === 0 && model.added.length === 0)
      return;
    saveDraft(username, taskId, {
      kind: 'variables',
      edits: model.edits,
      added: model.added.map(({ name, value }) => ({ name, value })),
      savedAt: Date.now(),
    });
  }, [model, username, taskId]);

  function onComplete() {
    if (errors.size > 0) {
      setShowErrors(true);
      const first = errors.keys().next().value;
      if (first) document.getElementById(first)?.focus();
      return;
    }
    void flow.submit(editorVariables(model, variables));
  }

  function setAdded(
    key: number,
    patch: Partial<{ name: string; value: string }>,
  ) {
    setModel((m) => ({
      ...m,
      added: m.added.map((r) => (r.key === key ? { ...r, ...patch } : r)),
    }));
  }

  const problems = errors.size;
  return (
    <div className="variables-editor">
      <table className="variables-table">
        <caption className="visually-hidden">
          <Trans>Variables</Trans>
        </caption>
        <thead>
          <tr>
            <th scope="col">
              <Trans>Name</Trans>
            </th>
            <th scope="col">
              <Trans>Value</Trans>
            </th>
            <th scope="col">
              <span className="visually-hidden">
                <Trans>Actions</Trans>
              </span>
            </th>
          </tr>
        </thead>
        <tbody>
          {variables.map((variable) => (
            <ExistingVariableRow
              key={variable.id}
              variable={variable}
              edit={model.edits[variable.name]}
              error={visibleErrors.get(fieldId.edit(variable.name))}
              onEdit={(text) => {
                setModel((m) => {
                  const edits = Object.fromEntries(
                    Object.entries(m.edits).filter(
                      ([name]) => name !== variable.name,
                    ),
                  );
                  if (text !== undefined) edits[variable.name] = text;
                  return { ...m, edits };
                });
              }}
            />
          ))}
          {model.added.map((row, index) => (
            <AddedVariableRow
              key={row.key}
              row={row}
              position={index + 1}
              errors={visibleErrors}
              onChange={(patch) => {
                setAdded(row.key, patch);
              }}
              onRemove={() => {
                setModel((m) => ({
                  ...m,
                  added: m.added.filter((r) => r.key !== row.key),
                }));
              }}
            />
          ))}
        </tbody>
      </table>
      {variables.length === 0 && model.added.length === 0 ? (
        <p className="empty-note">
          <Trans>This task has no variables yet.</Trans>
        </p>
      ) : null}
      <Button
        variant="secondary"
        onPress={() => {
          setModel((m) => ({
            ...m,
            added: [...m.added, { key: nextKey, name: '', value: '' }],
          }));
          setNextKey((k) => k + 1);
          requestAnimationFrame(() =>
            document.getElementById(fieldId.addedName(nextKey))?.focus(),
          );
        }}
      >
        <Trans>Add variable</Trans>
      </Button>
      <CompletionFooter
        canComplete
        pending={flow.pending}
        failure={flow.failure}
        problem={
          showErrors && errors.size > 0
            ? plural(problems, {
                one: 'Please fix # problem before completing.',
                other: 'Please fix # problems before completing.',
              })
            : null
        }
        onComplete={onComplete}
        onRetry={() => void flow.retry()}
      />
    </div>
  );
}
