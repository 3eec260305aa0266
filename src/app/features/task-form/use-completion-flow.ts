import { t } from '@lingui/core/macro';
import { useState } from 'react';
import type { VariableInput } from '../../graphql/__generated__/schema-types';
import { showToast } from '../../components/toast-queue';
import {
  describeCompletionError,
  type CompletionFailure,
} from './completion-failure';
import { useCompleteTask } from './use-complete-task';

export interface CompletionOptions {
  taskId: string;
  username: string;
  /** Picks the task to show next; asked before completing, while the list still has this one. */
  resolveNext: () => string | null;
  onCompleted: (nextTaskId: string | null) => void;
}

/**
 * The completion flow shared by forms and the variables editor: send, then
 * toast and move on; on failure keep the input and explain what happened.
 */
export function useCompletionFlow({
  taskId,
  username,
  resolveNext,
  onCompleted,
}: CompletionOptions) {
  const { complete, pending } = useCompleteTask(username);
  const [failure, setFailure] = useState<CompletionFailure | null>(null);
  const [lastVariables, setLastVariables] = useState<VariableInput[] | null>(
    null,
  );

  async function submit(variables: VariableInput[]) {
    setFailure(null);
    setLastVariables(variables);
    const next = resolveNext();
    try {
      await complete(taskId, variables);
    } catch (error) {
      setFailure(describeCompletionError(error));
      return;
    }
    showToast({ title: t`Task completed`, kind: 'success' });
    onCompleted(next);
  }

  return {
    submit,
    retry: () => (lastVariables ? submit(lastVariables) : Promise.resolve()),
    pending,
    failure,
  };
}
