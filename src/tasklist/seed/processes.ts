import type { ProcessDefinitionInput } from '../store/records';
import {
  accountSetupForm,
  creditRiskForm,
  invoiceApprovalForm,
  loanDecisionForm,
} from './forms/finance-forms';
import {
  kycForm,
  vacationReviewFormV1,
  vacationReviewFormV2,
} from './forms/people-forms';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const camundaForm = (formId: string) => `camunda-forms:bpmn:${formId}`;

/**
 * The demo processes, in deployment order. Vacation request has two versions
 * so the world shows that tasks keep the definition they were created with
 * while `startProcess` uses the latest.
 */
export const DEMO_PROCESSES: ProcessDefinitionInput[] = [
  {
    bpmnProcessId: 'invoice-approval',
    name: 'Invoice approval',
    forms: { invoiceApprovalForm },
    steps: [
      {
        elementId: 'approveInvoice',
        name: 'Approve invoice',
        formKey: camundaForm('invoiceApprovalForm'),
        candidateGroups: ['accounting'],
        dueOffsetMs: 3 * DAY,
        followUpOffsetMs: DAY,
      },
      {
        elementId: 'prepareBankTransfer',
        name: 'Prepare bank transfer',
        candidateGroups: ['accounting'],
        dueOffsetMs: 2 * DAY,
      },
      {
        elementId: 'archiveInvoice',
        name: 'Archive invoice',
        // A custom form the inbox cannot render: it shows the variables editor.
        formKey: 'custom:document-archive',
        candidateGroups: ['accounting', 'management'],
      },
    ],
  },
  {
    bpmnProcessId: 'vacation-request',
    name: 'Vacation request',
    forms: { vacationReviewForm: vacationReviewFormV1 },
    steps: [
      {
        elementId: 'reviewVacationRequest',
        name: 'Review vacation request',
        formKey: camundaForm('vacationReviewForm'),
        candidateGroups: ['management'],
        dueOffsetMs: 2 * DAY,
      },
      {
        elementId: 'recordVacation',
        name: 'Record vacation in the HR system',
        candidateGroups: ['hr'],
        dueOffsetMs: 5 * DAY,
      },
    ],
  },
  {
    bpmnProcessId: 'vacation-request',
    name: 'Vacation request',
    forms: { vacationReviewForm: vacationReviewFormV2 },
    steps: [
      {
        elementId: 'reviewVacationRequest',
        name: 'Review vacation request',
        formKey: camundaForm('vacationReviewForm'),
        candidateGroups: ['management'],
        candidateUsers: ['carol'],
        dueOffsetMs: 2 * DAY,
        followUpOffsetMs: 12 * HOUR,
      },
      {
        elementId: 'recordVacation',
        name: 'Record vacation in the HR system',
        candidateGroups: ['hr'],
        dueOffsetMs: 5 * DAY,
      },
    ],
  },
  {
    bpmnProcessId: 'customer-onboarding',
    name: 'Customer onboarding',
    forms: { kycForm, accountSetupForm },
    steps: [
      {
        elementId: 'verifyCustomerIdentity',
        name: 'Verify customer identity',
        formKey: camundaForm('kycForm'),
        candidateGroups: ['sales'],
        candidateUsers: ['demo'],
        dueOffsetMs: DAY,
      },
      {
        elementId: 'setUpCustomerAccount',
        name: 'Set up customer account',
        formKey: camundaForm('accountSetupForm'),
        candidateGroups: ['accounting'],
        dueOffsetMs: 2 * DAY,
        followUpOffsetMs: DAY,
      },
      {
        elementId: 'sendWelcomePackage',
        name: 'Send welcome package',
        formKey: 'custom:welcome-package',
        candidateGroups: ['sales'],
        candidateUsers: ['bob', 'carol'],
      },
    ],
  },
  {
    bpmnProcessId: 'loan-application',
    name: 'Loan application',
    forms: { creditRiskForm, loanDecisionForm },
    steps: [
      {
        elementId: 'assessCreditRisk',
        name: 'Assess credit risk',
        formKey: camundaForm('creditRiskForm'),
        candidateGroups: ['accounting', 'management'],
        dueOffsetMs: 2 * DAY,
        followUpOffsetMs: DAY,
      },
      {
        elementId: 'decideOnLoan',
        name: 'Decide on loan',
        formKey: camundaForm('loanDecisionForm'),
        candidateGroups: ['management'],
        candidateUsers: ['demo'],
        dueOffsetMs: DAY,
      },
      {
        elementId: 'prepareLoanContract',
        name: 'Prepare loan contract',
        candidateGroups: ['accounting'],
        candidateUsers: ['alice'],
      },
    ],
  },
  {
    bpmnProcessId: 'expense-reimbursement',
    name: 'Expense reimbursement',
    steps: [
      {
        elementId: 'checkReceipts',
        name: 'Check receipts',
        candidateGroups: ['accounting'],
      },
      {
        elementId: 'reimburseEmployee',
        name: 'Reimburse employee',
        candidateGroups: ['accounting'],
        dueOffsetMs: 5 * DAY,
      },
    ],
  },
];
