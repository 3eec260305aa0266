import { gql, type TypedDocumentNode } from '@apollo/client';
import type {
  TaskFormQuery,
  TaskFormQueryVariables,
  TaskFormVariablesQuery,
  TaskFormVariablesQueryVariables,
} from '../../graphql/__generated__/graphql';

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
