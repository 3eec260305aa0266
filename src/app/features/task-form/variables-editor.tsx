import { useEffect, useState } from 'react';
import { Button } from '../../components/button';
import { formatJsonForEditing } from '../../lib/json-value';
import { CompletionFooter } from './completion-footer';
import { saveDraft, type Draft } from './drafts';
import {
  useCompletionFlow,
  type CompletionOptions,
} from './use-completion-flow';
import { useFullVariableValue } from './use-full-variable-value';
import { VariableValue } from './variable-value';
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

function JsonField(props: {
  id: string;
  label: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  const errorId = `${props.id}-error`;
  return (
    <div className="field">
      <label htmlFor={props.id} className="visually-hidden">
        {props.label}
      </label>
      <textarea
        id={props.id}
        className="input input--code"
        rows={Math.min(8, props.value.split('\n').length + 1)}
        value={props.value}
        spellCheck={false}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? errorId : undefined}
        onChange={(e) => {
          props.onChange(e.target.value);
        }}
      />
      {props.error ? (
        <p className="inline-error" id={errorId}>
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

function ExistingRow(props: {
  variable: ExistingVariable;
  edit: string | undefined;
  error: string | undefined;
  onEdit: (text: string | undefined) => void;
}) {
  const { variable, edit } = props;
  const full = useFullVariableValue(variable.id);
  const source =
    full.value ?? (variable.isValueTruncated ? null : variable.previewValue);
  return (
    <tr>
      <th scope="row">{variable.name}</th>
      <td>
        {edit === undefined ? (
          <VariableValue {...variable} />
        ) : (
          <JsonField
            id={fieldId.edit(variable.name)}
            label={`Value of ${variable.name}`}
            value={edit}
            error={props.error}
            onChange={props.onEdit}
          />
        )}
      </td>
      <td className="variables-table__actions">
        {edit === undefined ? (
          source === null ? (
            <Button
              size="small"
              variant="secondary"
              isPending={full.loading}
              onPress={() => void full.load()}
              aria-label={`Load ${variable.name} to edit it`}
            >
              Load to edit
            </Button>
          ) : (
            <Button
              size="small"
              variant="secondary"
              onPress={() => {
                props.onEdit(formatJsonForEditing(source));
              }}
              aria-label={`Edit ${variable.name}`}
            >
              Edit
            </Button>
          )
        ) : (
          <Button
            size="small"
            variant="secondary"
            onPress={() => {
              props.onEdit(undefined);
            }}
            aria-label={`Undo changes to ${variable.name}`}
          >
            Undo
          </Button>
        )}
      </td>
    </tr>
  );
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

  return (
    <div className="variables-editor">
      <table className="variables-table">
        <caption className="visually-hidden">Variables</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Value</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {variables.map((variable) => (
            <ExistingRow
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
            <tr key={row.key}>
              <td>
                <div className="field">
                  <label
                    htmlFor={fieldId.addedName(row.key)}
                    className="visually-hidden"
                  >
                    Name of new variable {index + 1}
                  </label>
                  <input
                    id={fieldId.addedName(row.key)}
                    className="input"
                    placeholder="Name"
                    value={row.name}
                    autoComplete="off"
                    aria-invalid={
                      visibleErrors.has(fieldId.addedName(row.key))
                        ? true
                        : undefined
                    }
                    aria-describedby={
                      visibleErrors.has(fieldId.addedName(row.key))
                        ? `${fieldId.addedName(row.key)}-error`
                        : undefined
                    }
                    onChange={(e) => {
                      setAdded(row.key, { name: e.target.value });
                    }}
                  />
                  {visibleErrors.has(fieldId.addedName(row.key)) ? (
                    <p
                      className="inline-error"
                      id={`${fieldId.addedName(row.key)}-error`}
                    >
                      {visibleErrors.get(fieldId.addedName(row.key))}
                    </p>
                  ) : null}
                </div>
              </td>
              <td>
                <JsonField
                  id={fieldId.addedValue(row.key)}
                  label={`Value of new variable ${index + 1}`}
                  value={row.value}
                  error={visibleErrors.get(fieldId.addedValue(row.key))}
                  onChange={(value) => {
                    setAdded(row.key, { value });
                  }}
                />
              </td>
              <td className="variables-table__actions">
                <Button
                  size="small"
                  variant="secondary"
                  aria-label={`Remove new variable ${index + 1}`}
                  onPress={() => {
                    setModel((m) => ({
                      ...m,
                      added: m.added.filter((r) => r.key !== row.key),
                    }));
                  }}
                >
                  Remove
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {variables.length === 0 && model.added.length === 0 ? (
        <p className="empty-note">This task has no variables yet.</p>
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
        Add variable
      </Button>
      <CompletionFooter
        canComplete
        pending={flow.pending}
        failure={flow.failure}
        problem={
          showErrors && errors.size > 0
            ? `Please fix ${errors.size === 1 ? '1 problem' : `${errors.size} problems`} before completing.`
            : null
        }
        onComplete={onComplete}
        onRetry={() => void flow.retry()}
      />
    </div>
  );
}
