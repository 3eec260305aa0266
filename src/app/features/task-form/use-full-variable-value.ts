import { gql, type TypedDocumentNode } from '@apollo/client';
import { useLazyQuery } from '@apollo/client/react';
import type {
  VariableValueQuery,
  VariableValueQueryVariables,
} from '../../graphql/__generated__/graphql';

export const VARIABLE_VALUE_QUERY: TypedDocumentNode<
  VariableValueQuery,
  VariableValueQueryVariables
> = gql`
  query VariableValueQuery($id: String!) {
    variable(id: $id) {
      id
      value
    }
  }
`;

/** Loads the full JSON text of a variable whose preview was cut at 8191 characters. */
export function useFullVariableValue(id: string) {
  const [load, { data, loading, error }] = useLazyQuery(VARIABLE_VALUE_QUERY);
  return {
    value: data?.variable.id === id ? data.variable.value : null,
    loading,
    failed: Boolean(error),
    load: () => load({ variables: { id } }),
  };
}
