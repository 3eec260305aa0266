/* eslint-disable testing-library/no-node-access -- form-js renders these
   fields; the driver finds them by their schema id in form-js's markup, which
   no role query can express. */
/**
 * A generic driver for any Camunda Form rendered by form-js: it plans from the
 * schema which fields a person could fill, finds them in the DOM (also inside
 * groups and dynamic lists, skipping hidden ones), fills each like a person
 * would (typing, clicking the first option, picking dates and times) and
 * returns how to check the value that ends up in the submitted data.
 */
import { waitFor } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { expect } from 'vitest';

export type Json = Record<string, unknown>;
type Data = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at `path` inside nested objects and arrays, or undefined. */
export function at(data: unknown, path: (string | number)[]): unknown {
  let current = data;
  for (const segment of path) {
    if (!isObject(current) && !Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[String(segment)];
  }
  return current;
}

const FILLABLE = new Set([
  'textfield',
  'textarea',
  'number',
  'checkbox',
  'radio',
  'select',
  'checklist',
  'taglist',
  'datetime',
]);

interface PlannedField {
  component: Json;
  /** Data path; inside a dynamic list, relative to the list item. */
  path: string[];
  list?: { path: string[] };
}

function keyPath(value: unknown): string[] {
  return typeof value === 'string' && value ? value.split('.') : [];
}

/** The fields a person could fill: keyed inputs that are neither disabled nor read-only. */
function plan(
  components: unknown,
  prefix: string[] = [],
  list?: { path: string[] },
): PlannedField[] {
  if (!Array.isArray(components)) return [];
  return components.filter(isObject).flatMap((component): PlannedField[] => {
    const type = String(component.type);
    if (type === 'group') {
      return plan(component.components, [
        ...prefix,
        ...keyPath(component.path),
      ]);
    }
    if (type === 'dynamiclist') {
      const listPath = [...prefix, ...keyPath(component.path)];
      return plan(component.components, [], { path: listPath });
    }
    if (!FILLABLE.has(type) || typeof component.key !== 'string') return [];
    if (component.disabled === true || component.readonly) return [];
    const field: PlannedField = {
      component,
      path: [...prefix, ...keyPath(component.key)],
    };
    if (list) field.list = list;
    return [field];
  });
}

function formDomId(): string {
  // Field ids are `fjs-form-<form id>-<field id>`; tables leave the form id out.
  for (const element of document.querySelectorAll('[id^="fjs-form-"]')) {
    const match = /^fjs-form-([a-z0-9]+)-/.exec(element.id);
    if (match?.[1]) return match[1];
  }
  throw new Error('no form-js field ids rendered');
}

function fieldWrapperById(domId: string): HTMLElement | null {
  const element =
    document.getElementById(domId) ??
    document.querySelector(`[id^="${CSS.escape(domId)}-"]`);
  return element?.closest<HTMLElement>('.fjs-form-field') ?? null;
}

function labelText(wrapper: Element): string {
  return (
    wrapper
      .querySelector('.fjs-form-field-label')
      ?.textContent.replace(/\*$/, '')
      .trim() ?? ''
  );
}

interface Target {
  wrapper: HTMLElement;
  path: (string | number)[];
}

/** Every component of the schema, children of groups and lists included, in order. */
function flatten(components: unknown): Json[] {
  if (!Array.isArray(components)) return [];
  return components
    .filter(isObject)
    .flatMap((c) => [c, ...flatten(c.components)]);
}

/**
 * The rendered fields of `type` that belong to no component with an id or a
 * label: form-js gives those a generated id and a default label ("Number").
 */
function anonymousWrappers(type: string, schema: Json[]): HTMLElement[] {
  const named = schema.filter(
    (c) => c.type === type && (typeof c.id === 'string' || c.label),
  );
  const renders = (c: Json, wrapper: HTMLElement) => {
    if (typeof c.id !== 'string') return labelText(wrapper) === c.label;
    const base = `fjs-form-${formDomId()}-${c.id}`;
    return [...wrapper.querySelectorAll('[id]')].some(
      (e) =>
        e.id === base ||
        (/^[-_]/.test(e.id.slice(base.length)) && e.id.startsWith(base)),
    );
  };
  return [
    ...document.querySelectorAll<HTMLElement>(`.fjs-form-field-${type}`),
  ].filter((wrapper) => !named.some((c) => renders(c, wrapper)));
}

/** Where a planned field is rendered; empty when it is hidden. */
function locate(field: PlannedField, schema: Json[]): Target[] {
  const { component } = field;
  const type = String(component.type);
  if (typeof component.id === 'string') {
    const base = `fjs-form-${formDomId()}-${component.id}`;
    if (!field.list) {
      const wrapper = fieldWrapperById(base);
      return wrapper ? [{ wrapper, path: field.path }] : [];
    }
    const listPath = field.list.path;
    return Array.from({ length: 20 }, (_, index) => index).flatMap((index) => {
      const wrapper = fieldWrapperById(`${base}_${index}`);
      return wrapper
        ? [{ wrapper, path: [...listPath, index, ...field.path] }]
        : [];
    });
  }
  if (field.list) throw new Error('list fields without an id are not driven');
  const label = typeof component.label === 'string' ? component.label : '';
  if (label) {
    const wrapper = [
      ...document.querySelectorAll<HTMLElement>(`.fjs-form-field-${type}`),
    ].find((c) => labelText(c) === label);
    return wrapper ? [{ wrapper, path: field.path }] : [];
  }
  // Neither id nor label: the n-th such field of its type.
  const peers = schema.filter(
    (c) => c.type === type && typeof c.id !== 'string' && !c.label,
  );
  const wrapper = anonymousWrappers(type, schema)[peers.indexOf(component)];
  return wrapper ? [{ wrapper, path: field.path }] : [];
}

type Check = (value: unknown) => void;

function resolve(value: unknown, data: Data): unknown {
  return typeof value === 'string' && value.startsWith('=')
    ? data[value.slice(1)]
    : value;
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

const SAMPLE_TEXTS = [
  'Sample text',
  'C-1042',
  'ABC-123',
  '12345',
  'abc',
  'A considerably longer sample text',
];

function sampleText(component: Json, data: Data): string {
  const validate = isObject(component.validate) ? component.validate : {};
  if (validate.validationType === 'email') return 'ada@example.com';
  if (validate.validationType === 'phone') return '+4930123456';
  const pattern =
    typeof validate.pattern === 'string' ? new RegExp(validate.pattern) : null;
  const min = num(resolve(validate.minLength, data)) ?? 0;
  const max = num(resolve(validate.maxLength, data)) ?? Infinity;
  const base =
    component.type === 'textarea'
      ? ['A reason that is long enough to pass.', ...SAMPLE_TEXTS]
      : SAMPLE_TEXTS;
  const text = base.find(
    (t) => (!pattern || pattern.test(t)) && t.length >= min && t.length <= max,
  );
  if (!text) throw new Error(`no sample text fits ${JSON.stringify(validate)}`);
  return text;
}

function sampleNumber(component: Json, data: Data): number {
  const validate = isObject(component.validate) ? component.validate : {};
  const min = num(resolve(validate.min, data)) ?? -Infinity;
  const max = num(resolve(validate.max, data)) ?? Infinity;
  let target = 42;
  if (Number.isFinite(min) && Number.isFinite(max))
    target = Math.floor((min + max) / 2);
  else if (Number.isFinite(min)) target = min + 1;
  else if (Number.isFinite(max)) target = Math.min(42, max);
  // form-js only accepts multiples of `increment`.
  const step = Number(component.increment ?? 0);
  if (!step) return target;
  let value = Math.max(step, Math.round(target / step) * step);
  if (value < min) value += step;
  if (value > max) value -= step;
  return value;
}

/** The first option's value when it is known from the schema or the data. */
function firstOptionValue(component: Json, data: Data): unknown {
  const options = Array.isArray(component.values)
    ? component.values
    : typeof component.valuesKey === 'string'
      ? data[component.valuesKey]
      : undefined;
  if (!Array.isArray(options)) return undefined;
  const first: unknown = options[0];
  return isObject(first) ? first.value : first;
}

function input(wrapper: HTMLElement, selector = 'input, textarea') {
  const element = wrapper.querySelector<HTMLInputElement>(selector);
  if (!element) throw new Error(`no ${selector} in ${wrapper.className}`);
  return element;
}

async function pickFirstFromDropdown(
  user: UserEvent,
  wrapper: HTMLElement,
  opener: HTMLElement,
): Promise<boolean> {
  await user.click(opener);
  // A click on a select that already has focus closes it again.
  if (!wrapper.querySelector('.fjs-dropdownlist')) await user.click(opener);
  const item = wrapper.querySelector<HTMLElement>('.fjs-dropdownlist-item');
  if (!item) return false;
  await user.click(item);
  return true;
}

const DATE = { typed: '01/15/2030', value: '2030-01-15' };

function checkTime(format: unknown, value: unknown) {
  expect(value).toEqual(expect.any(String));
  if (format === 'utc_normalized') {
    const local = new Date(2030, 0, 15, 9, 30);
    const utc = `${String(local.getUTCHours()).padStart(2, '0')}:30Z`;
    expect(value).toBe(utc);
  } else {
    expect(value).toMatch(/^09:30(?:Z|[+-]\d\d:\d\d)?$/);
  }
}

async function fillDatetime(
  user: UserEvent,
  wrapper: HTMLElement,
  component: Json,
): Promise<Check> {
  const subtype = component.subtype ?? 'date';
  const format = component.timeSerializingFormat ?? 'utc_offset';
  if (subtype !== 'time') {
    const date = input(wrapper, 'input[id$="-date"]');
    await user.clear(date);
    await user.type(date, DATE.typed);
    await user.tab();
  }
  if (subtype !== 'date') {
    const time = input(wrapper, 'input[id$="-time"]');
    await user.clear(time);
    await user.type(time, component.use24h ? '09:30' : '09:30 AM');
    await user.tab();
  }
  if (subtype === 'date')
    return (value) => {
      expect(value).toBe(DATE.value);
    };
  if (subtype === 'time')
    return (value) => {
      checkTime(format, value);
    };
  return (value) => {
    expect(value).toEqual(expect.any(String));
    const text = String(value);
    if (format === 'no_timezone') expect(text).toMatch(/^2030-01-15T09:30/);
    else
      expect(new Date(text).getTime()).toBe(
        new Date(2030, 0, 15, 9, 30).getTime(),
      );
  };
}

/** Fills one rendered field like a person would; returns how to check its value. */
async function fill(
  user: UserEvent,
  wrapper: HTMLElement,
  component: Json,
  data: Data,
): Promise<Check | undefined> {
  const known = firstOptionValue(component, data);
  const option: Check = (value) => {
    if (known === undefined) expect(value).not.toBeNull();
    else expect(value).toEqual(known);
  };
  switch (component.type) {
    case 'textfield':
    case 'textarea': {
      const text = sampleText(component, data);
      const field = input(wrapper);
      await user.clear(field);
      // Pasting is one input event; typing re-renders the whole form per key,
      // which makes the big forms slow in jsdom without testing anything more.
      await user.paste(text);
      return (value) => {
        expect(value).toBe(text);
      };
    }
    case 'number': {
      const number = sampleNumber(component, data);
      const field = input(wrapper);
      await user.clear(field);
      await user.type(field, String(number));
      const expected = component.serializeToString ? String(number) : number;
      return (value) => {
        expect(value).toEqual(expected);
      };
    }
    case 'checkbox': {
      const box = input(wrapper, 'input[type="checkbox"]');
      if (!box.checked) await user.click(box);
      return (value) => {
        expect(value).toBe(true);
      };
    }
    case 'radio': {
      const first = wrapper.querySelector<HTMLElement>('input[type="radio"]');
      if (!first) return undefined;
      await user.click(first);
      return option;
    }
    case 'checklist': {
      const first = wrapper.querySelector<HTMLInputElement>(
        'input[type="checkbox"]',
      );
      if (!first) return undefined;
      if (!first.checked) await user.click(first);
      return (value) => {
        if (known === undefined) expect(value).not.toEqual([]);
        else expect(value).toEqual(expect.arrayContaining([known]));
      };
    }
    case 'select':
    case 'taglist': {
      const opener = input(wrapper, 'input');
      if (!(await pickFirstFromDropdown(user, wrapper, opener)))
        return undefined;
      if (component.type === 'select') return option;
      return (value) => {
        if (known === undefined) expect(value).not.toEqual([]);
        else expect(value).toEqual(expect.arrayContaining([known]));
      };
    }
    case 'datetime':
      return fillDatetime(user, wrapper, component);
    default:
      return undefined;
  }
}

interface Filled {
  field: PlannedField;
  path: (string | number)[];
  check: Check;
}

/** A field the driver filled, and how to check what was submitted for it. */
export interface FilledField {
  /** Where its value lands in the submitted data. */
  path: (string | number)[];
  /** False when a later answer hid it again (a FEEL condition): then nothing may be submitted for it. */
  shown: boolean;
  check: Check;
}

/** Resolves once form-js has rendered its form into the page. */
export async function waitForFormJs(): Promise<void> {
  await waitFor(() => {
    expect(document.querySelector('.fjs-form')).not.toBeNull();
  });
}

/**
 * Fills every visible, editable field of the rendered form in schema order,
 * like a person would. `data` is what the form was opened with (it may hold
 * validation limits and options). Returns what was filled, noting which
 * fields are still shown once everything is filled.
 */
export async function fillForm(
  user: UserEvent,
  schema: Json,
  data: Data,
): Promise<FilledField[]> {
  const fields = plan(schema.components);
  const all = flatten(schema.components);
  const filled: Filled[] = [];
  for (const field of fields) {
    for (const target of locate(field, all)) {
      const check = await fill(user, target.wrapper, field.component, data);
      if (check) filled.push({ field, path: target.path, check });
    }
  }
  return filled.map(({ field, path, check }) => ({
    path,
    check,
    shown: locate(field, all).some(
      (t) => JSON.stringify(t.path) === JSON.stringify(path),
    ),
  }));
}

/**
 * Checks submitted data against what was filled: every shown field holds the
 * value typed or picked, a field hidden since holds nothing.
 */
export function expectFilledValues(filled: FilledField[], submitted: Data) {
  for (const { path, shown, check } of filled) {
    if (shown) check(at(submitted, path));
    else expect(at(submitted, path)).toBeUndefined();
  }
}
