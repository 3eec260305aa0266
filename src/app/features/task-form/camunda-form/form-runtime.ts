import { plural, t } from '@lingui/core/macro';
/**
 * Small helpers around a live form-js `Form`: collecting data, watching edits,
 * finding the first invalid field. Kept apart from the React component so each
 * piece stays small and testable.
 */
import type { Form } from '@bpmn-io/form-js-viewer';

type Data = Record<string, unknown>;

/**
 * Commits what the focused field holds before reading the data: with
 * debouncing off this is a no-op for form-js's own fields, but a field that
 * commits on blur (the date and time pickers parse typed text then) needs it
 * when completion is triggered from the keyboard. Focus goes back afterwards.
 */
function commitPendingInput(host: Element): () => void {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement) || !host.contains(active)) {
    return () => undefined;
  }
  active.blur();
  return () => {
    if (active.isConnected) active.focus();
  };
}

/**
 * Validates and collects what form-js would submit: the values of rendered,
 * enabled, keyed fields at their key or path. form-js refuses to submit a
 * read-only form, so read-only is lifted for the duration of the call; no
 * render happens in between, so nothing flickers. The returned `refocus`
 * puts focus back on the field that had it (call it when there is nothing
 * better to focus).
 */
export function submitAll(
  form: Form,
  host: Element,
  readOnly: boolean,
): { data: Data; errors: unknown; refocus: () => void } {
  const refocus = commitPendingInput(host);
  if (readOnly) form.setProperty('readOnly', false);
  try {
    const { data, errors } = form.submit();
    return { data, errors, refocus };
  } finally {
    if (readOnly) form.setProperty('readOnly', true);
  }
}

interface FieldUpdate {
  field?: { type?: unknown };
  fieldInstance?: { valuePath?: unknown };
  value?: unknown;
}

function valueAt(data: unknown, path: unknown): unknown {
  if (!Array.isArray(path)) return undefined;
  let current = data;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[String(segment)];
  }
  return current;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * Calls `emit` with the would-be submit data after each edit by the person.
 * Opening a form is not an edit, though form-js reports updates then too:
 * expression fields compute their value and number fields re-send the value
 * they were given. So the first update counts only when it is not an
 * expression and actually changes a value. Emission waits for form-js's next
 * render, when fields hidden by the change have left the form.
 */
export function watchUserChanges(
  form: Form,
  emit: (data: Data) => void,
): () => void {
  let edited = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // form-js mutates its data in place before reporting an update, so compare
  // against a copy taken at the previous state change.
  let previous: unknown;
  const onChanged = (state: { data?: unknown } | undefined) => {
    if (!edited) previous = structuredClone(state?.data);
  };
  const onUpdated = (update: FieldUpdate | undefined) => {
    if (!edited) {
      if (update?.field?.type === 'expression') return;
      const before = valueAt(previous, update?.fieldInstance?.valuePath);
      if (sameValue(before, update?.value)) return;
      edited = true;
    }
    if (timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      emit(form._getSubmitData());
    }, 0);
  };
  form.on('changed', onChanged);
  form.on('field.updated', onUpdated);
  return () => {
    clearTimeout(timer);
    form.off('changed', onChanged);
    form.off('field.updated', onUpdated);
  };
}

const FOCUSABLE = [
  'input:not([type="hidden"]):not([disabled]):not(.fjs-hidden)',
  'textarea:not([disabled])',
  'select:not([disabled])',
  'button:not([disabled])',
  '[tabindex]:not([tabindex="-1"])',
].join(', ');

/**
 * The first field form-js marks as invalid, in document order: where to put
 * focus and what to call it.
 */
export function findFirstInvalid(
  root: Element,
): { focusTarget: HTMLElement | null; label: string | undefined } | undefined {
  const field = root.querySelector('.fjs-has-errors');
  if (!field) return undefined;
  const label = field
    .querySelector('label, .fjs-form-field-label')
    ?.textContent.replace(/\*\s*$/, '')
    .trim();
  return {
    focusTarget: field.querySelector<HTMLElement>(FOCUSABLE),
    label: label === '' ? undefined : label,
  };
}

/**
 * form-js marks invalid fields with `aria-invalid`, except its date and time
 * pickers: a screen reader would not say that a required date is missing.
 * This keeps their inputs' `aria-invalid` in step with the error state
 * form-js renders on the field (`fjs-has-errors`), as it changes.
 */
export function watchPickerValidity(root: Element): () => void {
  const sync = () => {
    for (const field of root.querySelectorAll('.fjs-form-field-datetime')) {
      const invalid = field.classList.contains('fjs-has-errors');
      for (const input of field.querySelectorAll('input')) {
        if (invalid) input.setAttribute('aria-invalid', 'true');
        else input.removeAttribute('aria-invalid');
      }
    }
  };
  sync();
  // Only class changes and new nodes: our own aria-invalid writes do not
  // wake the observer again.
  const observer = new MutationObserver(sync);
  observer.observe(root, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['class'],
  });
  return () => {
    observer.disconnect();
  };
}

/** The sentence announced when validation fails. */
export function describeErrors(count: number, firstLabel?: string): string {
  const summary = plural(count, {
    one: '# field needs your attention.',
    other: '# fields need your attention.',
  });
  return firstLabel ? t`${summary} First: ${firstLabel}.` : summary;
}
