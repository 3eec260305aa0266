import type { InstanceScenario } from './scenario-types';
import {
  HOUR,
  isoMonth,
  monthsUpTo,
  serial,
  shiftMonths,
  yearOf,
} from './seed-dates';

/**
 * A credit bureau report as a process variable: deliberately far longer than
 * Tasklist's 8191-character preview, so clients must fetch the full value.
 * Built from the applicant's name with simple arithmetic, so it is the same
 * on every run; accounts were opened two to fifteen years before
 * `generatedAt`, and the payment history covers the twelve months up to it.
 */
export function creditReport(
  applicantName: string,
  accounts: number,
  generatedAt: number,
) {
  const seed = Array.from({ length: applicantName.length }, (_, i) =>
    applicantName.charCodeAt(i),
  ).reduce((sum, code) => sum + code, 0);
  const months = monthsUpTo(generatedAt, 12);
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
      openedOn: `${isoMonth(shiftMonths(generatedAt, -(24 + (i % 13) * 12 + (i % 9))))}-15`,
      limit: 1000 + ((seed * (i + 3)) % 40) * 500,
      balance: (seed * (i + 11)) % 15000,
      paymentHistory: months.map((month, m) => ({
        month,
        status: (seed + i + m) % 17 === 0 ? 'late' : 'on time',
      })),
    })),
  };
}

interface Applicant {
  name: string;
  requestedAmount: number;
  termMonths: number;
  /** Accounts in the credit report; 18 or more make it exceed 8191 characters. */
  accounts?: number;
}

/**
 * A loan application that arrived `startedHoursAgo` hours before `now`,
 * with the credit report fetched on arrival; `story` adds what happened.
 */
function loanApplication(
  now: number,
  startedHoursAgo: number,
  applicant: Applicant,
  story: Partial<InstanceScenario> = {},
): InstanceScenario {
  const { name, requestedAmount, termMonths, accounts = 2 } = applicant;
  return {
    process: 'loan-application',
    startedHoursAgo,
    variables: {
      applicantName: name,
      requestedAmount,
      termMonths,
      purpose: [
        'home renovation',
        'business equipment',
        'car',
        'debt consolidation',
      ][termMonths % 4],
      creditReport: creditReport(name, accounts, now - startedHoursAgo * HOUR),
    },
    ...story,
  };
}

/**
 * Loan application instances. Credit reports cover the months before the
 * application, and contract numbers carry the year they were issued.
 */
export function loanInstances(now: number): InstanceScenario[] {
  return [
    // The open risk assessments carry credit reports far beyond 8191 characters.
    loanApplication(now, 20, {
      name: 'Hannah Becker',
      requestedAmount: 45000,
      termMonths: 60,
      accounts: 24,
    }),
    loanApplication(
      now,
      60,
      {
        name: 'Samuel Mensah',
        requestedAmount: 12000,
        termMonths: 36,
        accounts: 18,
      },
      { assignee: 'demo' },
    ),
    loanApplication(
      now,
      40,
      { name: 'Ines Duarte', requestedAmount: 80000, termMonths: 120 },
      {
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
    ),
    loanApplication(
      now,
      80,
      { name: 'Peter Novak', requestedAmount: 25000, termMonths: 48 },
      {
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
    ),
    loanApplication(
      now,
      250,
      { name: 'Grace Liu', requestedAmount: 150000, termMonths: 240 },
      {
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
            variables: (sentAt) => ({
              contractNumber: `LN-${yearOf(sentAt)}-${serial(117, 5)}`,
              contractSent: true,
            }),
          },
        ],
      },
    ),
    loanApplication(
      now,
      100,
      { name: 'Omar Haddad', requestedAmount: 9000, termMonths: 24 },
      {
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
    ),
  ];
}
