import { createRef } from 'react';
import { configure, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { WithI18n } from '../../../test/with-i18n';
import { CamundaForm } from './camunda-form';
import type { CamundaFormApi, CamundaFormProps } from './contract';
import { formVariableNames } from './form-variable-names';
import { adaptFormSchema, parseFormSchema } from './form-schema';

const schemaOf = (components: unknown[]) =>
  JSON.stringify({ type: 'default', id: 'TestForm', components });

const NAME = {
  type: 'textfield',
  id: 'name',
  key: 'name',
  label: 'Name',
  validate: { required: true },
};
const AMOUNT = {
  type: 'number',
  id: 'amount',
  key: 'amount',
  label: 'Amount',
  validate: { required: true, min: 1 },
};
const ADDRESS = {
  type: 'group',
  id: 'address',
  label: 'Address',
  path: 'address',
  components: [{ type: 'textfield', id: 'city', key: 'city', label: 'City' }],
};

function renderForm(overrides: Partial<CamundaFormProps> = {}) {
  const apiRef = createRef<CamundaFormApi>();
  const props: CamundaFormProps = {
    schema: schemaOf([NAME, AMOUNT]),
    initialData: {},
    readOnly: false,
    apiRef,
    ...overrides,
  };
  const view = render(<CamundaForm {...props} />, { wrapper: WithI18n });
  const rerender = (next: Partial<CamundaFormProps>) => {
    view.rerender(<CamundaForm {...props} {...next} />);
  };
  const collect = () => {
    const api = apiRef.current;
    if (!api) throw new Error('apiRef was not set');
    return api.validateAndCollect();
  };
  return { ...view, rerender, collect, apiRef };
}

/** Sanitising is about elements and attributes that no role query can see. */
function domQuery(selector: string): Element[] {
  return [...document.querySelectorAll(selector)];
}

// The first test loads form-js; allow for a busy machine.
vi.setConfig({ testTimeout: 30_000 });
configure({ asyncUtilTimeout: 5_000 });

beforeAll(async () => {
  // Warm the lazy chunk so each test waits only for its own form.
  await import('./camunda-form-viewer');
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('CamundaForm', () => {
  it('shows a loading state, then the form prefilled from the task variables', async () => {
    const { collect } = renderForm({
      schema: schemaOf([NAME, AMOUNT, ADDRESS]),
      initialData: {
        name: 'Ada',
        amount: 12,
        address: { city: 'Berlin' },
        unrelated: 'not bound',
      },
    });
    expect(screen.getByRole('status')).toHaveTextContent('Loading form…');
    expect(collect()).toEqual({ ok: false, errorCount: 0 });

    expect(await screen.findByLabelText(/^Name/)).toHaveValue('Ada');
    expect(screen.getByLabelText(/^Amount/)).toHaveValue('12');
    expect(screen.getByLabelText('City')).toHaveValue('Berlin');
    expect(screen.queryByText('Loading form…')).not.toBeInTheDocument();
    // Only bound fields are submitted; `unrelated` stays out, groups nest by path.
    await waitFor(() => {
      expect(collect()).toEqual({
        ok: true,
        data: { name: 'Ada', amount: 12, address: { city: 'Berlin' } },
      });
    });
  });

  it('is read-only until the parent allows editing, and keeps the input across switches', async () => {
    const user = userEvent.setup();
    const { rerender } = renderForm({ readOnly: true });
    const name = await screen.findByLabelText(/^Name/);
    expect(name).toHaveAttribute('readonly');
    await user.type(name, 'ignored');
    expect(name).toHaveValue('');

    rerender({ readOnly: false });
    await waitFor(() => {
      expect(name).not.toHaveAttribute('readonly');
    });
    await user.type(name, 'Grace');
    expect(name).toHaveValue('Grace');

    rerender({ readOnly: true });
    await waitFor(() => {
      expect(name).toHaveAttribute('readonly');
    });
    rerender({ readOnly: false });
    await waitFor(() => {
      expect(name).not.toHaveAttribute('readonly');
    });
    expect(name).toHaveValue('Grace');
  });

  it('shows validation errors on the fields, announces them and focuses the first invalid field', async () => {
    const user = userEvent.setup();
    const { collect } = renderForm({ initialData: { amount: 0 } });
    const name = await screen.findByLabelText(/^Name/);
    const amount = screen.getByLabelText(/^Amount/);
    await user.click(amount);

    expect(collect()).toEqual({ ok: false, errorCount: 2 });

    await waitFor(() => {
      expect(name).toHaveFocus();
    });
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(amount).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveAccessibleDescription(/Field is required/);
    expect(amount).toHaveAccessibleDescription(/Field must have minimum value/);
    expect(screen.getByRole('alert')).toHaveTextContent(
      '2 fields need your attention. First: Name.',
    );
  });

  it('collects the valid data once the errors are fixed', async () => {
    const user = userEvent.setup();
    const { collect } = renderForm();
    const name = await screen.findByLabelText(/^Name/);
    expect(collect()).toEqual({ ok: false, errorCount: 2 });

    await user.type(name, 'Grace');
    await user.type(screen.getByLabelText(/^Amount/), '3');
    expect(collect()).toEqual({
      ok: true,
      data: { name: 'Grace', amount: 3 },
    });
  });

  it('reports edits through onChange for drafts, but not merely opening the form', async () => {
    // The clock moves by itself so form-js renders as usual; the test only
    // decides when timers already due must have run.
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout'],
      shouldAdvanceTime: true,
    });
    const user = userEvent.setup({
      advanceTimers: (ms) => vi.advanceTimersByTimeAsync(ms),
    });
    const onChange = vi.fn();
    renderForm({
      schema: schemaOf([
        NAME,
        AMOUNT,
        {
          type: 'expression',
          id: 'double',
          key: 'double',
          expression: '=amount * 2',
          computeOn: 'change',
        },
        { type: 'text', id: 'shows-double', text: 'Double: {{double}}' },
      ]),
      initialData: { amount: 2 },
      onChange,
    });
    const name = await screen.findByLabelText(/^Name/);
    // The expression has computed its first value: form-js's opening
    // updates are over. An emission they wrongly caused would be a pending
    // timer by now, so run every timer that is due, then look.
    await screen.findByText('Double: 4');
    await vi.runOnlyPendingTimersAsync();
    expect(onChange).not.toHaveBeenCalled();

    await user.type(name, 'Al');
    await waitFor(() => {
      expect(onChange).toHaveBeenLastCalledWith({
        name: 'Al',
        amount: 2,
        double: 4,
      });
    });
  });

  it('calls onImportError for a schema that is not JSON or that form-js rejects', async () => {
    const onImportError = vi.fn();
    const { rerender } = renderForm({ schema: '{ not json', onImportError });
    await waitFor(() => {
      expect(onImportError).toHaveBeenCalledWith(
        new Error('The form schema is not valid JSON.'),
      );
    });

    rerender({ schema: schemaOf([{ type: 'no-such-field', id: 'x' }]) });
    await waitFor(() => {
      expect(onImportError).toHaveBeenCalledTimes(2);
    });
    const error: unknown = onImportError.mock.lastCall?.[0];
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(
      /^The form could not be displayed \(.*no-such-field.*\)\.$/,
    );
    // The parent shows its own fallback, so nothing is rendered in place.
    expect(screen.queryByText(/could not be displayed/)).toBeNull();
  });

  it('explains an invalid schema in place when the parent has no fallback', async () => {
    const { collect } = renderForm({ schema: '{"type":"default"}' });
    expect(
      await screen.findByText('The form schema has no list of components.'),
    ).toHaveAttribute('role', 'alert');
    expect(collect()).toEqual({ ok: false, errorCount: 0 });
  });

  it('does not let a hidden required field block completion', async () => {
    const user = userEvent.setup();
    const { collect } = renderForm({
      schema: schemaOf([
        {
          type: 'checkbox',
          id: 'remote',
          key: 'remote',
          label: 'Works remotely',
        },
        { ...NAME, conditional: { hide: '=remote' } },
      ]),
    });
    await screen.findByLabelText(/^Name/);
    expect(collect()).toEqual({ ok: false, errorCount: 1 });

    await user.click(screen.getByLabelText('Works remotely'));
    await waitFor(() => {
      expect(screen.queryByLabelText(/^Name/)).not.toBeInTheDocument();
    });
    expect(collect()).toEqual({ ok: true, data: { remote: true } });
  });

  it('sanitises the html component: no styles, scripts or controls; new-window links get rel', async () => {
    renderForm({
      schema: schemaOf([
        {
          type: 'html',
          id: 'info',
          content: [
            '<style>body { display: none }</style>',
            '<script>window.pwned = true</script>',
            '<p style="color: red" onclick="alert(1)">Read <a href="https://example.com/a" target="_blank">the guide</a></p>',
            '<a href="https://example.com/b" target="_top">top</a>',
            '<a href="javascript:alert(1)">js</a>',
            '<img src="x" onerror="window.pwned = true">',
            '<iframe src="https://example.com"></iframe>',
            '<input name="sneaky" value="x"><link rel="stylesheet" href="https://x.test/a.css">',
          ].join(''),
        },
        {
          type: 'text',
          id: 'notes',
          text: 'See <a href="https://example.com/c" target="_blank">notes</a>.',
        },
      ]),
    });
    const guide = await screen.findByRole('link', { name: 'the guide' });
    const inHtml = (selector: string) =>
      domQuery(`.fjs-form-field-html :is(${selector})`);

    expect(inHtml('style, script, iframe, input, link')).toEqual([]);
    expect(inHtml('[style], [onclick], [onerror]')).toEqual([]);
    expect(guide).toHaveAttribute('target', '_blank');
    expect(guide).toHaveAttribute('rel', 'noopener noreferrer');
    expect(screen.getByRole('link', { name: 'top' })).not.toHaveAttribute(
      'target',
    );
    expect(screen.getByText('js')).not.toHaveAttribute('href');
    const notes = screen.getByRole('link', { name: 'notes' });
    await waitFor(() => {
      expect(notes).toHaveAttribute('rel', 'noopener noreferrer');
    });
    expect(window).not.toHaveProperty('pwned');
  });

  it('drives completion itself: schema buttons are not rendered, file pickers become a notice', async () => {
    const { collect } = renderForm({
      schema: schemaOf([
        NAME,
        { type: 'filepicker', id: 'upload', key: 'upload', label: 'Receipt' },
        { type: 'button', id: 'submit', label: 'Submit', action: 'submit' },
        { type: 'button', id: 'reset', label: 'Reset', action: 'reset' },
      ]),
      initialData: { name: 'Ada' },
    });
    await screen.findByLabelText(/^Name/);
    expect(screen.queryByRole('button', { name: 'Submit' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Reset' })).toBeNull();
    expect(
      screen.getByText('File upload "Receipt" is not available in this inbox.'),
    ).toBeInTheDocument();
    expect(collect()).toEqual({ ok: true, data: { name: 'Ada' } });
  });

  it('renders no iframe: an iframe component becomes a notice, wherever it sits', async () => {
    renderForm({
      schema: schemaOf([
        NAME,
        {
          type: 'iframe',
          id: 'weather',
          label: 'Weather',
          url: 'https://example.com/?city={{name}}',
          security: { allowScripts: true, allowSameOrigin: true },
        },
        {
          type: 'group',
          id: 'more',
          label: 'More',
          components: [
            { type: 'iframe', id: 'inner', url: 'https://example.org/' },
          ],
        },
      ]),
      initialData: { name: 'Ada' },
    });
    await screen.findByLabelText(/^Name/);
    expect(
      screen.getByText(
        'Embedded page "Weather" is not available in this inbox.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Embedded page is not available in this inbox.'),
    ).toBeInTheDocument();
    expect(domQuery('iframe')).toEqual([]);
  });

  it('still validates and collects while read-only, and stays read-only', async () => {
    const { collect } = renderForm({
      readOnly: true,
      initialData: { name: 'Ada', amount: 5 },
    });
    const name = await screen.findByLabelText(/^Name/);
    expect(collect()).toEqual({ ok: true, data: { name: 'Ada', amount: 5 } });
    await waitFor(() => {
      expect(name).toHaveAttribute('readonly');
    });
  });

  it('offers a retry when the form code cannot be loaded', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.resetModules();
    let failLoads = true;
    vi.doMock('./camunda-form-viewer', async (importOriginal) => {
      if (failLoads)
        throw new Error('Failed to fetch dynamically imported module');
      return importOriginal();
    });
    try {
      const fresh = await import('./camunda-form');
      const user = userEvent.setup();
      render(
        <fresh.CamundaForm
          schema={schemaOf([NAME])}
          initialData={{ name: 'Ada' }}
          readOnly={false}
          apiRef={createRef()}
        />,
        { wrapper: WithI18n },
      );
      const retry = await screen.findByRole('button', { name: 'Try again' });
      expect(screen.getByRole('alert')).toHaveTextContent(
        'The form could not be loaded.',
      );
      failLoads = false;
      await user.click(retry);
      expect(await screen.findByLabelText(/^Name/)).toHaveValue('Ada');
    } finally {
      vi.doUnmock('./camunda-form-viewer');
    }
  });
});

describe('adaptFormSchema', () => {
  it('strips inline styles from html and text markup before any browser parses it', () => {
    const adapted = adaptFormSchema(
      parseFormSchema(
        schemaOf([
          {
            type: 'group',
            id: 'g',
            components: [
              {
                type: 'html',
                id: 'h',
                content:
                  '<style>\na { color: red }\n</style><p style=\'color: green\' class="x">Hi {{name}}</p>',
              },
            ],
          },
          { type: 'text', id: 't', text: 'A <span style="x">b</span>' },
          { type: 'html', id: 'f', content: '=if a then "<b>x</b>" else ""' },
        ]),
      ),
    );
    expect(adapted.components).toEqual([
      {
        type: 'group',
        id: 'g',
        components: [
          { type: 'html', id: 'h', content: '<p class="x">Hi {{name}}</p>' },
        ],
      },
      { type: 'text', id: 't', text: 'A <span>b</span>' },
      { type: 'html', id: 'f', content: '=if a then "<b>x</b>" else ""' },
    ]);
  });
});

describe('formVariableNames', () => {
  it('lists keys, group paths, valuesKey and names used in FEEL and templates', () => {
    const schema = schemaOf([
      NAME,
      { ...ADDRESS, path: 'address.home' },
      {
        type: 'select',
        id: 'country',
        key: 'country',
        valuesKey: 'countries',
      },
      {
        type: 'text',
        id: 'greeting',
        text: 'Hello {{customer.name}}, {{#loop orders}}{{this.total}}{{/loop}}',
      },
      {
        type: 'number',
        id: 'limit',
        key: 'limit',
        validate: { max: '=maxLimit' },
        conditional: {
          hide: '=for x in items return x > threshold and date and time("2020-01-01T00:00:00") > dueDate',
        },
      },
    ]);
    expect(formVariableNames(schema).sort()).toEqual(
      [
        'address',
        'countries',
        'country',
        'customer',
        'dueDate',
        'items',
        'limit',
        'maxLimit',
        'name',
        'orders',
        'this',
        'threshold',
        'total',
      ].sort(),
    );
  });

  it('returns no names for a schema that is not a form', () => {
    expect(formVariableNames('not json')).toEqual([]);
    expect(formVariableNames('{"type":"default"}')).toEqual([]);
  });
});
