import { gql, type ApolloClient, type TypedDocumentNode } from '@apollo/client';
import type { TaskFormPrefetch_task } from '../../graphql/__generated__/graphql';
import { preloadCamundaForm } from './camunda-form/viewer-loader';
import { TASK_FORM_QUERY } from './form-completion-queries';
import { embeddedFormId } from './form-key';

/** What a list row already knows about a task's form. */
export const TASK_FORM_PREFETCH_FRAGMENT: TypedDocumentNode<TaskFormPrefetch_task> = gql`
  fragment TaskFormPrefetch_task on Task {
    id
    taskState
    formKey
    processDefinitionId
  }
`;

/**
 * When the cache already knows an open task's Camunda form (from its list
 * row), starts loading the form's schema and form-js at once, beside the
 * task itself, instead of after it. The form area later reads the schema
 * cache-first, joining this request or finding its answer; a failure here
 * is left to that read, which shows it and offers a retry.
 */
export function prefetchTaskForm(client: ApolloClient, taskId: string): void {
  const task = client.readFragment({
    fragment: TASK_FORM_PREFETCH_FRAGMENT,
    fragmentName: 'TaskFormPrefetch_task',
    id: client.cache.identify({ __typename: 'Task', id: taskId }),
  });
  if (task?.taskState !== 'CREATED' || !task.processDefinitionId) return;
  const formId = embeddedFormId(task.formKey);
  if (!formId) return;
  preloadCamundaForm();
  client
    .query({
      query: TASK_FORM_QUERY,
      variables: { formId, processDefinitionId: task.processDefinitionId },
      fetchPolicy: 'cache-first',
    })
    .catch(() => undefined);
}
