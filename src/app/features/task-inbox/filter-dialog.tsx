import { Trans, useLingui } from '@lingui/react/macro';
import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { Button } from '../../components/button';
import { ModalDialog } from '../../components/modal-dialog';
import { CandidateGroupField, ProcessField } from './filter-combo-fields';
import {
  EMPTY_FORM,
  conditionsFrom,
  validateForm,
  type FilterForm,
  type FilterFormErrors,
} from './filter-form';
import { DateRangeFields, MoreConditions } from './filter-form-fields';
import { Field } from './form-field';
import { SORT_LABELS, STATE_LABELS } from './labels';
import {
  TASK_STATES,
  sortsFor,
  type TaskConditions,
  type TaskSort,
  type Viewer,
} from './task-search';
import { effectiveSort } from './task-view';

interface FilterDialogProps {
  viewer: Viewer;
  initial: FilterForm;
  /** The saved filter being edited, if any: the dialog then saves instead of applying. */
  editing?: string;
  onSubmit: (result: { conditions: TaskConditions; sort: TaskSort }) => void;
  onClose: () => void;
}

/** `Filter tasks`: one field per filter the Tasklist API has, then Apply. */
export function FilterDialog({
  viewer,
  initial,
  editing,
  onSubmit,
  onClose,
}: FilterDialogProps) {
  const { t, i18n } = useLingui();
  const [form, setForm] = useState<FilterForm>(initial);
  const [errors, setErrors] = useState<FilterFormErrors>({});
  const [status, setStatus] = useState('');
  const [focusError, setFocusError] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const set = (change: Partial<FilterForm>) => {
    setForm((previous) => ({ ...previous, ...change }));
    setStatus('');
  };

  useEffect(() => {
    if (focusError === 0) return;
    formRef.current
      ?.querySelector<HTMLElement>('[aria-invalid="true"]')
      ?.focus();
  }, [focusError]);

  function submit(event: SubmitEvent) {
    event.preventDefault();
    const found = validateForm(form);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setFocusError((n) => n + 1);
      return;
    }
    onSubmit(conditionsFrom(form));
  }

  const sort = effectiveSort(form.state, form.sort);
  return (
    <ModalDialog
      title={editing ? t`Edit “${editing}”` : t`Filter tasks`}
      onClose={onClose}
      wide
    >
      <form ref={formRef} noValidate onSubmit={submit}>
        <p className="dialog__intro">
          <Trans>
            Every condition you set must match. Leave a field empty to ignore
            it.
          </Trans>
        </p>
        <div className="filter-form">
          <ProcessField
            value={form.process}
            onChange={(process) => {
              set({ process });
            }}
          />
          <Field label={t`Assignee`}>
            {(ids) => (
              <select
                {...ids}
                className="input"
                value={form.assignee}
                onChange={(event) => {
                  set({
                    assignee: event.target.value as FilterForm['assignee'],
                  });
                }}
              >
                <option value="anyone">{t`Anyone`}</option>
                <option value="me">{t`Me`}</option>
                <option value="unassigned">
                  {t({ message: 'Unassigned', context: 'assignee' })}
                </option>
                <option value="user">{t`A user…`}</option>
              </select>
            )}
          </Field>
          {form.assignee === 'user' ? (
            <Field label={t`Assignee user name`} error={errors.assigneeName}>
              {(ids) => (
                <input
                  {...ids}
                  className="input"
                  autoComplete="off"
                  value={form.assigneeName}
                  onChange={(event) => {
                    set({ assigneeName: event.target.value });
                  }}
                />
              )}
            </Field>
          ) : null}
          <CandidateGroupField
            value={form.candidateGroup}
            groups={viewer.groups}
            error={errors.candidateGroup}
            onChange={(candidateGroup) => {
              set({ candidateGroup });
            }}
          />
          <Field
            label={t`Candidate user`}
            hint={t`Tasks this user may work on as a candidate.`}
            error={errors.candidateUser}
          >
            {(ids) => (
              <input
                {...ids}
                className="input"
                autoComplete="off"
                value={form.candidateUser}
                onChange={(event) => {
                  set({ candidateUser: event.target.value });
                }}
              />
            )}
          </Field>
          <Field label={t`Task state`}>
            {(ids) => (
              <select
                {...ids}
                className="input"
                value={form.state}
                onChange={(event) => {
                  set({
                    state: event.target.value as FilterForm['state'],
                  });
                }}
              >
                {TASK_STATES.map((value) => (
                  <option key={value} value={value}>
                    {i18n._(STATE_LABELS[value])}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <DateRangeFields form={form} errors={errors} onChange={set} />
          <MoreConditions form={form} errors={errors} onChange={set} />
          <Field label={t`Sort by`}>
            {(ids) => (
              <select
                {...ids}
                className="input"
                value={sort}
                onChange={(event) => {
                  set({ sort: event.target.value as TaskSort });
                }}
              >
                {sortsFor(form.state).map((value) => (
                  <option key={value} value={value}>
                    {i18n._(SORT_LABELS[value])}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <p className="visually-hidden" role="status">
          {status}
        </p>
        <div className="dialog__actions">
          <Button
            onPress={() => {
              setForm(EMPTY_FORM);
              setErrors({});
              setStatus(t`The fields were reset; Apply shows all open tasks.`);
            }}
          >
            <Trans>Reset</Trans>
          </Button>
          <Button variant="ghost" onPress={onClose}>
            <Trans>Cancel</Trans>
          </Button>
          <Button variant="primary" type="submit">
            {editing ? t`Save` : t`Apply`}
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}
