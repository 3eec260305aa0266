import { formSchema, options } from './form-schema';

/** Invoice approval: the approver checks the invoice and decides. */
export const invoiceApprovalForm = formSchema('invoice-approval', 16, [
  {
    type: 'text',
    id: 'Text_invoiceHeading',
    text: '## Invoice {{invoiceNumber}}\nCheck the invoice against the purchase order before you decide.',
  },
  {
    type: 'textfield',
    id: 'Field_invoiceNumber',
    key: 'invoiceNumber',
    label: 'Invoice number',
    readonly: true,
    validate: { required: true, pattern: '^INV-\\d{4}-\\d{4}$' },
    layout: { row: 'Row_invoice', columns: 6 },
  },
  {
    type: 'textfield',
    id: 'Field_supplier',
    key: 'supplier',
    label: 'Supplier',
    validate: { required: true, minLength: 2, maxLength: 120 },
    layout: { row: 'Row_invoice', columns: 10 },
  },
  {
    type: 'number',
    id: 'Field_amount',
    key: 'amount',
    label: 'Amount',
    decimalDigits: 2,
    validate: { required: true, min: 0.01, max: 1000000 },
    layout: { row: 'Row_amount', columns: 8 },
  },
  {
    type: 'select',
    id: 'Field_currency',
    key: 'currency',
    label: 'Currency',
    values: options(
      ['EUR', 'Euro'],
      ['USD', 'US dollar'],
      ['GBP', 'Pound sterling'],
    ),
    validate: { required: true },
    layout: { row: 'Row_amount', columns: 8 },
  },
  {
    type: 'datetime',
    id: 'Field_invoiceDate',
    key: 'invoiceDate',
    subtype: 'date',
    dateLabel: 'Invoice date',
    validate: { required: true },
  },
  {
    type: 'checkbox',
    id: 'Field_budgetChecked',
    key: 'budgetChecked',
    label: 'The cost centre has budget for this invoice',
    defaultValue: false,
  },
  {
    type: 'radio',
    id: 'Field_decision',
    key: 'decision',
    label: 'Decision',
    values: options(['approve', 'Approve'], ['reject', 'Reject']),
    validate: { required: true },
  },
  {
    type: 'textarea',
    id: 'Field_rejectionReason',
    key: 'rejectionReason',
    label: 'Why is the invoice rejected?',
    validate: { required: true, minLength: 10 },
    conditional: { hide: '=decision != "reject"' },
  },
]);

/** Customer onboarding: the back office opens the account. */
export const accountSetupForm = formSchema('account-setup', 17, [
  {
    type: 'text',
    id: 'Text_accountHeading',
    text: '## New account for {{customerName}}',
  },
  {
    type: 'select',
    id: 'Field_accountType',
    key: 'accountType',
    label: 'Account type',
    values: options(
      ['standard', 'Standard'],
      ['business', 'Business'],
      ['premium', 'Premium'],
    ),
    validate: { required: true },
  },
  {
    type: 'number',
    id: 'Field_creditLimit',
    key: 'creditLimit',
    label: 'Credit limit',
    appearance: { suffixAdorner: 'EUR' },
    validate: { required: true, min: 0, max: 50000 },
  },
  {
    type: 'textfield',
    id: 'Field_iban',
    key: 'iban',
    label: 'IBAN',
    validate: { required: true, pattern: '^[A-Z]{2}\\d{2}[A-Z0-9]{11,30}$' },
  },
  {
    type: 'checkbox',
    id: 'Field_directDebit',
    key: 'directDebit',
    label: 'Direct debit mandate received',
  },
  {
    type: 'datetime',
    id: 'Field_mandateDate',
    key: 'mandateDate',
    subtype: 'date',
    dateLabel: 'Mandate signed on',
    conditional: { hide: '=directDebit != true' },
  },
]);

/** Loan application: the credit analyst rates the risk. */
export const creditRiskForm = formSchema('credit-risk', 18, [
  {
    type: 'text',
    id: 'Text_riskHeading',
    text: '## Credit risk for {{applicantName}}\nThe full credit bureau report is in the variable `creditReport`.',
  },
  {
    type: 'number',
    id: 'Field_requestedAmount',
    key: 'requestedAmount',
    label: 'Requested amount',
    readonly: true,
    appearance: { suffixAdorner: 'EUR' },
  },
  {
    type: 'number',
    id: 'Field_creditScore',
    key: 'creditScore',
    label: 'Credit score',
    description: 'Between 300 and 850.',
    validate: { required: true, min: 300, max: 850 },
  },
  {
    type: 'radio',
    id: 'Field_riskClass',
    key: 'riskClass',
    label: 'Risk class',
    values: options(['A', 'A (low)'], ['B', 'B (medium)'], ['C', 'C (high)']),
    validate: { required: true },
  },
  {
    type: 'textarea',
    id: 'Field_riskNotes',
    key: 'riskNotes',
    label: 'Reasons for a high risk class',
    validate: { required: true, minLength: 20, maxLength: 2000 },
    conditional: { hide: '=riskClass != "C"' },
  },
  {
    type: 'checkbox',
    id: 'Field_collateralRequired',
    key: 'collateralRequired',
    label: 'Collateral required',
  },
]);

/** Loan application: management decides. */
export const loanDecisionForm = formSchema('loan-decision', 19, [
  {
    type: 'text',
    id: 'Text_decisionHeading',
    text: '## Loan for {{applicantName}}\nRisk class **{{riskClass}}**, requested {{requestedAmount}} EUR over {{termMonths}} months.',
  },
  {
    type: 'radio',
    id: 'Field_loanDecision',
    key: 'loanDecision',
    label: 'Decision',
    values: options(
      ['approve', 'Approve'],
      ['counter-offer', 'Counter-offer'],
      ['decline', 'Decline'],
    ),
    validate: { required: true },
  },
  {
    type: 'number',
    id: 'Field_offeredAmount',
    key: 'offeredAmount',
    label: 'Offered amount',
    appearance: { suffixAdorner: 'EUR' },
    validate: { required: true, min: 1000, max: 500000 },
    conditional: { hide: '=loanDecision != "counter-offer"' },
  },
  {
    type: 'number',
    id: 'Field_interestRate',
    key: 'interestRate',
    label: 'Interest rate',
    decimalDigits: 2,
    appearance: { suffixAdorner: '%' },
    validate: { min: 0, max: 25 },
    conditional: { hide: '=loanDecision = "decline"' },
  },
  {
    type: 'textarea',
    id: 'Field_decisionNote',
    key: 'decisionNote',
    label: 'Note to the applicant',
    validate: { maxLength: 1000 },
  },
]);
