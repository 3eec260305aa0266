import { useLingui } from '@lingui/react/macro';
import type { FilterForm, FilterFormErrors } from './filter-form';
import { Field } from './form-field';

interface FieldsProps {
  form: FilterForm;
  errors: FilterFormErrors;
  onChange: (change: Partial<FilterForm>) => void;
}

type DayField = 'dueFrom' | 'dueTo' | 'followUpFrom' | 'followUpTo';

function DayInput({
  field,
  label,
  form,
  errors,
  onChange,
}: FieldsProps & { field: DayField; label: string }) {
  return (
    <Field label={label} error={errors[field]}>
      {(ids) => (
        <input
          {...ids}
          type="date"
          className="input"
          value={form[field]}
          onChange={(event) => {
            onChange({ [field]: event.target.value });
          }}
        />
      )}
    </Field>
  );
}

/** `Due from` / `Due to` and `Follow-up from` / `Follow-up to`: inclusive days; one end may stay open. */
export function DateRangeFields(props: FieldsProps) {
  const { t } = useLingui();
  return (
    <>
      <fieldset className="filter-form__range">
        <legend>{t`Due date`}</legend>
        <DayInput {...props} field="dueFrom" label={t`Due from`} />
        <DayInput {...props} field="dueTo" label={t`Due to`} />
      </fieldset>
      <fieldset className="filter-form__range">
        <legend>{t`Follow-up date`}</legend>
        <DayInput {...props} field="followUpFrom" label={t`Follow-up from`} />
        <DayInput {...props} field="followUpTo" label={t`Follow-up to`} />
      </fieldset>
    </>
  );
}

/** The API's two narrow filters, folded away: process instance and task definition. */
export function MoreConditions({ form, errors, onChange }: FieldsProps) {
  const { t } = useLingui();
  const open =
    form.processInstance !== '' ||
    form.taskDefinition !== '' ||
    errors.processInstance !== undefined ||
    errors.taskDefinition !== undefined;
  return (
    <details className="filter-form__more" open={open || undefined}>
      <summary>{t`More conditions`}</summary>
      <Field
        label={t`Process instance key`}
        hint={t`Only the tasks of one process instance.`}
        error={errors.processInstance}
      >
        {(ids) => (
          <input
            {...ids}
            className="input"
            inputMode="numeric"
            autoComplete="off"
            value={form.processInstance}
            onChange={(event) => {
              onChange({ processInstance: event.target.value });
            }}
          />
        )}
      </Field>
      <Field
        label={t`Task definition ID`}
        hint={t`The BPMN id of the user task, e.g. approveInvoice.`}
        error={errors.taskDefinition}
      >
        {(ids) => (
          <input
            {...ids}
            className="input"
            autoComplete="off"
            value={form.taskDefinition}
            onChange={(event) => {
              onChange({ taskDefinition: event.target.value });
            }}
          />
        )}
      </Field>
    </details>
  );
}
