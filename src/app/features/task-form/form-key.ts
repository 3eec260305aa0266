/** How Tasklist marks a form embedded in the process (a Camunda Form). */
const CAMUNDA_FORM_PREFIX = 'camunda-forms:bpmn:';

/**
 * The embedded form's id: the formKey without its prefix (ids may contain
 * ':'). Null for no form or a custom form the inbox cannot render.
 */
export function embeddedFormId(formKey: string | null): string | null {
  return formKey?.startsWith(CAMUNDA_FORM_PREFIX)
    ? formKey.slice(CAMUNDA_FORM_PREFIX.length)
    : null;
}
