// @vitest-environment happy-dom
/* eslint-disable testing-library/no-node-access -- form-js renders these
   fields; a few checks find them by form-js's markup (its field wrappers and
   list rows), which no role query can express. */
/**
 * Every real Camunda Form in ../shared/reference/forms (read in place, never
 * copied), opened in the task view the way a task worker meets it: the task
 * details route with the real router, Apollo client and link chain, signed in
 * as demo, against the fake Tasklist executing the real schema. Each form is
 * filled from its schema like a person would, completed with `Complete task`,
 * and the `completeTask` Tasklist received is checked value by value.
 *
 * Then one component-level test per component kind the issue names, and one
 * test per known limitation (docs/forms.md), in the task view where the
 * limitation is about what gets submitted.
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
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  at,
  expectFilledValues,
  fillForm,
  waitForFormJs,
  type Json,
} from '../../test/form-js-driver';
import { decodeCompletion } from '../../test/record-completions';
import {
  REFERENCE_FORM_NAMES,
  REFERENCE_FORMS_SKIP_REASON,
  readReferenceForm,
} from '../../test/reference-forms';
import { renderFormTask } from '../../test/render-form-task';
import { WithI18n } from '../../test/with-i18n';
import { CamundaForm } from './camunda-form/camunda-form';
import type { CamundaFormApi } from './camunda-form/contract';
import { formVariableNames } from './camunda-form/form-variable-names';

// Big forms take a few seconds in a DOM emulation, more on a busy machine.
vi.setConfig({ testTimeout: 60_000 });
configure({ asyncUtilTimeout: 10_000 });

type Data = Record<string, unknown>;

const NO_FORMS = REFERENCE_FORM_NAMES.length === 0;

function nth<T>(items: T[], index: number): T {
  const item = items[index];
  if (item === undefined)
    throw new Error(`no item ${index} of ${items.length}`);
  return item;
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

beforeAll(async () => {
  // A DOM emulation has no layout, so no scrollIntoView; form-js's dropdowns call it.
  Object.defineProperty(Element.prototype, 'scrollIntoView', {
    configurable: true,
    value: () => undefined,
  });
  // Load the lazy chunk once up front, so each test waits only for its form.
  await import('./camunda-form/camunda-form-viewer');
});

afterAll(() => {
  Reflect.deleteProperty(Element.prototype, 'scrollIntoView');
});

// ---------------------------------------------------------------------------
// In the task view

/** Opens the task view for a task with reference form `name`, assigned to demo. */
async function openFormTask(
  name: string,
  variables: Data = TASK_VARIABLES[name] ?? {},
) {
  const schema = readReferenceForm(name);
  const view = await renderFormTask({ formId: name, schema, variables });
  await waitForFormJs();
  return { ...view, schema: JSON.parse(schema) as Json };
}

/**
 * Presses `Complete task` and waits for the one `completeTask` Tasklist
 * receives, then for the toast. Resolves with the decoded variables sent.
 */
async function completeTask(view: Awaited<ReturnType<typeof openFormTask>>) {
  await view.user.click(screen.getByRole('button', { name: 'Complete task' }));
  await waitFor(() => {
    // Fields with errors, if any, say why nothing was sent.
    const invalid = [...document.querySelectorAll('.fjs-has-errors')].map(
      (field) => field.textContent,
    );
    expect({ invalid, sent: view.completions.calls.length }).toEqual({
      invalid: [],
      sent: 1,
    });
  });
  const completion = nth(view.completions.calls, 0);
  expect(completion.taskId).toBe('1');
  const submitted = decodeCompletion(completion);
  expect(await screen.findByText('Task completed')).toBeInTheDocument();
  expect(view.completions.calls).toHaveLength(1);
  expect(view.world.find('1').taskState).toBe('COMPLETED');
  return submitted;
}

// ---------------------------------------------------------------------------
// Component level: CamundaForm alone, to look at what form-js renders

async function renderForm(
  name: string,
  data: Data = TASK_VARIABLES[name] ?? {},
) {
  const apiRef = createRef<CamundaFormApi>();
  const view = render(
    <CamundaForm
      schema={readReferenceForm(name)}
      initialData={data}
      readOnly={false}
      apiRef={apiRef}
    />,
    { wrapper: WithI18n },
  );
  await waitForFormJs();
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
  return { ...view, collect, collectValid };
}

// ---------------------------------------------------------------------------

// Without the folder every test below is skipped; this entry says why.
if (NO_FORMS) {
  it.skip(`real-world forms: skipped because ${REFERENCE_FORMS_SKIP_REASON}`, () => {
    expect(REFERENCE_FORM_NAMES).not.toEqual([]);
  });
}

describe.skipIf(NO_FORMS)('real-world forms in the task view', () => {
  it.each(REFERENCE_FORM_NAMES)(
    '%s: fills like a person, completes, and Tasklist receives every value',
    async (name) => {
      const view = await openFormTask(name);
      const filled = await fillForm(
        view.user,
        view.schema,
        TASK_VARIABLES[name] ?? {},
      );
      const submitted = await completeTask(view);
      expectFilledValues(filled, submitted);
      // The view moves on: this was the only task in the list.
      expect(
        await screen.findByRole('heading', {
          level: 1,
          name: 'Pick a task to work on',
        }),
      ).toBeInTheDocument();
    },
  );

  it('a missing required date is marked invalid on its picker, focused, and clears once picked (create expense report)', async () => {
    // form-js sets aria-invalid on its other fields but not on date and time
    // pickers; form-runtime's watchPickerValidity adds it.
    const view = await openFormTask('tutorial-create-expense-report', {
      email: 'ada@example.com',
      expenseAmount: 12.5,
    });
    await view.user.click(
      screen.getByRole('button', { name: 'Complete task' }),
    );
    expect(
      await screen.findByText('Please review 1 field.'),
    ).toBeInTheDocument();
    const date = screen.getByLabelText(/^Expense date/);
    await waitFor(() => {
      expect(date).toHaveFocus();
    });
    expect(date).toHaveAttribute('aria-invalid', 'true');
    expect(view.completions.calls).toEqual([]);

    await view.user.type(date, '01/15/2030');
    await view.user.tab();
    await waitFor(() => {
      expect(date).not.toHaveAttribute('aria-invalid');
    });
    expect(await completeTask(view)).toMatchObject({
      email: 'ada@example.com',
      expenseAmount: 12.5,
      expenseDate: '2030-01-15',
    });
  });

  it.each(REFERENCE_FORM_NAMES)(
    '%s: formVariableNames finds every variable form-js would load',
    (name) => {
      const schema = readReferenceForm(name);
      const ours = formVariableNames(schema);
      const formJs = getSchemaVariables(JSON.parse(schema) as Json);
      expect(ours).toEqual(expect.arrayContaining(formJs));
    },
  );
});

