/**
 * The REST API v2 shapes the adapter sends and reads, from Camunda's own
 * typed client for 8.8 (decision 023). Types only: nothing of the package
 * runs, the BFF's transport (`upstream-http.ts`) carries every request.
 */
export type {
  CreateProcessInstanceResult,
  ElementId,
  EndCursor,
  FormResult,
  ProblemDetail,
  ProcessDefinitionResult,
  ProcessDefinitionSearchQuery,
  ProcessDefinitionSearchQueryResult,
  ProcessDefinitionKey,
  ProcessInstanceKey,
  ProcessInstanceCreationInstructionById,
  SearchQueryPageRequest,
  StartCursor,
  UserTaskAssignmentRequest,
  UserTaskCompletionRequest,
  UserTaskFilter,
  UserTaskKey,
  UserTaskResult,
  UserTaskSearchQuery,
  UserTaskSearchQueryResult,
  UserTaskSearchQuerySortRequest,
  UserTaskStateEnum,
  UserTaskVariableSearchQueryRequest,
  VariableResult,
  VariableSearchQueryResult,
  VariableSearchResult,
} from '@camunda8/orchestration-cluster-api';
