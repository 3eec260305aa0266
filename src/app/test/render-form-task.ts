import { aClaimedTask, aForm, aVariable } from './factories';
import { recordCompletions } from './record-completions';
import { renderAtUrl, type RenderOptions } from './render-at-url';
import { World } from './world';

export interface FormTaskOptions extends Omit<RenderOptions, 'world'> {
  /** The embedded form's id: the task's formKey is `camunda-forms:bpmn:<formId>`. */
  formId: string;
  /** The form's schema as Tasklist returns it (JSON text). */
  schema: string;
  /** The process variables of the task, decoded; stored JSON-encoded. */
  variables?: Record<string, unknown>;
  taskId?: string;
  /** Who has the task; the signed-in test user (`demo`) by default. */
  assignee?: string | null;
}

/**
 * Renders the task details route for one open task with a Camunda form: the
 * whole app (router, Apollo client and link chain, fake auth signed in as
 * demo) against the fake Tasklist, which answers `form(id,
 * processDefinitionId)` with `schema`. `completions` records every
 * `completeTask` the fake Tasklist receives.
 */
export async function renderFormTask({
  formId,
  schema,
  variables = {},
  taskId = '1',
  assignee = 'demo',
  handlers = [],
  ...options
}: FormTaskOptions) {
  const completions = recordCompletions();
  const task = aClaimedTask({
    id: taskId,
    name: `Fill ${formId}`,
    assignee,
    formKey: `camunda-forms:bpmn:${formId}`,
    variables: Object.entries(variables).map(([name, value]) =>
      aVariable(name, value),
    ),
  });
  const form = aForm({
    id: formId,
    processDefinitionId: task.processDefinitionId ?? '',
    schema,
  });
  const view = await renderAtUrl(`/tasks/${taskId}`, {
    ...options,
    world: new World([task], [form]),
    handlers: [completions.handler, ...handlers],
  });
  return { ...view, completions };
}
