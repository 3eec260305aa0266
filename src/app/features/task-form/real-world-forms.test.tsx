// @vitest-environment happy-dom
/* eslint-disable testing-library/no-node-access -- form-js renders these
   fields; the generic driver finds them by their schema id in form-js's markup,
   which no role query can express. */
/**
 * Every real Camunda Form in ../shared/reference/forms (read in place, never
 * copied) rendered through CamundaForm, filled from its schema the way a
 * person would, and collected. Then one test per component kind the issue
 * names, and per known limitation (docs/forms.md), asserting the documented
 * behaviour.
 */
import { createRef } from 'react';
import { getSchemaVariables } from '@bpmn-io/form-js-viewer';
import {
  configure,
  render,
  screen,
  waitFor,
  within,
} from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  CamundaForm,
  formVariableNames,
  type CamundaFormApi,
} from './camunda-form';

// Big forms take a few seconds in a DOM emulation, more on a busy machine.
vi.setConfig({ testTimeout: 60_000 });
configure({ asyncUtilTimeout: 10_000 });

interface NodeFs {
  existsSync(path: string): boolean;
  readdirSync(path: string): string[];
  readFileSync(path: string, encoding: 'utf8'): string;
}
// The reference forms are files outside the repository, so only Node can read
// them; tests run in Node even under a DOM emulation. The app's tsconfig has
// no Node types and lint keeps `node:` imports out of browser code, so fs is
// loaded untyped here. Test-only: this file is never bundled.
const FS_MODULE = 'node:fs';
const fs = (await import(/* @vite-ignore */ FS_MODULE)) as NodeFs;

// Relative to the repository root, where vitest runs.
const FORMS_DIR = '../shared/reference/forms';
const SKIP_REASON = `the reference forms are not present at ${FORMS_DIR} (they live outside this repository)`;
const FORM_FILES = fs.existsSync(FORMS_DIR)
  ? fs
      .readdirSync(FORMS_DIR)
      .filter((name) => name.endsWith('.form.json'))
      .sort()
  : [];

type Json = Record<string, unknown>;
type Data = Record<string, unknown>;

function readForm(name: string): string {
  return fs.readFileSync(`${FORMS_DIR}/${name}.form.json`, 'utf8');
}

