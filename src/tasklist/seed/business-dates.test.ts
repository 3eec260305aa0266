import { describe, expect, it } from 'vitest';
import { searchTasks } from '../domain/task-queries';
import { variablesOfTask } from '../domain/variable-queries';
import { TasklistStore } from '../store/tasklist-store';
import { plantWorld, prepareSeed } from './seed-world';

const SEED = await prepareSeed();

const DAY = 86_400_000;
const CLOCK = Date.parse('2024-05-10T08:00:00.000Z');
const A_YEAR_LATER = Date.parse('2025-05-10T08:00:00.000Z');
// Late on New Year's Eve in UTC, given with an offset: invoices of the
// previous year, vacations in the new one.
const NEW_YEAR = Date.parse('2027-01-01T06:30:00+09:00');

function seeded(now: number): TasklistStore {
  const store = TasklistStore.open(':memory:', () => now);
  plantWorld(store, SEED, now);
  return store;
}

interface VariableRow {
  scope: number;
  name: string;
  value: string;
}

/** Every stored variable: process-instance scope and completed-task snapshots. */
const allVariables = (store: TasklistStore) =>
  store.db
    .prepare<[], VariableRow>(
      `SELECT process_instance_key AS scope, name, value FROM variable
       UNION ALL SELECT task_key, name, value FROM task_variable
       ORDER BY scope, name`,
    )
    .all();

/** Every string inside a JSON value, depth first. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value !== null && typeof value === 'object')
    return Object.values(value).flatMap(stringsIn);
  return [];
}

// A year (19xx/20xx) standing alone, optionally followed by a month and day
// joined with - or /: 2024, 2024-05, 2024-05-09, 2024/05 in DMS/2024/05/...
const DATE_TOKEN =
  /(?<!\d)((?:19|20)\d{2})(?:([-/])(\d{2})(?:\2(\d{2}))?)?(?!\d)/g;

/** The day (epoch days) each date-like token in the text stands for. */
function dateTokens(text: string): { token: string; day: number }[] {
  return [...text.matchAll(DATE_TOKEN)].map((m) => ({
    token: m[0],
    day: Date.UTC(Number(m[1]), Number(m[3] ?? 1) - 1, Number(m[4] ?? 1)) / DAY,
  }));
}

const today = (now: number) => new Date(now).toISOString().slice(0, 10);
const dayOf = (text: string) => Date.parse(`${text}T00:00:00Z`) / DAY;

describe('business dates follow the seed clock', () => {
  it('moves every date in every variable by a year when the clock moves by a year', () => {
    const early = seeded(CLOCK);
    const later = seeded(A_YEAR_LATER);
    const a = allVariables(early);
    const b = allVariables(later);
    // The same operations give the same keys, so rows pair up one to one.
    expect(b.map((v) => [v.scope, v.name])).toEqual(
      a.map((v) => [v.scope, v.name]),
    );
    const dated = new Set<string>();
    let tokens = 0;
    a.forEach((rowA, i) => {
      const rowB = b[i];
      const before = stringsIn(JSON.parse(rowA.value)).flatMap(dateTokens);
      const after = stringsIn(JSON.parse(rowB?.value ?? 'null')).flatMap(
        dateTokens,
      );
      expect(after.length, `${rowA.name} of ${String(rowA.scope)}`).toBe(
        before.length,
      );
      before.forEach((tokenA, t) => {
        const tokenB = after[t];
        const shift = (tokenB?.day ?? tokenA.day) - tokenA.day;
        // Vacations keep their weekday, so they move by 364 days, not 365.
        expect(
          shift,
          `${rowA.name} of ${String(rowA.scope)}: ${tokenA.token} became ${tokenB?.token ?? '?'}`,
        ).toBeGreaterThanOrEqual(358);
        expect(shift).toBeLessThanOrEqual(373);
        dated.add(rowA.name);
        tokens += 1;
      });
    });
    // Every kind of business date was seen, so the check above is not vacuous.
    expect([...dated].sort()).toEqual([
      'archiveLocation',
      'contractNumber',
      'creditReport',
      'documentExpiry',
      'firstDay',
      'invoiceDate',
      'invoiceNumber',
      'lastDay',
      'mandateDate',
      'reimbursedOn',
    ]);
    expect(tokens).toBeGreaterThan(500);
    early.close();
    later.close();
  });

  it.each([
    ['2024-05-10T08:00Z', CLOCK],
    ['2027-01-01T06:30+09:00', NEW_YEAR],
  ])('reads as current with the clock at %s', (_, now) => {
    const store = seeded(now);
    const instances = store.db
      .prepare<[], { key: number; start_time: number }>(
        'SELECT key, start_time FROM process_instance',
      )
      .all();
    let checked = 0;
    for (const instance of instances) {
      const vars = Object.fromEntries(
        store.variables
          .instanceVariables(instance.key)
          .map((v) => [v.name, JSON.parse(v.value) as unknown]),
      );
      const started = instance.start_time / DAY;
      if (typeof vars.invoiceDate === 'string') {
        // Issued up to two weeks before it arrived, numbered in its year.
        const issued = dayOf(vars.invoiceDate);
        expect(issued).toBeLessThanOrEqual(started);
        expect(issued).toBeGreaterThan(started - 15);
        expect(vars.invoiceNumber).toMatch(
          new RegExp(`^INV-${vars.invoiceDate.slice(0, 4)}-\\d{4}$`),
        );
        if (vars.archiveLocation !== undefined)
          expect(vars.archiveLocation).toBe(
            `DMS/${vars.invoiceDate.slice(0, 7).replace('-', '/')}/${String(vars.invoiceNumber)}`,
          );
        checked += 1;
      }
      if (typeof vars.firstDay === 'string') {
        // Requested for the coming weeks: after today, before half a year.
        const first = dayOf(vars.firstDay);
        const last = dayOf(String(vars.lastDay));
        expect(vars.firstDay > today(now)).toBe(true);
        expect(first).toBeLessThan(now / DAY + 180);
        const weekdays = Array.from({ length: last - first + 1 }, (_, d) =>
          new Date((first + d) * DAY).getUTCDay(),
        ).filter((weekday) => weekday !== 0 && weekday !== 6);
        expect(weekdays.length).toBe(vars.workingDays);
        checked += 1;
      }
      const report = vars.creditReport as
        | {
            accounts: {
              openedOn: string;
              paymentHistory: { month: string }[];
            }[];
          }
        | undefined;
      if (report) {
        // Twelve statement months up to the application's month.
        const month = new Date(instance.start_time).toISOString().slice(0, 7);
        for (const account of report.accounts) {
          const months = account.paymentHistory.map((p) => p.month);
          expect(months).toHaveLength(12);
          expect(months.at(-1)).toBe(month);
          expect([...months].sort()).toEqual(months);
          expect(new Set(months).size).toBe(12);
          expect(account.openedOn < `${months[0] ?? ''}-01`).toBe(true);
        }
        checked += 1;
      }
      for (const past of ['reimbursedOn', 'mandateDate'])
        if (typeof vars[past] === 'string')
          expect(vars[past] <= today(now), past).toBe(true);
      if (typeof vars.documentExpiry === 'string')
        expect(vars.documentExpiry > today(now)).toBe(true);
      if (typeof vars.contractNumber === 'string') {
        // Numbered in the year it was sent, some time since the application.
        const year = /^LN-(\d{4})-\d{5}$/.exec(vars.contractNumber)?.[1];
        expect(year).toBeDefined();
        expect(Number(year)).toBeGreaterThanOrEqual(
          new Date(instance.start_time).getUTCFullYear(),
        );
        expect(Number(year)).toBeLessThanOrEqual(
          new Date(now).getUTCFullYear(),
        );
      }
    }
    expect(checked).toBeGreaterThan(20);
    store.close();
  });
});

