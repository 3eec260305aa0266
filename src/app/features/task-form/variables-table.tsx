import { Trans } from '@lingui/react/macro';
import { VariableValue } from './variable-value';

export interface VariableRow {
  id: string;
  name: string;
  previewValue: string;
  isValueTruncated: boolean;
}

/** The variables of a task, read-only (completed, cancelled or not yours). */
export function VariablesTable({
  variables,
}: {
  variables: readonly VariableRow[];
}) {
  if (variables.length === 0) {
    return (
      <p className="empty-note">
        <Trans>This task has no variables.</Trans>
      </p>
    );
  }
  return (
    <table className="variables-table">
      <caption className="visually-hidden">
        <Trans>Variables</Trans>
      </caption>
      <thead>
        <tr>
          <th scope="col">
            <Trans>Name</Trans>
          </th>
          <th scope="col">
            <Trans>Value</Trans>
          </th>
        </tr>
      </thead>
      <tbody>
        {variables.map((variable) => (
          <tr key={variable.id}>
            <th scope="row">{variable.name}</th>
            <td>
              <VariableValue {...variable} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