function nth<T>(items: T[], index: number): T {
  const item = items[index];
  if (item === undefined)
    throw new Error(`no item ${index} of ${items.length}`);
  return item;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function at(data: unknown, path: (string | number)[]): unknown {
  let current = data;
  for (const segment of path) {
    if (!isObject(current) && !Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[String(segment)];
  }
  return current;
}

/** Variables a process would have set for each form; used as task variables. */
const TASK_VARIABLES: Record<string, Data> = {
  'formjs-complex-all-components': {
    tableSource: [
      { id: 1, name: 'Ada', age: 36 },
      { id: 2, name: 'Grace', age: 45 },
    ],
    // Required but read-only: only the process can provide these.
    readonly_time: '08:15+00:00',
    readonly_datetime: '2030-02-01T08:15:00Z',
  },
  'formjs-playground-kitchen-sink': {
    queriedDRIs: [
      { label: 'Ada', value: 'ada' },
      { label: 'Grace', value: 'grace' },
    ],
    logo: 'data:image/png;base64,iVBORw0KGgo=',
  },
  'formjs-dynamiclist-table-filter': {
    onlyShowRiskAbove: 5,
    riskEntries: [
      { risk: 7, name: 'Flood', date: '2030-01-01' },
      { risk: 2, name: 'Drought', date: '2030-02-01' },
    ],
  },
  'formjs-expression-fields': {
    tp: {
      days: 'every_day',
      hours: '8_hours_per_day',
      time_span: 'year',
      pi: 1000,
      tasks: 2,
      daysFactor: 365,
      hoursFactor: 8,
      numbers: { second: 1, second_tasks: 2, day: 10, day_tasks: 20 },
    },
    b: { dynamic: 2, period: 3, buffer: 1.5, buffer_numbers: { factor: 8 } },
    ds: {
      payload: 1,
      payload_base64: 1,
      cycle_time: 1,
      zeebe_retention: 1,
      operate_retention: 1,
      optimize_retention: 1,
      tasklist_retention: 1,
    },
  },
  'formjs-feel-validation': { min: 10, max: 100, minLength: 3, maxLength: 20 },
  'formjs-table-columns-expression': {
    Field_0k6resc1: [{ id: 1, name: 'Static', date: '2030-01-01' }],
    Field_0k6resc2: [{ code: 'X1', title: 'Dynamic' }],
    tableHeaders: [
      { key: 'code', label: 'Code' },
      { key: 'title', label: 'Title' },
    ],
  },
  'formjs-text-templating': {
    value: 5,
    minimum: 1,
    display: { subdisplay: 'shown' },
    external1: { question: 'Q1' },
    external2: 'E2',
    orgs: [{ members: [{}, {}] }],
  },
  'examples-check-payment': {
    customerId: 'cust-7',
    creditCardErrorMessage: 'Card declined',
    remainingAmount: 30,
    orderTotal: 30,
  },
  'tutorial-review-expense-report': {
    firstName: 'Ada',
    email: 'ada@example.com',
    expenseType: 'custom',
    expenseAmount: 12.5,
  },
};

// ---------------------------------------------------------------------------
// Rendering

beforeAll(async () => {
  // jsdom has no layout, so no scrollIntoView; form-js's dropdowns call it.
  Object.defineProperty(Element.prototype, 'scrollIntoView', {
    configurable: true,
    value: () => undefined,
  });
  // Load the lazy chunk once up front, so each test waits only for its form.
  await import('./camunda-form-viewer');
});

afterAll(() => {
  Reflect.deleteProperty(Element.prototype, 'scrollIntoView');
});

async function renderForm(
  name: string,
  data: Data = TASK_VARIABLES[name] ?? {},
) {
  const apiRef = createRef<CamundaFormApi>();
  const schema = readForm(name);
  const view = render(
    <CamundaForm
      schema={schema}
      initialData={data}
      readOnly={false}
      apiRef={apiRef}
    />,
  );
  await waitFor(() => {
    expect(document.querySelector('.fjs-form')).not.toBeNull();
  });
  const collect = () => {
    if (!apiRef.current) throw new Error('apiRef was not set');
    return apiRef.current.validateAndCollect();
  };
  /** Waits for form-js's effects (expressions, date parts) to settle, then collects. */
  const collectValid = () =>
    waitFor(() => {
      const result = collect();
      if (!result.ok)
        throw new Error(
          `${result.errorCount} invalid fields: ${[...document.querySelectorAll('.fjs-has-errors')].map((e) => e.textContent).join(' | ')}`,
        );
      return result.data;
    });
  return { ...view, schema: JSON.parse(schema) as Json, collect, collectValid };
}

// ---------------------------------------------------------------------------
// The generic driver: plan from the schema, find in the DOM, fill like a person

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

/** Where a planned field is rendered; empty when it is hidden. */
function locate(field: PlannedField, all: PlannedField[]): Target[] {
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
  const candidates = [
    ...document.querySelectorAll<HTMLElement>(`.fjs-form-field-${type}`),
  ];
  const label = typeof component.label === 'string' ? component.label : '';
  if (label) {
    const wrapper = candidates.find((c) => labelText(c) === label);
    return wrapper ? [{ wrapper, path: field.path }] : [];
  }
  // Neither id nor label: the n-th unlabeled field of its type.
  const peers = all.filter(
    (f) => f.component.type === type && !f.component.id && !f.component.label,
  );
  const wrapper = candidates.filter((c) => !labelText(c))[peers.indexOf(field)];
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

/** Fills every visible, editable field of the rendered form, in schema order. */
async function fillAll(
  user: UserEvent,
  schema: Json,
  data: Data,
): Promise<Filled[]> {
  const fields = plan(schema.components);
  const filled: Filled[] = [];
  for (const field of fields) {
    for (const target of locate(field, fields)) {
      const check = await fill(user, target.wrapper, field.component, data);
      if (check) filled.push({ field, path: target.path, check });
    }
  }
  return filled;
}

/** Checks the collected value of every filled field that is still shown. */
function checkFilled(filled: Filled[], data: Data, all: PlannedField[]) {
  for (const { field, path, check } of filled) {
    const stillShown = locate(field, all).some(
      (t) => JSON.stringify(t.path) === JSON.stringify(path),
    );
    if (stillShown) check(at(data, path));
    else expect(at(data, path)).toBeUndefined();
  }
}

// ---------------------------------------------------------------------------

// Without the folder every test below is skipped; this entry says why.
if (FORM_FILES.length === 0) {
  it.skip(`real-world forms: skipped because ${SKIP_REASON}`, () => {
    expect(FORM_FILES).not.toEqual([]);
  });
}

describe.skipIf(FORM_FILES.length === 0)('real-world forms', () => {
  const names = FORM_FILES.map((file) => file.replace(/\.form\.json$/, ''));

  it.each(names)(
    '%s: renders, fills like a person and submits',
    async (name) => {
      const user = userEvent.setup();
      const data = TASK_VARIABLES[name] ?? {};
      const { schema, collectValid } = await renderForm(name, data);
      const filled = await fillAll(user, schema, data);
      const collected = await collectValid();
      checkFilled(filled, collected, plan(schema.components));
    },
  );

  it.each(names)(
    '%s: formVariableNames finds every variable form-js would load',
    (name) => {
      const schema = readForm(name);
      const ours = formVariableNames(schema);
      const formJs = getSchemaVariables(JSON.parse(schema) as Json);
      expect(ours).toEqual(expect.arrayContaining(formJs));
    },
  );
});

describe.skipIf(FORM_FILES.length === 0)(
  'component kinds the issue names',
  () => {
    it('groups with a path nest data and prefill (loan application)', async () => {
      const { collectValid } = await renderForm('tutorial-loan-application', {
        address: { city: 'Berlin' },
        loan: { tenure: 24 },
      });
      const address = screen.getByRole('group', { name: 'Address' });
      expect(within(address).getByLabelText('City')).toHaveValue('Berlin');
      expect(await collectValid()).toEqual({
        address: {
          first_name: 'Laya',
          last_name: 'Williams',
          address_1: '123 Anywhere Dr',
          address_2: '',
          city: 'Berlin',
          zip_code: '27697',
          state: 'North Carolina',
          country: 'USA',
        },
        contact: { email: '', phone: '', mobile: '' },
        pi: {
          ssn: '134-31-1679',
          date_of_birth: null,
          annual_salary: 55200,
          current_employer: 'Styles and Speed Printing LLC.',
        },
        loan: { amount: 25000, tenure: 24 },
      });
    });

    it('a dynamic list feeds a table and hides items by a FEEL condition on `this`', async () => {
      const user = userEvent.setup();
      const { collectValid } = await renderForm(
        'formjs-dynamiclist-table-filter',
      );
      const table = screen.getByRole('table');
      // Risk 2 is not above 5: that item's group is hidden, and the table, fed
      // from the same list, leaves it out too. Templated text shows the other.
      expect(within(table).getAllByRole('row')).toHaveLength(2);
      expect(within(table).getByText('Flood')).toBeInTheDocument();
      expect(within(table).queryByText('Drought')).toBeNull();
      expect(screen.getAllByLabelText('Risk factor')).toHaveLength(1);
      expect(screen.getByText('Risk factor: 7')).toBeInTheDocument();

      const threshold = screen.getByLabelText('Only show risk above');
      await user.clear(threshold);
      await user.type(threshold, '1');
      expect(await screen.findByText('Risk factor: 2')).toBeInTheDocument();
      expect(within(table).getByText('Drought')).toBeInTheDocument();
      expect(await collectValid()).toEqual({
        onlyShowRiskAbove: 1,
        riskEntries: [
          { risk: 7, name: 'Flood', date: '2030-01-01' },
          { risk: 2, name: 'Drought', date: '2030-02-01' },
        ],
      });
    });

    it('dynamic lists add and remove items (kitchen sink)', async () => {
      const user = userEvent.setup();
      const { collectValid } = await renderForm(
        'formjs-playground-kitchen-sink',
        { clients: [{ clientSurname: 'Lovelace', clientName: 'Ada' }] },
      );
      expect(screen.getAllByLabelText('Surname')).toHaveLength(1);
      await user.click(screen.getByRole('button', { name: /add new/i }));
      await waitFor(() => {
        expect(screen.getAllByLabelText('Surname')).toHaveLength(2);
      });
      await user.click(nth(screen.getAllByLabelText('Surname'), 1));
      await user.paste('Hopper');
      await user.click(nth(screen.getAllByLabelText('Name'), 1));
      await user.paste('Grace');
      await user.click(screen.getByLabelText(/^Creditor/));
      await user.paste('ACME');
      expect(await collectValid()).toMatchObject({
        clients: [
          { clientSurname: 'Lovelace', clientName: 'Ada' },
          { clientSurname: 'Hopper', clientName: 'Grace' },
        ],
      });

      await user.click(
        screen.getByRole('button', { name: 'Remove list item 1' }),
      );
      await waitFor(() => {
        expect(screen.getAllByLabelText('Surname')).toHaveLength(1);
      });
      expect(await collectValid()).toMatchObject({
        clients: [{ clientSurname: 'Hopper', clientName: 'Grace' }],
      });
    });

    it('tables show rows from a FEEL data source, with static or FEEL columns', async () => {
      const view = await renderForm('formjs-complex-all-components');
      const table = screen.getByRole('table');
      expect(
        within(table)
          .getAllByRole('columnheader')
          .map((h) => h.textContent),
      ).toEqual(['ID', 'Name', 'Age']);
      expect(within(table).getByText('Grace')).toBeInTheDocument();
      view.unmount();

      await renderForm('formjs-table-columns-expression');
      const dynamicTable = screen.getAllByRole('table')[1];
      if (!dynamicTable) throw new Error('two tables expected');
      expect(
        within(dynamicTable)
          .getAllByRole('columnheader')
          .map((h) => h.textContent),
      ).toEqual(['Code', 'Title']);
    });

    it('expression fields compute their values into the submitted data', async () => {
      const { collectValid } = await renderForm('formjs-expression-fields');
      const data = await collectValid();
      expect(data).toMatchObject({
        daysFactor: 365,
        hoursFactor: 8,
        numbers: { year: 1000, quarter: 250, month: 1000 / 12 },
        buffer_numbers: { factor: 8, second_period: 8, day_period: 80 },
      });
      // 0.45 (zeebe) + 0.45 (operate) + 1.03 (optimize) + 0.37 (tasklist)
      expect(at(data, ['diskSizes', 'total'])).toBeCloseTo(2.3);
    });

    it('FEEL conditions show and hide fields as the person answers (expense report)', async () => {
      const user = userEvent.setup();
      await renderForm('tutorial-create-expense-report', {});
      expect(screen.queryByLabelText('Travel location')).toBeNull();
      const type = screen.getByLabelText('Expense type');
      const wrapper = type.closest<HTMLElement>('.fjs-form-field');
      if (!wrapper) throw new Error('select not rendered');
      await user.click(type);
      if (!within(wrapper).queryByText('Travel')) await user.click(type);
      await user.click(within(wrapper).getByText('Travel'));
      expect(
        await screen.findByLabelText('Travel location'),
      ).toBeInTheDocument();
      expect(screen.getByText('USD')).toBeInTheDocument();
    });

    it('FEEL validation reads its limits from variables', async () => {
      const user = userEvent.setup();
      const { collect } = await renderForm('formjs-feel-validation');
      const [number] = screen.getAllByRole('textbox');
      if (!number) throw new Error('number field not rendered');
      await user.type(number, '5');
      expect(collect()).toEqual({ ok: false, errorCount: 1 });
      expect(
        await screen.findByText('Field must have minimum value of 10.'),
      ).toBeInTheDocument();
      await user.clear(number);
      await user.type(number, '50');
      expect(collect()).toEqual({
        ok: true,
        data: { number_expression: 50, textfield_expression: '' },
      });
    });

    it('templated text renders conditions, nested loops and outer-scope references', async () => {
      await renderForm('formjs-text-templating');
      const texts = screen
        .getAllByText(/Example:/)
        .map((element) => element.textContent.replace(/\s+/g, ' ').trim());
      expect(texts).toHaveLength(4);
      expect(texts[0]).toBe('ConditionalExample: Display conditionally shown');
      expect(texts[1]).toBe('NestedLoopExample: Q1 Q1 E2');
      // `{{this}}` prints the whole data context (see "Known limitations").
      expect(texts[2]).toMatch(
        /^AbiguousNamesExample: \{value: 5, minimum: 1, /,
      );
      expect(texts[3]).toBe('OutOfScopeExample:');
    });

    it('the html component is sanitised: the loan form loses its <style>, its link opens safely', async () => {
      await renderForm('tutorial-loan-application');
      const link = screen.getByRole('link', { name: 'Upload Pay Slip' });
      expect(link).toHaveAttribute('target', '_blank');
      expect(link).toHaveAttribute('rel', 'noopener noreferrer');
      expect(document.querySelectorAll('.fjs-container style')).toHaveLength(0);
    });

    it('adorners show around their fields', async () => {
      await renderForm('tutorial-loan-application');
      const amount = screen.getByLabelText(/^Amount requested/);
      const group = amount.closest<HTMLElement>('.fjs-input-group');
      if (!group) throw new Error('no input group');
      expect(within(group).getByText('US$')).toBeInTheDocument();
      expect(screen.getByText('months')).toBeInTheDocument();
    });

    it('hidden required fields do not block completion, in a dynamic list too', async () => {
      const user = userEvent.setup();
      const { collect } = await renderForm(
        'formjs-conditional-dynamiclist',
        {},
      );
      expect(collect()).toEqual({ ok: false, errorCount: 1 });

      await user.click(screen.getByLabelText('Hide Element'));
      await waitFor(() => {
        expect(screen.queryByLabelText(/^Element/)).toBeNull();
      });
      expect(collect()).toEqual({
        ok: true,
        data: { hideList: false, list: [{ hideElement: true }] },
      });

      await user.click(screen.getByLabelText('Hide List'));
      await waitFor(() => {
        expect(screen.queryByLabelText('Hide Element')).toBeNull();
      });
      expect(collect()).toEqual({ ok: true, data: { hideList: true } });
    });
  },
);

describe.skipIf(FORM_FILES.length === 0)(
  'known limitations (docs/forms.md)',
  () => {
    it('schema buttons are not rendered; Complete task is the only action (complex-all-components, kitchen sink)', async () => {
      await renderForm('formjs-complex-all-components');
      expect(screen.queryByRole('button', { name: 'submit' })).toBeNull();
      expect(screen.queryByRole('button', { name: 'reset' })).toBeNull();
    });

    it('file pickers and document previews become a notice and submit nothing (kitchen sink)', async () => {
      const user = userEvent.setup();
      const { collectValid } = await renderForm(
        'formjs-playground-kitchen-sink',
      );
      expect(
        screen.getByText('File upload is not available in this inbox.'),
      ).toBeInTheDocument();
      expect(
        screen.getByText(
          'Document preview "Document preview" is not available in this inbox.',
        ),
      ).toBeInTheDocument();
      expect(document.querySelector('input[type="file"]')).toBeNull();
      expect(screen.queryByRole('button', { name: 'Submit' })).toBeNull();
      expect(screen.queryByRole('button', { name: 'Reset' })).toBeNull();
      await user.click(screen.getByLabelText(/^Creditor/));
      await user.paste('ACME');
      const data = await collectValid();
      expect(data).not.toHaveProperty('filepicker');
      expect(data).toMatchObject({ creditor: 'ACME', expressionResult: 7 });
    });

    it('disabled fields are shown but not submitted (review expense report)', async () => {
      const user = userEvent.setup();
      const { collectValid } = await renderForm(
        'tutorial-review-expense-report',
      );
      expect(screen.getByLabelText('First name')).toBeDisabled();
      expect(screen.getByLabelText('First name')).toHaveValue('Ada');
      await user.click(screen.getByLabelText('I reject the expense claim.'));
      const reason = await screen.findByLabelText('Rejection reason');
      await user.click(reason);
      await user.paste('Receipt is missing.');
      expect(await collectValid()).toEqual({
        reviewOutcome: 'rejected',
        rejectionReason: 'Receipt is missing.',
      });
    });

    it('a required read-only field blocks completion unless the process set it (complex-all-components)', async () => {
      // Every editable required field has a value; the read-only ones do not.
      const editable = {
        textarea: 'A note',
        radio: 'option_1',
        date_field: '2030-01-15',
      };
      const view = await renderForm('formjs-complex-all-components', editable);
      expect(view.collect()).toEqual({ ok: false, errorCount: 2 });
      view.unmount();

      const { collectValid } = await renderForm(
        'formjs-complex-all-components',
        {
          ...editable,
          readonly_time: '08:15+00:00',
          readonly_datetime: '2030-02-01T08:15:00Z',
        },
      );
      expect(await collectValid()).toMatchObject({
        textarea: 'A note',
        readonly_time: '08:15+00:00',
      });
    });

    it('list items hidden by a condition are left out of the submitted list; added items start hidden (dynamiclist-table-filter)', async () => {
      const user = userEvent.setup();
      const { collectValid } = await renderForm(
        'formjs-dynamiclist-table-filter',
      );
      // Drought (risk 2) is filtered out of view, and so out of the variable.
      expect(await collectValid()).toEqual({
        onlyShowRiskAbove: 5,
        riskEntries: [{ risk: 7, name: 'Flood', date: '2030-01-01' }],
      });
      // A new item has no risk yet, so its condition hides it at once.
      await user.click(screen.getByRole('button', { name: /add new/i }));
      await waitFor(() => {
        expect(document.querySelectorAll('.fjs-repeat-row-rows')).toHaveLength(
          3,
        );
      });
      expect(screen.getAllByLabelText('Risk factor')).toHaveLength(1);
    });

    it('a table whose dataSource is not a FEEL expression stays empty (table-columns-expression)', async () => {
      await renderForm('formjs-table-columns-expression');
      const tables = screen.getAllByRole('table');
      expect(tables).toHaveLength(2);
      for (const table of tables) {
        // The variables Field_0k6resc1/2 hold rows, but `dataSource` lacks the `=`.
        expect(within(table).getByText('Nothing to show.')).toBeInTheDocument();
      }
    });

    it('inline styles in html are dropped (kitchen sink)', async () => {
      await renderForm('formjs-playground-kitchen-sink');
      const styled = screen.getByText('My styled HTML content');
      expect(styled.tagName).toBe('P');
      expect(styled).not.toHaveAttribute('style');
    });

    it('third-party iframes and images render as given; the app CSP decides whether they load (kitchen sink)', async () => {
      await renderForm('formjs-playground-kitchen-sink');
      const frame = screen.getByTitle('An example page rendered in an iframe');
      expect(frame).toHaveAttribute('src', 'https://example.com/');
      expect(frame).toHaveAttribute('sandbox');
      expect(screen.getByAltText('The bpmn.io logo')).toHaveAttribute(
        'src',
        TASK_VARIABLES['formjs-playground-kitchen-sink']?.logo,
      );
    });
  },
);