describe.skipIf(NO_FORMS)('component kinds the issue names', () => {
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
    expect(await screen.findByLabelText('Travel location')).toBeInTheDocument();
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
    expect(texts[2]).toMatch(/^AbiguousNamesExample: \{value: 5, minimum: 1, /);
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

  it('hidden required fields do not block completion, in a dynamic list too (task view)', async () => {
    // Hiding the whole list is covered by the generic test above: its driver
    // ticks `Hide List` first, which hides the list, and still completes.
    const view = await openFormTask('formjs-conditional-dynamiclist', {});
    await view.user.click(
      screen.getByRole('button', { name: 'Complete task' }),
    );
    expect(
      await screen.findByText('Please review 1 field.'),
    ).toBeInTheDocument();
    expect(view.completions.calls).toEqual([]);

    await view.user.click(screen.getByLabelText('Hide Element'));
    await waitFor(() => {
      expect(screen.queryByLabelText(/^Element/)).toBeNull();
    });
    expect(await completeTask(view)).toEqual({
      hideList: false,
      list: [{ hideElement: true }],
    });
  });
});

describe.skipIf(NO_FORMS)('known limitations (docs/forms.md)', () => {
  it('schema buttons are not rendered; Complete task is the only action (complex-all-components, kitchen sink)', async () => {
    await renderForm('formjs-complex-all-components');
    expect(screen.queryByRole('button', { name: 'submit' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'reset' })).toBeNull();
  });

  it('file pickers and document previews become a notice and submit nothing (kitchen sink)', async () => {
    const user = userEvent.setup();
    const { collectValid } = await renderForm('formjs-playground-kitchen-sink');
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

  it('disabled fields are shown but not submitted (review expense report, task view)', async () => {
    const view = await openFormTask('tutorial-review-expense-report');
    expect(screen.getByLabelText('First name')).toBeDisabled();
    expect(screen.getByLabelText('First name')).toHaveValue('Ada');
    await view.user.click(screen.getByLabelText('I reject the expense claim.'));
    await view.user.click(await screen.findByLabelText('Rejection reason'));
    await view.user.paste('Receipt is missing.');
    expect(await completeTask(view)).toEqual({
      reviewOutcome: 'rejected',
      rejectionReason: 'Receipt is missing.',
    });
  });

  it('a required read-only field blocks completion unless the process set it (complex-all-components, task view)', async () => {
    // Every editable required field has a value; the read-only ones do not.
    // With them set, the form completes: see the task view test above.
    const view = await openFormTask('formjs-complex-all-components', {
      tableSource: [],
      textarea: 'A note',
      radio: 'option_1',
      date_field: '2030-01-15',
    });
    await view.user.click(
      screen.getByRole('button', { name: 'Complete task' }),
    );
    expect(
      await screen.findByText('Please review 2 fields.'),
    ).toBeInTheDocument();
    // The person cannot fix it: the field that needs attention is read-only.
    const time = screen.getByLabelText(/^I am a read only time field/);
    expect(time).toHaveAttribute('readonly');
    await waitFor(() => {
      expect(time).toHaveAttribute('aria-invalid', 'true');
    });
    expect(view.completions.calls).toEqual([]);
    expect(view.world.find('1').taskState).toBe('CREATED');
  });

  it('list items hidden by a condition are left out of the submitted list; added items start hidden (dynamiclist-table-filter, task view)', async () => {
    const view = await openFormTask('formjs-dynamiclist-table-filter');
    // A new item has no risk yet, so its condition hides it at once.
    await view.user.click(screen.getByRole('button', { name: /add new/i }));
    await waitFor(() => {
      expect(document.querySelectorAll('.fjs-repeat-row-rows')).toHaveLength(3);
    });
    expect(screen.getAllByLabelText('Risk factor')).toHaveLength(1);
    // Drought (risk 2) is filtered out of view, and so out of the variable:
    // completing replaces the process's list with the visible items only.
    const submitted = await completeTask(view);
    expect(submitted).toEqual({
      onlyShowRiskAbove: 5,
      riskEntries: [{ risk: 7, name: 'Flood', date: '2030-01-01' }],
    });
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

  it('iframes become a notice; images render as given and the app CSP decides whether they load (kitchen sink)', async () => {
    await renderForm('formjs-playground-kitchen-sink');
    expect(
      screen.queryByTitle('An example page rendered in an iframe'),
    ).toBeNull();
    expect(
      screen.getByText(
        'Embedded page "An example page rendered in an iframe" is not available in this inbox.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByAltText('The bpmn.io logo')).toHaveAttribute(
      'src',
      TASK_VARIABLES['formjs-playground-kitchen-sink']?.logo,
    );
  });
});
