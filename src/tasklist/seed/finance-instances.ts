import type { InstanceScenario, StepOutcome } from './scenario-types';
import {
  DAY,
  HOUR,
  isoDate,
  isoMonth,
  monthName,
  quarterOf,
  serial,
  yearOf,
} from './seed-dates';

interface InvoiceSpec {
  n: number;
  supplier: string;
  amount: number;
  currency: string;
  /** The supplier issued the invoice this many days before it arrived. */
  issuedDaysEarlier: number;
}

interface Invoice {
  /** When the supplier issued the invoice (epoch ms). */
  issuedAt: number;
  variables: {
    invoiceNumber: string;
    supplier: string;
    amount: number;
    currency: string;
    invoiceDate: string;
    costCentre: string;
  };
}

function invoiceOf(spec: InvoiceSpec, arrivedAt: number): Invoice {
  const issuedAt = arrivedAt - spec.issuedDaysEarlier * DAY;
  return {
    issuedAt,
    variables: {
      invoiceNumber: `INV-${yearOf(issuedAt)}-${serial(spec.n)}`,
      supplier: spec.supplier,
      amount: spec.amount,
      currency: spec.currency,
      invoiceDate: isoDate(issuedAt),
      costCentre: `CC-${String(100 + (spec.n % 7) * 10)}`,
    },
  };
}

/**
 * An invoice-approval instance started `startedHoursAgo` hours before `now`;
 * `story` adds what happened to it, knowing the invoice.
 */
function invoiceApproval(
  now: number,
  startedHoursAgo: number,
  spec: InvoiceSpec,
  story: (invoice: Invoice) => Partial<InstanceScenario> = () => ({}),
): InstanceScenario {
  const invoice = invoiceOf(spec, now - startedHoursAgo * HOUR);
  return {
    process: 'invoice-approval',
    startedHoursAgo,
    variables: invoice.variables,
    ...story(invoice),
  };
}

const approved = (comment: string) => ({
  decision: 'approve',
  budgetChecked: true,
  approverComment: comment,
});

const transferPrepared = (reference: string) => ({
  paymentReference: reference,
  transferScheduled: true,
});

/** The document management system files invoices by the month they were issued. */
const archived = (
  afterHours: number,
  by: string,
  invoice: Invoice,
): StepOutcome => ({
  afterHours,
  by,
  variables: {
    archiveLocation: `DMS/${isoMonth(invoice.issuedAt).replace('-', '/')}/${invoice.variables.invoiceNumber}`,
  },
});

