import { formSchema, options } from './form-schema';

const vacationFields = [
  {
    type: 'text',
    id: 'Text_vacationHeading',
    text: '## Vacation request from {{employeeName}}',
  },
  {
    type: 'datetime',
    id: 'Field_firstDay',
    key: 'firstDay',
    subtype: 'date' as const,
    dateLabel: 'First day',
    readonly: true,
    layout: { row: 'Row_dates', columns: 8 },
  },
  {
    type: 'datetime',
    id: 'Field_lastDay',
    key: 'lastDay',
    subtype: 'date' as const,
    dateLabel: 'Last day',
    readonly: true,
    layout: { row: 'Row_dates', columns: 8 },
  },
  {
    type: 'number',
    id: 'Field_workingDays',
    key: 'workingDays',
    label: 'Working days',
    readonly: true,
    validate: { min: 0.5, max: 30 },
  },
];

/** Both versions of the review form decide the same way. */
const vacationDecisionField = {
  type: 'radio',
  id: 'Field_vacationApproved',
  key: 'vacationApproved',
  label: 'Decision',
  values: options(['yes', 'Approve'], ['no', 'Decline']),
  validate: { required: true },
};

/** Vacation request, version 1: approve or decline with a reason. */
export const vacationReviewFormV1 = formSchema('vacation-review', 16, [
  ...vacationFields,
  vacationDecisionField,
  {
    type: 'textarea',
    id: 'Field_declineReason',
    key: 'declineReason',
    label: 'Reason',
    validate: { required: true },
    conditional: { hide: '=vacationApproved != "no"' },
  },
]);

/** Vacation request, version 2: also names a substitute. */
export const vacationReviewFormV2 = formSchema('vacation-review', 18, [
  ...vacationFields,
  vacationDecisionField,
  {
    type: 'select',
    id: 'Field_substitute',
    key: 'substitute',
    label: 'Substitute during the absence',
    searchable: true,
    values: options(
      ['alice', 'Alice Adams'],
      ['bob', 'Bob Brown'],
      ['carol', 'Carol Clark'],
      ['demo', 'Demo User'],
    ),
    conditional: { hide: '=vacationApproved != "yes"' },
  },
  {
    type: 'textarea',
    id: 'Field_declineReason',
    key: 'declineReason',
    label: 'Reason',
    validate: { required: true },
    conditional: { hide: '=vacationApproved != "no"' },
  },
]);

/** Customer onboarding: know-your-customer check. */
export const kycForm = formSchema('kyc-check', 17, [
  {
    type: 'text',
    id: 'Text_kycHeading',
    text: '## Identity check for {{customerName}}',
  },
  {
    type: 'textfield',
    id: 'Field_customerEmail',
    key: 'customerEmail',
    label: 'E-mail',
    validate: { required: true, validationType: 'email' },
  },
  {
    type: 'select',
    id: 'Field_documentType',
    key: 'documentType',
    label: 'Identity document',
    values: options(
      ['passport', 'Passport'],
      ['id-card', 'National identity card'],
      ['residence-permit', 'Residence permit'],
    ),
    validate: { required: true },
  },
  {
    type: 'textfield',
    id: 'Field_documentNumber',
    key: 'documentNumber',
    label: 'Document number',
    validate: {
      required: true,
      pattern: '^[A-Z0-9]{6,12}$',
      minLength: 6,
      maxLength: 12,
    },
  },
  {
    type: 'datetime',
    id: 'Field_documentExpiry',
    key: 'documentExpiry',
    subtype: 'date',
    dateLabel: 'Valid until',
    validate: { required: true },
  },
  {
    type: 'checkbox',
    id: 'Field_identityVerified',
    key: 'identityVerified',
    label: 'The photo matches the customer',
  },
  {
    type: 'textarea',
    id: 'Field_kycNotes',
    key: 'kycNotes',
    label: 'What is wrong with the identity?',
    validate: { required: true, minLength: 10 },
    conditional: { hide: '=identityVerified = true' },
  },
]);