/** The parts of a form-js component this check reads. */
interface FormComponent {
  type: string;
  key?: string;
  subtype?: string;
  values?: { value: string }[];
  validate?: {
    required?: boolean;
    min?: number;
    max?: number;
    minLength?: number;
    maxLength?: number;
    pattern?: string;
  };
}

interface FormSchema {
  components: FormComponent[];
}

/** The reasons a value would fail the form-js field that shows it. */
function misfits(
  component: FormSchema['components'][number],
  value: unknown,
): string[] {
  const problems: string[] = [];
  const rules = component.validate ?? {};
  if (component.type === 'datetime' && component.subtype === 'date') {
    // form-js date fields read and write YYYY-MM-DD and nothing else.
    if (
      typeof value !== 'string' ||
      !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
      new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value
    )
      problems.push('not a YYYY-MM-DD date');
  }
  if (component.values && !component.values.some((o) => o.value === value))
    problems.push('not one of the options');
  if (typeof value === 'string') {
    if (rules.pattern !== undefined && !new RegExp(rules.pattern).test(value))
      problems.push(`does not match ${rules.pattern}`);
    if (rules.minLength !== undefined && value.length < rules.minLength)
      problems.push('too short');
    if (rules.maxLength !== undefined && value.length > rules.maxLength)
      problems.push('too long');
  }
  if (typeof value === 'number') {
    if (rules.min !== undefined && value < rules.min)
      problems.push('too small');
    if (rules.max !== undefined && value > rules.max) problems.push('too big');
  }
  return problems;
}

describe.each([
  ['2024-05-10T08:00Z', CLOCK],
  ['2027-01-01T06:30+09:00', NEW_YEAR],
])('with the clock at %s, every seeded value', (_, now) => {
  it('fits the form-js field that shows it', () => {
    const store = seeded(now);
    const tasks = searchTasks(store, { pageSize: 1000 }).map((r) => r.task);
    let checkedDates = 0;
    for (const task of tasks) {
      const prefix = 'camunda-forms:bpmn:';
      if (!task.formKey?.startsWith(prefix)) continue;
      const form = store.processes.form(
        task.processDefinitionKey,
        task.formKey.slice(prefix.length),
      );
      const schema = JSON.parse(form?.schema ?? '{}') as FormSchema;
      const values = new Map(
        variablesOfTask(store, task).map((v) => [
          v.name,
          JSON.parse(v.value) as unknown,
        ]),
      );
      for (const component of schema.components) {
        if (component.key === undefined || !values.has(component.key)) continue;
        const value = values.get(component.key);
        expect(
          misfits(component, value),
          `${task.name} ${String(task.key)}: ${component.key} = ${JSON.stringify(value)}`,
        ).toEqual([]);
        if (component.type === 'datetime') checkedDates += 1;
      }
    }
    // Invoice, vacation, identity document and mandate dates were all seen.
    expect(checkedDates).toBeGreaterThan(30);
    store.close();
  });
});
