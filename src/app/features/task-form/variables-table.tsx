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
    return <p className="empty-note">This task has no variables.</p>;
  }
  return (
    <table className="variables-table">
      <caption className="visually-hidden">Variables</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Value</th>
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
