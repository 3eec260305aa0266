/**
 * What `CamundaForm` (light, in the task route's chunk) and
 * `CamundaFormViewer` (form-js, loaded on demand) agree on. Both import this
 * module and neither imports the other statically, so the viewer's chunk
 * stays out of the first load and the two never form an import cycle.
 */
import type { Ref } from 'react';

/** The answer of {@link CamundaFormApi.validateAndCollect}. */
export type FormCollectResult =
  | { ok: true; data: Record<string, unknown> }
  | { ok: false; errorCount: number };

export interface CamundaFormApi {
  /** Validates; on errors shows them on the fields, focuses the first one and returns ok:false. */
  validateAndCollect(): FormCollectResult;
}

export interface CamundaFormProps {
  /** Form.schema as returned by Tasklist (JSON text). A new schema re-imports the form. */
  schema: string;
  /**
   * Decoded task variables and/or a restored draft. Read when the schema is
   * imported; later changes are ignored so typing is never overwritten. To
   * start over (another task), give the component a new `key`.
   */
  initialData: Record<string, unknown>;
  /** Read-only until the parent says otherwise; toggling keeps the input. */
  readOnly: boolean;
  /** After each edit, with the data `validateAndCollect` would return (for drafts). */
  onChange?: (data: Record<string, unknown>) => void;
  /**
   * While the form code is still loading (or the schema failed to import),
   * `validateAndCollect()` returns {@link FORM_NOT_READY}.
   */
  apiRef: Ref<CamundaFormApi>;
  /** Invalid schema → caller falls back to a variables editor. Without it, an error is shown in place. */
  onImportError?: (error: Error) => void;
}

/**
 * No form to validate yet (code loading, schema importing or broken). It
 * counts no field errors, which is how callers tell it from invalid input.
 */
export const FORM_NOT_READY: FormCollectResult = Object.freeze({
  ok: false,
  errorCount: 0,
});