function invoiceInstances(now: number): InstanceScenario[] {
  return [
    // Open approvals: overdue, due within a day, fresh, mine, someone else's.
    invoiceApproval(now, 80, {
      n: 17,
      supplier: 'Nordwind Logistics GmbH',
      amount: 4820.5,
      currency: 'EUR',
      issuedDaysEarlier: 5,
    }),
    invoiceApproval(now, 60, {
      n: 21,
      supplier: 'Blue Harbor Supplies Ltd',
      amount: 1299,
      currency: 'GBP',
      issuedDaysEarlier: 1,
    }),
    invoiceApproval(now, 2, {
      n: 34,
      supplier: 'Acme Office Furniture',
      amount: 12750,
      currency: 'USD',
      issuedDaysEarlier: 1,
    }),
    invoiceApproval(
      now,
      30,
      {
        n: 29,
        supplier: 'Papeterie Lumière SARL',
        amount: 389.9,
        currency: 'EUR',
        issuedDaysEarlier: 2,
      },
      () => ({ assignee: 'demo' }),
    ),
    invoiceApproval(
      now,
      100,
      {
        n: 12,
        supplier: 'Kestrel IT Services',
        amount: 22400,
        currency: 'EUR',
        issuedDaysEarlier: 7,
      },
      () => ({ assignee: 'alice' }),
    ),
    invoiceApproval(
      now,
      10,
      {
        n: 36,
        supplier: 'Greenline Catering',
        amount: 640,
        currency: 'EUR',
        issuedDaysEarlier: 0,
      },
      () => ({ assignee: 'alice' }),
    ),
    // Approved, waiting for the bank transfer (a task without a form).
    invoiceApproval(
      now,
      50,
      {
        n: 25,
        supplier: 'Tallis & Rowe Consulting',
        amount: 9800,
        currency: 'GBP',
        issuedDaysEarlier: 5,
      },
      () => ({
        completed: [
          {
            afterHours: 20,
            by: 'demo',
            variables: approved('Matches PO 4471.'),
          },
        ],
      }),
    ),
    invoiceApproval(
      now,
      40,
      {
        n: 27,
        supplier: 'Sunrise Cleaning Co.',
        amount: 1150,
        currency: 'EUR',
        issuedDaysEarlier: 3,
      },
      () => ({
        completed: [
          {
            afterHours: 1,
            by: 'demo',
            variables: approved('Monthly contract.'),
          },
        ],
        assignee: 'demo',
      }),
    ),
    // Paid, waiting to be archived (custom form key).
    invoiceApproval(
      now,
      120,
      {
        n: 9,
        supplier: 'Metro Print Works',
        amount: 2310,
        currency: 'EUR',
        issuedDaysEarlier: 10,
      },
      () => ({
        completed: [
          {
            afterHours: 5,
            by: 'alice',
            variables: approved('Brochures for the trade fair.'),
          },
          {
            afterHours: 20,
            by: 'alice',
            variables: transferPrepared('PAY-88213'),
          },
        ],
      }),
    ),
    // Finished instances (deletable with deleteProcessInstance).
    invoiceApproval(
      now,
      200,
      {
        n: 3,
        supplier: 'Harbour Freight AG',
        amount: 15890,
        currency: 'EUR',
        issuedDaysEarlier: 14,
      },
      (invoice) => ({
        completed: [
          {
            afterHours: 4,
            by: 'demo',
            variables: approved(`Q${quarterOf(invoice.issuedAt)} shipping.`),
          },
          {
            afterHours: 30,
            by: 'demo',
            variables: transferPrepared('PAY-87990'),
          },
          archived(2, 'alice', invoice),
        ],
      }),
    ),
    invoiceApproval(
      now,
      150,
      {
        n: 6,
        supplier: 'Copperfield Legal LLP',
        amount: 4500,
        currency: 'GBP',
        issuedDaysEarlier: 12,
      },
      (invoice) => ({
        completed: [
          {
            afterHours: 8,
            by: 'alice',
            variables: approved(`Retainer, ${monthName(invoice.issuedAt)}.`),
          },
          {
            afterHours: 16,
            by: 'alice',
            variables: transferPrepared('PAY-88011'),
          },
          archived(3, 'demo', invoice),
        ],
      }),
    ),
    // Withdrawn by the supplier.
    invoiceApproval(
      now,
      90,
      {
        n: 14,
        supplier: 'Orbit Telecom',
        amount: 210.4,
        currency: 'EUR',
        issuedDaysEarlier: 6,
      },
      () => ({ canceledAfterHours: 10 }),
    ),
    // Rejected: the gateway sends it past the supplier notification to its end.
    invoiceApproval(
      now,
      50,
      {
        n: 19,
        supplier: 'Quickprint Copy Shop',
        amount: 2890,
        currency: 'EUR',
        issuedDaysEarlier: 3,
      },
      () => ({
        completed: [
          {
            afterHours: 6,
            by: 'demo',
            variables: {
              decision: 'reject',
              budgetChecked: true,
              rejectionReason: 'Duplicate of an invoice that was already paid.',
            },
          },
        ],
      }),
    ),
  ];
}

const expenseInstances: InstanceScenario[] = [
  {
    process: 'expense-reimbursement',
    startedHoursAgo: 3,
    variables: {
      employeeName: 'Bob Brown',
      total: 184.3,
      items: [
        { what: 'Train ticket', amount: 96.5 },
        { what: 'Hotel breakfast', amount: 87.8 },
      ],
    },
  },
  {
    process: 'expense-reimbursement',
    startedHoursAgo: 30,
    variables: {
      employeeName: 'Carol Clark',
      total: 52,
      items: [{ what: 'Taxi', amount: 52 }],
    },
    assignee: 'alice',
  },
  {
    process: 'expense-reimbursement',
    startedHoursAgo: 60,
    variables: {
      employeeName: 'Alice Adams',
      total: 412.75,
      items: [
        { what: 'Conference fee', amount: 349 },
        { what: 'Parking', amount: 63.75 },
      ],
    },
    completed: [
      { afterHours: 6, by: 'alice', variables: { receiptsComplete: true } },
    ],
  },
  {
    process: 'expense-reimbursement',
    startedHoursAgo: 150,
    variables: {
      employeeName: 'Demo User',
      total: 75.2,
      items: [{ what: 'Client lunch', amount: 75.2 }],
    },
    completed: [
      { afterHours: 2, by: 'alice', variables: { receiptsComplete: true } },
      {
        afterHours: 20,
        by: 'demo',
        variables: (completedAt) => ({ reimbursedOn: isoDate(completedAt) }),
      },
    ],
  },
  {
    process: 'expense-reimbursement',
    startedHoursAgo: 20,
    variables: {
      employeeName: 'Bob Brown',
      total: 19.99,
      items: [{ what: 'USB cable', amount: 19.99 }],
    },
    canceledAfterHours: 4,
  },
  {
    process: 'expense-reimbursement',
    startedHoursAgo: 12,
    variables: {
      employeeName: 'Carol Clark',
      total: 230,
      items: [{ what: 'Training course', amount: 230 }],
    },
    assignee: 'carol',
  },
];

/**
 * Invoice approval and expense reimbursement instances. Invoices are issued
 * a few days before they arrive; numbers and archive paths use the year and
 * month of issue, so the world reads as current for any seed clock.
 */
export function financeInstances(now: number): InstanceScenario[] {
  return [...invoiceInstances(now), ...expenseInstances];
}
