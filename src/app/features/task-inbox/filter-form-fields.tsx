import type { FilterForm, FilterFormErrors } from './filter-form';
import { Field } from './form-field';

const TEXT = {
  due: 'Due date',
  dueFrom: 'Due from',
  dueTo: 'Due to',
  followUp: 'Follow-up date',
  followUpFrom: 'Follow-up from',
  followUpTo: 'Follow-up to',
  more: 'More conditions',
  processInstance: 'Process instance key',
  processInstanceHint: 'Only the tasks of one process instance.',
  taskDefinition: 'Task definition ID',
  taskDefinitionHint: 'The BPMN id of the user task, e.g. approveInvoice.',
};

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
  return (
    <>
      <fieldset className="filter-form__range">
        <legend>{TEXT.due}</legend>
        <DayInput {...props} field="dueFrom" label={TEXT.dueFrom} />
        <DayInput {...props} field="dueTo" label={TEXT.dueTo} />
      </fieldset>
      <fieldset className="filter-form__range">
        <legend>{TEXT.followUp}</legend>
        <DayInput {...props} field="followUpFrom" label={TEXT.followUpFrom} />
        <DayInput {...props} field="followUpTo" label={TEXT.followUpTo} />
      </fieldset>
    </>
  );
}

/** The API's two narrow filters, folded away: process instance and task definition. */
export function MoreConditions({ form, errors, onChange }: FieldsProps) {
  const open =
    form.processInstance !== '' ||
    form.taskDefinition !== '' ||
    errors.processInstance !== undefined ||
    errors.taskDefinition !== undefined;
  return (
    <details className="filter-form__more" open={open || undefined}>
      <summary>{TEXT.more}</summary>
      <Field
        label={TEXT.processInstance}
        hint={TEXT.processInstanceHint}
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
        label={TEXT.taskDefinition}
        hint={TEXT.taskDefinitionHint}
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
