import type { InstanceScenario } from './scenario-types';

const MONTHS = [
  '2023-06',
  '2023-07',
  '2023-08',
  '2023-09',
  '2023-10',
  '2023-11',
  '2023-12',
  '2024-01',
  '2024-02',
  '2024-03',
  '2024-04',
  '2024-05',
];

/**
 * A credit bureau report as a process variable: deliberately far longer than
 * Tasklist's 8191-character preview, so clients must fetch the full value.
 * Built from the applicant's name with simple arithmetic, so it is the same
 * on every run.
 */
export function creditReport(applicantName: string, accounts: number) {
  const seed = Array.from({ length: applicantName.length }, (_, i) =>
    applicantName.charCodeAt(i),
  ).reduce((sum, code) => sum + code, 0);
  return {
    bureau: 'Demo Credit Bureau',
    subject: applicantName,
    generatedFor: 'loan-application',
    accounts: Array.from({ length: accounts }, (_, i) => ({
      accountId: `ACC-${String((seed * 31 + i * 7919) % 1_000_000).padStart(6, '0')}`,
      lender: [
        'Northbank',
        'City Credit Union',
        'Harbor Finance',
        'Prime Lending',
      ][i % 4],
      type: ['credit card', 'car loan', 'mortgage', 'overdraft'][
        (seed + i) % 4
      ],
      openedOn: `20${String(10 + (i % 13)).padStart(2, '0')}-0${1 + (i % 9)}-15`,
      limit: 1000 + ((seed * (i + 3)) % 40) * 500,
      balance: (seed * (i + 11)) % 15000,
      paymentHistory: MONTHS.map((month, m) => ({
        month,
        status: (seed + i + m) % 17 === 0 ? 'late' : 'on time',
      })),
    })),
  };
}

const application = (
  applicantName: string,
  requestedAmount: number,
  termMonths: number,
  accounts = 2,
) => ({
  applicantName,
  requestedAmount,
  termMonths,
  purpose: [
    'home renovation',
    'business equipment',
    'car',
    'debt consolidation',
  ][termMonths % 4],
  creditReport: creditReport(applicantName, accounts),
});

/** Loan application instances. */
export const LOAN_INSTANCES: InstanceScenario[] = [
  // The open risk assessments carry credit reports far beyond 8191 characters.
  {
    process: 'loan-application',
    version: 1,
    startedHoursAgo: 20,
    variables: application('Hannah Becker', 45000, 60, 24),
  },
  {
    process: 'loan-application',
    version: 1,
    startedHoursAgo: 60,
    variables: application('Samuel Mensah', 12000, 36, 18),
    assignee: 'demo',
  },
  {
    process: 'loan-application',
    version: 1,
    startedHoursAgo: 40,
    variables: application('Ines Duarte', 80000, 120),
    completed: [
      {
        afterHours: 10,
        by: 'alice',
        variables: {
          creditScore: 712,
          riskClass: 'B',
          collateralRequired: true,
        },
      },
    ],
  },
  {
    process: 'loan-application',
    version: 1,
    startedHoursAgo: 80,
    variables: application('Peter Novak', 25000, 48),
    completed: [
      {
        afterHours: 6,
        by: 'alice',
        variables: {
          creditScore: 781,
          riskClass: 'A',
          collateralRequired: false,
        },
      },
      {
        afterHours: 18,
        by: 'demo',
        variables: { loanDecision: 'approve', interestRate: 4.9 },
      },
    ],
  },
  {
    process: 'loan-application',
    version: 1,
    startedHoursAgo: 250,
    variables: application('Grace Liu', 150000, 240),
    completed: [
      {
        afterHours: 12,
        by: 'demo',
        variables: {
          creditScore: 745,
          riskClass: 'A',
          collateralRequired: true,
        },
      },
      {
        afterHours: 24,
        by: 'demo',
        variables: {
          loanDecision: 'counter-offer',
          offeredAmount: 120000,
          interestRate: 3.8,
        },
      },
      {
        afterHours: 48,
        by: 'alice',
        variables: { contractNumber: 'LN-2024-00117', contractSent: true },
      },
    ],
  },
  {
    process: 'loan-application',
    version: 1,
    startedHoursAgo: 100,
    variables: application('Omar Haddad', 9000, 24),
    completed: [
      {
        afterHours: 8,
        by: 'alice',
        variables: {
          creditScore: 590,
          riskClass: 'C',
          riskNotes: 'Two late payments on the overdraft in the last year.',
        },
      },
    ],
    canceledAfterHours: 30,
  },
];
