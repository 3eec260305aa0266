import type { InstanceScenario } from './scenario-types';

const vacation = (
  employeeName: string,
  firstDay: string,
  lastDay: string,
  workingDays: number,
) => ({ employeeName, firstDay, lastDay, workingDays });

const customer = (
  customerName: string,
  customerEmail: string,
  country: string,
  segment: string,
) => ({ customerName, customerEmail, country, segment });

const verified = (documentType: string, documentNumber: string) => ({
  documentType,
  documentNumber,
  documentExpiry: '2031-08-31',
  identityVerified: true,
});

const accountOpened = (accountType: string, creditLimit: number) => ({
  accountType,
  creditLimit,
  iban: 'DE44500105175407324931',
  directDebit: true,
  mandateDate: '2024-05-03',
});

/** Vacation request and customer onboarding instances. */
export const PEOPLE_INSTANCES: InstanceScenario[] = [
  {
    process: 'vacation-request',
    version: 1,
    startedHoursAgo: 70,
    variables: vacation('Bob Brown', '2024-06-03', '2024-06-14', 10),
  },
  {
    process: 'vacation-request',
    version: 1,
    startedHoursAgo: 100,
    variables: vacation('Alice Adams', '2024-05-27', '2024-05-31', 5),
    completed: [
      { afterHours: 3, by: 'demo', variables: { vacationApproved: 'yes' } },
    ],
    assignee: 'carol',
  },
  {
    process: 'vacation-request',
    version: 1,
    startedHoursAgo: 300,
    variables: vacation('Carol Clark', '2024-05-13', '2024-05-17', 5),
    completed: [
      { afterHours: 5, by: 'demo', variables: { vacationApproved: 'yes' } },
      { afterHours: 40, by: 'carol', variables: { recordedInHrSystem: true } },
    ],
  },
  {
    process: 'vacation-request',
    version: 2,
    startedHoursAgo: 20,
    variables: vacation('Demo User', '2024-07-01', '2024-07-19', 15),
  },
  {
    process: 'vacation-request',
    version: 2,
    startedHoursAgo: 40,
    variables: vacation('Bob Brown', '2024-08-05', '2024-08-09', 5),
    assignee: 'demo',
  },
  {
    process: 'vacation-request',
    version: 2,
    startedHoursAgo: 5,
    variables: vacation('Alice Adams', '2024-06-20', '2024-06-21', 2),
    canceledAfterHours: 1,
  },
  {
    process: 'vacation-request',
    version: 2,
    startedHoursAgo: 26,
    variables: vacation('Carol Clark', '2024-06-10', '2024-06-28', 15),
    completed: [
      {
        afterHours: 2,
        by: 'demo',
        variables: {
          vacationApproved: 'no',
          declineReason: 'Quarter-end closing; please move it by two weeks.',
        },
      },
    ],
  },
  {
    process: 'vacation-request',
    version: 2,
    startedHoursAgo: 3,
    variables: vacation('Bob Brown', '2024-09-02', '2024-09-06', 5),
  },

  {
    process: 'customer-onboarding',
    version: 1,
    startedHoursAgo: 30,
    variables: customer(
      'Lindqvist Bakery AB',
      'orders@lindqvist.example',
      'SE',
      'small-business',
    ),
  },
  {
    process: 'customer-onboarding',
    version: 1,
    startedHoursAgo: 8,
    variables: customer(
      'Marta Ortega',
      'marta.ortega@example.org',
      'ES',
      'private',
    ),
    assignee: 'bob',
  },
  {
    process: 'customer-onboarding',
    version: 1,
    startedHoursAgo: 50,
    variables: customer(
      'Fjord Analytics AS',
      'finance@fjord.example',
      'NO',
      'business',
    ),
    completed: [
      {
        afterHours: 4,
        by: 'bob',
        variables: verified('passport', 'NO4482913'),
      },
    ],
  },
  {
    process: 'customer-onboarding',
    version: 1,
    startedHoursAgo: 70,
    variables: customer(
      'Tomasz Nowak',
      'tomasz.nowak@example.net',
      'PL',
      'private',
    ),
    completed: [
      { afterHours: 3, by: 'bob', variables: verified('id-card', 'AXB552190') },
      {
        afterHours: 12,
        by: 'demo',
        variables: accountOpened('standard', 2000),
      },
    ],
  },
  {
    process: 'customer-onboarding',
    version: 1,
    startedHoursAgo: 200,
    variables: customer(
      'Okafor & Sons Ltd',
      'hello@okafor.example',
      'GB',
      'business',
    ),
    completed: [
      {
        afterHours: 2,
        by: 'bob',
        variables: verified('passport', 'GB9917302'),
      },
      {
        afterHours: 20,
        by: 'alice',
        variables: accountOpened('business', 25000),
      },
      {
        afterHours: 30,
        by: 'carol',
        variables: { welcomePackageSent: true, courier: 'DHL' },
      },
    ],
  },
  {
    process: 'customer-onboarding',
    version: 1,
    startedHoursAgo: 12,
    variables: customer(
      'Unverified Trading Co',
      'info@unverified.example',
      'DE',
      'business',
    ),
    canceledAfterHours: 2,
  },
  {
    process: 'customer-onboarding',
    version: 1,
    startedHoursAgo: 1,
    variables: customer(
      'Aiko Tanaka',
      'aiko.tanaka@example.jp',
      'JP',
      'private',
    ),
  },
  {
    process: 'customer-onboarding',
    version: 1,
    startedHoursAgo: 45,
    variables: customer(
      'Rossi Ristoranti SRL',
      'amministrazione@rossi.example',
      'IT',
      'small-business',
    ),
    completed: [
      {
        afterHours: 5,
        by: 'demo',
        variables: verified('id-card', 'CA12345XY'),
      },
    ],
    assignee: 'alice',
  },
];
