import { i18n, type MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import {
  compact,
  validDay,
  validText,
  type TaskConditions,
  type TaskSort,
  type TaskStateChoice,
} from './task-search';
import { effectiveSort } from './task-view';

/**
 * The `Filter tasks` dialog's fields, as the user edits them. Every field
 * maps to one `TaskQuery` input and holds one value: the API has no way to
 * ask for two groups or two processes at once, so the form cannot either.
 */
export interface FilterForm {
  /** A process definition key, or '' for any process. */
  process: string;
  assignee: 'anyone' | 'me' | 'unassigned' | 'user';
  assigneeName: string;
  candidateGroup: string;
  candidateUser: string;
  state: TaskStateChoice;
  dueFrom: string;
  dueTo: string;
  followUpFrom: string;
  followUpTo: string;
  processInstance: string;
  taskDefinition: string;
  sort: TaskSort;
}

export type FilterFormErrors = Partial<Record<keyof FilterForm, string>>;

export const EMPTY_FORM: FilterForm = {
  process: '',
  assignee: 'anyone',
  assigneeName: '',
  candidateGroup: '',
  candidateUser: '',
  state: 'open',
  dueFrom: '',
  dueTo: '',
  followUpFrom: '',
  followUpTo: '',
  processInstance: '',
  taskDefinition: '',
  sort: 'creation',
};

/**
 * What each mistake is called, translated when the form is checked (the
 * dialog that checks it loads with its catalogue area).
 */
export const FORM_ERRORS = {
  assigneeName: msg`Enter the user name of the assignee.`,
  name: msg`Use up to 200 characters, without line breaks.`,
  day: msg`Enter a date as YYYY-MM-DD.`,
  dueTo: msg`Due to must be on or after Due from.`,
  followUpTo: msg`Follow-up to must be on or after Follow-up from.`,
  processInstance: msg`A process instance key is a number.`,
  taskDefinition: msg`Use the task’s BPMN element id, e.g. approveInvoice.`,
} as const satisfies Record<string, MessageDescriptor>;

const say = (error: keyof typeof FORM_ERRORS) => i18n._(FORM_ERRORS[error]);

/** The form showing a view's conditions and sort. */
export function formFrom(
  conditions: TaskConditions,
  sort: TaskSort,
): FilterForm {
  const assignee = conditions.assignee;
  return {
    ...EMPTY_FORM,
    process: conditions.process ?? '',
    assignee: !assignee
      ? 'anyone'
      : assignee.startsWith('user:')
        ? 'user'
        : (assignee as 'me' | 'unassigned'),
    assigneeName: assignee?.startsWith('user:')
      ? assignee.slice('user:'.length)
      : '',
    candidateGroup: conditions.candidateGroup ?? '',
    candidateUser: conditions.candidateUser ?? '',
    state: conditions.state ?? 'open',
    dueFrom: conditions.dueFrom ?? '',
    dueTo: conditions.dueTo ?? '',
    followUpFrom: conditions.followUpFrom ?? '',
    followUpTo: conditions.followUpTo ?? '',
    processInstance: conditions.processInstance ?? '',
    taskDefinition: conditions.taskDefinition ?? '',
    sort,
  };
}

function checkText(
  errors: FilterFormErrors,
  form: FilterForm,
  field: 'candidateGroup' | 'candidateUser' | 'assigneeName',
) {
  const value = form[field].trim();
  if (value !== '' && !validText(value)) errors[field] = say('name');
}

function checkRange(
  errors: FilterFormErrors,
  form: FilterForm,
  from: 'dueFrom' | 'followUpFrom',
  to: 'dueTo' | 'followUpTo',
) {
  const start = form[from];
  const end = form[to];
  if (start && !validDay(start)) errors[from] = say('day');
  if (end && !validDay(end)) errors[to] = say('day');
  else if (start && end && validDay(start) && end < start)
    errors[to] = say(to === 'dueTo' ? 'dueTo' : 'followUpTo');
}

/** What is wrong with the form, field by field; empty when it can be applied. */
export function validateForm(form: FilterForm): FilterFormErrors {
  const errors: FilterFormErrors = {};
  if (form.assignee === 'user' && form.assigneeName.trim() === '')
    errors.assigneeName = say('assigneeName');
  else if (form.assignee === 'user') checkText(errors, form, 'assigneeName');
  checkText(errors, form, 'candidateGroup');
  checkText(errors, form, 'candidateUser');
  checkRange(errors, form, 'dueFrom', 'dueTo');
  checkRange(errors, form, 'followUpFrom', 'followUpTo');
  const instance = form.processInstance.trim();
  if (instance && !/^\d{1,20}$/.test(instance))
    errors.processInstance = say('processInstance');
  const element = form.taskDefinition.trim();
  if (element && !/^[A-Za-z_][\w.-]{0,199}$/.test(element))
    errors.taskDefinition = say('taskDefinition');
  return errors;
}

function text(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** The conditions and sort a valid form stands for. */
export function conditionsFrom(form: FilterForm): {
  conditions: TaskConditions;
  sort: TaskSort;
} {
  const name = form.assigneeName.trim();
  const assignee =
    form.assignee === 'anyone'
      ? undefined
      : form.assignee === 'user'
        ? (`user:${name}` as const)
        : form.assignee;
  const conditions = compact<TaskConditions>({
    state: form.state === 'open' ? undefined : form.state,
    assignee,
    candidateGroup: text(form.candidateGroup),
    candidateUser: text(form.candidateUser),
    process: text(form.process),
    processInstance: text(form.processInstance),
    taskDefinition: text(form.taskDefinition),
    dueFrom: text(form.dueFrom),
    dueTo: text(form.dueTo),
    followUpFrom: text(form.followUpFrom),
    followUpTo: text(form.followUpTo),
  });
  return { conditions, sort: effectiveSort(form.state, form.sort) };
}
