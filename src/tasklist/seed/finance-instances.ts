import type { InstanceScenario } from './scenario-types';

const invoice = (
  n: number,
  supplier: string,
  amount: number,
  currency: string,
  invoiceDate: string,
) => ({
  invoiceNumber: `INV-2024-${String(n).padStart(4, '0')}`,
  supplier,
  amount,
  currency,
  invoiceDate,
  costCentre: `CC-${String(100 + (n % 7) * 10)}`,
});

const approved = (comment: string) => ({
  decision: 'approve',
  budgetChecked: true,
  approverComment: comment,
});

const transferPrepared = (reference: string) => ({
  paymentReference: reference,
  transferScheduled: true,
});

/** Invoice approval and expense reimbursement instances. */
export const FINANCE_INSTANCES: InstanceScenario[] = [
  // Open approvals: overdue, due within a day, fresh, mine, someone else's.
  {
    process: 'invoice-approval',
    version: 1,
    startedHoursAgo: 80,
    variables: invoice(
      17,
      'Nordwind Logistics GmbH',
      4820.5,
      'EUR',
      '2024-05-02',
    ),
  },
  {
    process: 'invoice-approval',
    version: 1,
    startedHoursAgo: 60,
    variables: invoice(
      21,
      'Blue Harbor Supplies Ltd',
      1299,
      'GBP',
      '2024-05-06',
    ),
  },
  {
    process: 'invoice-approval',
    version: 1,
    startedHoursAgo: 2,
    variables: invoice(34, 'Acme Office Furniture', 12750, 'USD', '2024-05-09'),
  },
  {
    process: 'invoice-approval',
    version: 1,
    startedHoursAgo: 30,
    variables: invoice(
      29,
      'Papeterie Lumière SARL',
      389.9,
      'EUR',
      '2024-05-07',
    ),
    assignee: 'demo',
  },
  {
    process: 'invoice-approval',
    version: 1,
    startedHoursAgo: 100,
    variables: invoice(12, 'Kestrel IT Services', 22400, 'EUR', '2024-04-29'),
    assignee: 'alice',
  },
  {
    process: 'invoice-approval',
    version: 1,
    startedHoursAgo: 10,
    variables: invoice(36, 'Greenline Catering', 640, 'EUR', '2024-05-09'),
    assignee: 'alice',
  },
  // Approved, waiting for the bank transfer (a task without a form).
  {
    process: 'invoice-approval',
    version: 1,
    startedHoursAgo: 50,
    variables: invoice(
      25,
      'Tallis & Rowe Consulting',
      9800,
      'GBP',
      '2024-05-03',
    ),
    completed: [
      { afterHours: 20, by: 'demo', variables: approved('Matches PO 4471.') },
    ],
  },
  {
    process: 'invoice-approval',
    version: 1,
    startedHoursAgo: 40,
    variables: invoice(27, 'Sunrise Cleaning Co.', 1150, 'EUR', '2024-05-05'),
    completed: [
      { afterHours: 1, by: 'demo', variables: approved('Monthly contract.') },
    ],
    assignee: 'demo',
  },
  // Paid, waiting to be archived (custom form key).
  {
    process: 'invoice-approval',
    version: 1,
    startedHoursAgo: 120,
    variables: invoice(9, 'Metro Print Works', 2310, 'EUR', '2024-04-25'),
    completed: [
      {
        afterHours: 5,
        by: 'alice',
        variables: approved('Brochures for the spring fair.'),
      },
      { afterHours: 20, by: 'alice', variables: transferPrepared('PAY-88213') },
    ],
  },
  // Finished instances (deletable with deleteProcessInstance).
  {
    process: 'invoice-approval',
    version: 1,
    startedHoursAgo: 200,
    variables: invoice(3, 'Harbour Freight AG', 15890, 'EUR', '2024-04-18'),
    completed: [
      { afterHours: 4, by: 'demo', variables: approved('Q2 shipping.') },
      { afterHours: 30, by: 'demo', variables: transferPrepared('PAY-87990') },
      {
        afterHours: 2,
        by: 'alice',
        variables: { archiveLocation: 'DMS/2024/04/INV-2024-0003' },
      },
    ],
  },
  {
    process: 'invoice-approval',
    version: 1,
    startedHoursAgo: 150,
    variables: invoice(6, 'Copperfield Legal LLP', 4500, 'GBP', '2024-04-22'),
    completed: [
      { afterHours: 8, by: 'alice', variables: approved('Retainer, April.') },
      { afterHours: 16, by: 'alice', variables: transferPrepared('PAY-88011') },
      {
        afterHours: 3,
        by: 'demo',
        variables: { archiveLocation: 'DMS/2024/04/INV-2024-0006' },
      },
    ],
  },
  // Withdrawn by the supplier.
  {
    process: 'invoice-approval',
    version: 1,
    startedHoursAgo: 90,
    variables: invoice(14, 'Orbit Telecom', 210.4, 'EUR', '2024-04-30'),
    canceledAfterHours: 10,
  },

  {
    process: 'expense-reimbursement',
    version: 1,
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
    version: 1,
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
    version: 1,
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
    version: 1,
    startedHoursAgo: 150,
    variables: {
      employeeName: 'Demo User',
      total: 75.2,
      items: [{ what: 'Client lunch', amount: 75.2 }],
    },
    completed: [
      { afterHours: 2, by: 'alice', variables: { receiptsComplete: true } },
      { afterHours: 20, by: 'demo', variables: { reimbursedOn: '2024-05-02' } },
    ],
  },
  {
    process: 'expense-reimbursement',
    version: 1,
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
    version: 1,
    startedHoursAgo: 12,
    variables: {
      employeeName: 'Carol Clark',
      total: 230,
      items: [{ what: 'Training course', amount: 230 }],
    },
    assignee: 'carol',
  },
];
