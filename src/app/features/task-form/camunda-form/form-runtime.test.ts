import type { Form } from '@bpmn-io/form-js-viewer';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { describeErrors, watchUserChanges } from './form-runtime';

type Listener = (event: unknown) => void;

/** Just the event bus and submit data of a form-js `Form`. */
function aFakeForm(data: Record<string, unknown>) {
  const listeners = new Map<string, Set<Listener>>();
  const fake = {
    data,
    on(event: string, listener: Listener) {
      const set = listeners.get(event) ?? new Set<Listener>();
      set.add(listener);
      listeners.set(event, set);
    },
    off(event: string, listener: Listener) {
      listeners.get(event)?.delete(listener);
    },
    _getSubmitData: () => ({ ...fake.data }),
    emit(event: string, payload: unknown) {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
    listenerCount: () =>
      [...listeners.values()].reduce((sum, set) => sum + set.size, 0),
  };
  return fake;
}

/** form-js reports a field update after it changed the data in place. */
function update(
  form: ReturnType<typeof aFakeForm>,
  key: string,
  value: unknown,
  type = 'textfield',
) {
  form.emit('changed', { data: structuredClone(form.data) });
  form.data[key] = value;
  form.emit('field.updated', {
    field: { type },
    fieldInstance: { valuePath: [key] },
    value,
  });
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('watchUserChanges', () => {
  it('ignores what form-js reports while opening a form: expressions and unchanged values', () => {
    const form = aFakeForm({ amount: 2 });
    const emit = vi.fn();
    watchUserChanges(form as unknown as Form, emit);

    update(form, 'double', 4, 'expression');
    update(form, 'amount', 2, 'number');
    vi.runAllTimers();

    expect(emit).not.toHaveBeenCalled();
  });

  it('reports the submit data once per burst of edits, after form-js re-rendered', () => {
    const form = aFakeForm({ amount: 2 });
    const emit = vi.fn();
    watchUserChanges(form as unknown as Form, emit);

    update(form, 'name', 'A');
    update(form, 'name', 'Al');
    expect(emit).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(emit).toHaveBeenCalledTimes(1);
    expect(emit).toHaveBeenLastCalledWith({ amount: 2, name: 'Al' });

    // Once edited, every update counts, expressions included.
    update(form, 'double', 6, 'expression');
    vi.runAllTimers();
    expect(emit).toHaveBeenCalledTimes(2);
  });

  it('stops listening and drops a pending report when stopped', () => {
    const form = aFakeForm({});
    const emit = vi.fn();
    const stop = watchUserChanges(form as unknown as Form, emit);
    update(form, 'name', 'A');
    stop();
    vi.runAllTimers();
    expect(emit).not.toHaveBeenCalled();
    expect(form.listenerCount()).toBe(0);
  });
});

describe('describeErrors', () => {
  it('names the count and the first field', () => {
    expect(describeErrors(1)).toBe('1 field needs your attention.');
    expect(describeErrors(2, 'Email')).toBe(
      '2 fields need your attention. First: Email.',
    );
  });
});
