import { gql, type TypedDocumentNode } from '@apollo/client';
import type {
  TaskFormQuery,
  TaskFormQueryVariables,
  TaskFormVariablesQuery,
  TaskFormVariablesQueryVariables,
} from '../../graphql/__generated__/graphql';

export const CAMUNDA_FORM_PREFIX = 'camunda-forms:bpmn:';

/** The embedded form id: the formKey without its prefix (ids may contain ':'). */
export function embeddedFormId(formKey: string | null): string | null {
  return formKey?.startsWith(CAMUNDA_FORM_PREFIX)
    ? formKey.slice(CAMUNDA_FORM_PREFIX.length)
    : null;
}

export const TASK_FORM_QUERY: TypedDocumentNode<
  TaskFormQuery,
  TaskFormQueryVariables
> = gql`
  query TaskFormQuery($formId: String!, $processDefinitionId: String!) {
    form(id: $formId, processDefinitionId: $processDefinitionId) {
      id
      processDefinitionId
      schema
    }
  }
`;

// Full values, not previews: a form is prefilled with decoded JSON.
export const TASK_FORM_VARIABLES_QUERY: TypedDocumentNode<
  TaskFormVariablesQuery,
  TaskFormVariablesQueryVariables
> = gql`
  query TaskFormVariablesQuery($taskId: String!, $variableNames: [String!]!) {
    variables(taskId: $taskId, variableNames: $variableNames) {
      id
      name
      value
    }
  }
`;
