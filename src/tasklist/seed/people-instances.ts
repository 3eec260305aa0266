import type { InstanceScenario, StepValues } from './scenario-types';
import { isoDate, shiftMonths, workdaySpan } from './seed-dates';

/**
 * A request for `workingDays` working days from weekday `firstWeekday`
 * (0 Monday) of the week `weeksAhead` weeks after the seed clock's week:
 * always in the coming weeks, whatever the clock.
 */
const vacation = (
  now: number,
  employeeName: string,
  weeksAhead: number,
  firstWeekday: number,
  workingDays: number,
) => ({
  employeeName,
  ...workdaySpan(now, weeksAhead, firstWeekday, workingDays),
});

const customer = (
  customerName: string,
  customerEmail: string,
  country: string,
  segment: string,
) => ({ customerName, customerEmail, country, segment });

/** The document checked was valid for `validForMonths` more months. */
const verified =
  (
    documentType: string,
    documentNumber: string,
    validForMonths: number,
  ): StepValues =>
  (checkedAt) => ({
    documentType,
    documentNumber,
    documentExpiry: isoDate(shiftMonths(checkedAt, validForMonths)),
    identityVerified: true,
  });

/** The customer signed the direct debit mandate when the account was opened. */
const accountOpened =
  (accountType: string, creditLimit: number): StepValues =>
  (openedAt) => ({
    accountType,
    creditLimit,
    iban: 'DE44500105175407324931',
    directDebit: true,
    mandateDate: isoDate(openedAt),
  });

const vacationInstances = (now: number): InstanceScenario[] => [
  {
    process: 'vacation-request',
    startedHoursAgo: 70,
    variables: vacation(now, 'Bob Brown', 4, 0, 10),
  },
  {
    process: 'vacation-request',
    startedHoursAgo: 100,
    variables: vacation(now, 'Alice Adams', 3, 0, 5),
    completed: [
      { afterHours: 3, by: 'demo', variables: { vacationApproved: 'yes' } },
    ],
    assignee: 'carol',
  },
  {
    process: 'vacation-request',
    startedHoursAgo: 300,
    variables: vacation(now, 'Carol Clark', 1, 0, 5),
    completed: [
      { afterHours: 5, by: 'demo', variables: { vacationApproved: 'yes' } },
      { afterHours: 40, by: 'carol', variables: { recordedInHrSystem: true } },
    ],
  },
  {
    process: 'vacation-request',
    startedHoursAgo: 20,
    variables: vacation(now, 'Demo User', 8, 0, 15),
  },
  {
    process: 'vacation-request',
    startedHoursAgo: 40,
    variables: vacation(now, 'Bob Brown', 13, 0, 5),
    assignee: 'demo',
  },
  {
    process: 'vacation-request',
    startedHoursAgo: 5,
    variables: vacation(now, 'Alice Adams', 6, 3, 2),
    canceledAfterHours: 1,
  },
  {
    process: 'vacation-request',
    startedHoursAgo: 26,
    variables: vacation(now, 'Carol Clark', 5, 0, 15),
    completed: [
      {
        afterHours: 2,
        by: 'demo',
        variables: {
          vacationApproved: 'no',
          declineReason:
            'Half the team is away then; please move it by two weeks.',
        },
      },
    ],
  },
  {
    process: 'vacation-request',
    startedHoursAgo: 3,
    variables: vacation(now, 'Bob Brown', 17, 0, 5),
  },
];

const onboardingInstances: InstanceScenario[] = [
  {
    process: 'customer-onboarding',
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
        variables: verified('passport', 'NO4482913', 87),
      },
    ],
  },
  {
    process: 'customer-onboarding',
    startedHoursAgo: 70,
    variables: customer(
      'Tomasz Nowak',
      'tomasz.nowak@example.net',
      'PL',
      'private',
    ),
    completed: [
      {
        afterHours: 3,
        by: 'bob',
        variables: verified('id-card', 'AXB552190', 41),
      },
      {
        afterHours: 12,
        by: 'demo',
        variables: accountOpened('standard', 2000),
      },
    ],
  },
  {
    process: 'customer-onboarding',
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
        variables: verified('passport', 'GB9917302', 19),
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
        variables: verified('id-card', 'CA12345XY', 62),
      },
    ],
    assignee: 'alice',
  },
];

/**
 * Vacation request and customer onboarding instances. Vacations lie in the
 * weeks after the seed clock; document expiry and mandate dates follow the
 * steps that recorded them.
 */
export function peopleInstances(now: number): InstanceScenario[] {
  return [...vacationInstances(now), ...onboardingInstances];
}
