import { gql, type TypedDocumentNode } from '@apollo/client';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type {
  StartProcessFirstTaskQuery,
  StartProcessFirstTaskQueryVariables,
  StartProcessMutation,
  StartProcessMutationVariables,
} from '../../graphql/__generated__/graphql';
import {
  FIRST_TASK_POLLING,
  waitForFirstTask,
  type FirstTaskPolling,
  type OpenTask,
  type Viewer,
} from './first-task';
import {
  describeStartError,
  describeWaitError,
  type StartFailure,
} from './start-failure';

export const START_PROCESS_MUTATION: TypedDocumentNode<
  StartProcessMutation,
  StartProcessMutationVariables
> = gql`
  mutation StartProcessMutation($processDefinitionId: String!) {
    startProcess(processDefinitionId: $processDefinitionId) {
      id
    }
  }
`;

/** The open tasks of one instance, oldest first. */
export const START_PROCESS_FIRST_TASK_QUERY: TypedDocumentNode<
  StartProcessFirstTaskQuery,
  StartProcessFirstTaskQueryVariables
> = gql`
  query StartProcessFirstTaskQuery($query: TaskQuery!) {
    tasks(query: $query) {
      id
      name
      assignee
      candidateGroups
      candidateUsers
    }
  }
`;

/** The process a start is for: its definition key, BPMN id and name. */
export interface StartableProcess {
  id: string;
  bpmnProcessId: string;
  name: string;
}

export type StartState =
  | { status: 'idle' }
  | { status: 'starting'; process: StartableProcess }
  | { status: 'waiting'; process: StartableProcess; instanceId: string }
  | {
      status: 'elsewhere';
      process: StartableProcess;
      instanceId: string;
      tasks: OpenTask[];
    }
  | { status: 'none'; process: StartableProcess; instanceId: string }
  | { status: 'failed'; process: StartableProcess; failure: StartFailure };

export interface UseStartProcessOptions {
  viewer: Viewer;
  /** The first task for the viewer is there: open it. */
  onTaskFound: (taskId: string) => void;
  polling?: FirstTaskPolling;
}

/**
 * Starts a process, then looks for the new instance's first task for the
 * viewer (Tasklist creates it a moment later on a real cluster). One start
 * at a time; leaving the page stops the looking.
 */
export function useStartProcess({
  viewer,
  onTaskFound,
  polling = FIRST_TASK_POLLING,
}: UseStartProcessOptions) {
  const client = useApolloClient();
  const [mutate] = useMutation(START_PROCESS_MUTATION);
  const [state, setState] = useState<StartState>({ status: 'idle' });
  const running = useRef<AbortController | null>(null);

  useEffect(
    () => () => {
      running.current?.abort();
    },
    [],
  );

  const start = useCallback(
    async (process: StartableProcess) => {
      running.current?.abort();
      const controller = new AbortController();
      running.current = controller;
      const { signal } = controller;
      // Read through a function: the flag changes while this function awaits.
      const stopped = () => signal.aborted;
      setState({ status: 'starting', process });
      let instanceId: string;
      try {
        const { data } = await mutate({
          variables: { processDefinitionId: process.bpmnProcessId },
        });
        if (!data) throw new Error('startProcess answered without data');
        instanceId = data.startProcess.id;
      } catch (error) {
        if (stopped()) return;
        setState({
          status: 'failed',
          process,
          failure: describeStartError(error),
        });
        return;
      }
      if (stopped()) return;
      setState({ status: 'waiting', process, instanceId });
      try {
        const outcome = await waitForFirstTask({
          viewer,
          signal,
          polling,
          fetchOpenTasks: async () => {
            const result = await client.query({
              query: START_PROCESS_FIRST_TASK_QUERY,
              variables: {
                query: {
                  processInstanceId: instanceId,
                  state: 'CREATED',
                  sort: [{ field: 'creationTime', order: 'ASC' }],
                },
              },
              // A passing look, not a list to keep: nothing goes to the cache.
              fetchPolicy: 'no-cache',
            });
            return result.data?.tasks ?? [];
          },
        });
        if (stopped()) return;
        if (outcome.kind === 'found') {
          onTaskFound(outcome.task.id);
          return;
        }
        setState(
          outcome.kind === 'elsewhere'
            ? { status: 'elsewhere', process, instanceId, tasks: outcome.tasks }
            : { status: 'none', process, instanceId },
        );
      } catch {
        if (stopped()) return;
        setState({
          status: 'failed',
          process,
          failure: describeWaitError(instanceId),
        });
      }
    },
    [client, mutate, viewer, polling, onTaskFound],
  );

  const dismiss = useCallback(() => {
    running.current?.abort();
    setState({ status: 'idle' });
  }, []);

  return { state, start, dismiss };
}
