import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';

export type StartFailureReason =
  | 'incident'
  | 'not-deployed'
  | 'rate-limited'
  | 'forbidden'
  | 'outdated-app'
  | 'refused'
  | 'connection'
  | 'task-lookup';

export interface StartFailure {
  reason: StartFailureReason;
  title: string;
  detail: string;
  /**
   * The instance exists (it stopped at an incident, or only finding its
   * task failed): starting again would make a second one.
   */
  started: boolean;
}

// The embedded engine's wording for a start that ran into an incident
// (docs/tasklist.md); a real cluster reports incidents in Operate instead.
const INCIDENT =
  /^Process instance (\S+) was started, but .*?stopped at '([^']*)' with an incident: (.+)$/s;
const TASKLIST_RATE_LIMIT =
  /^Too many requests\b.*?Try again in (\d+) seconds?/s;

function seconds(value: string | null | undefined): string {
  const n = Number(value);
  return Number.isFinite(n) && n > 0
    ? `${String(Math.ceil(n))} seconds`
    : 'a minute';
}

/** The code of a problem+json body (the BFF's refusals), if there is one. */
function problemCode(error: ServerError): string | undefined {
  try {
    const body = JSON.parse(error.bodyText) as { code?: unknown };
    return typeof body.code === 'string' ? body.code : undefined;
  } catch {
    return undefined;
  }
}

function fromServer(error: ServerError): StartFailure {
  if (error.statusCode === 429) {
    return {
      reason: 'rate-limited',
      title: 'Too many processes started',
      detail: `You started several processes in a short time. Try again in ${seconds(error.response.headers.get('retry-after'))}.`,
      started: false,
    };
  }
  const code = problemCode(error);
  if (code === 'unknown_document') {
    return {
      reason: 'outdated-app',
      title: 'This page is out of date',
      detail:
        'The server was updated. Reload the page, then start the process again.',
      started: false,
    };
  }
  if (error.statusCode === 403) {
    return {
      reason: 'forbidden',
      title: 'You may not start this process',
      detail: 'Your account is not allowed to start processes here.',
      started: false,
    };
  }
  return connectionFailure();
}

function connectionFailure(): StartFailure {
  return {
    reason: 'connection',
    title: 'The process could not be started',
    // The request may have arrived even though the answer did not.
    detail:
      'The connection failed before Tasklist answered, so the process may or may not have started. Check your tasks before you try again.',
    started: false,
  };
}

/** Turns a failed `startProcess` into words the person who pressed it understands. */
export function describeStartError(error: unknown): StartFailure {
  if (ServerError.is(error)) return fromServer(error);
  if (!CombinedGraphQLErrors.is(error)) return connectionFailure();
  const text = error.errors[0]?.message ?? '';
  const incident = INCIDENT.exec(text);
  if (incident) {
    return {
      reason: 'incident',
      title: 'The process started, but stopped at an incident',
      detail: `Instance ${incident[1] ?? ''} stopped at “${incident[2] ?? ''}” before it reached a task: ${(incident[3] ?? '').replace(/\.?$/, '.')} It cannot go on until the process model or its data is fixed; tell the process owner.`,
      started: true,
    };
  }
  if (text.includes("rejected with code 'NOT_FOUND'")) {
    return {
      reason: 'not-deployed',
      title: 'This process is no longer deployed',
      detail:
        'It may have been removed or renamed. Refresh the list to see what can be started.',
      started: false,
    };
  }
  const limited = TASKLIST_RATE_LIMIT.exec(text);
  if (limited) {
    return {
      reason: 'rate-limited',
      title: 'Too many requests',
      detail: `Tasklist is limiting requests right now. Try again in ${seconds(limited[1])}.`,
      started: false,
    };
  }
  if (/^Access (Denied|is denied)$/.test(text)) {
    return {
      reason: 'forbidden',
      title: 'You may not start this process',
      detail:
        'Tasklist refused: your account is missing the permission to start processes.',
      started: false,
    };
  }
  return {
    reason: 'refused',
    title: 'Tasklist refused to start the process',
    detail: text ? `Tasklist said: ${text}` : 'Please try again later.',
    started: false,
  };
}

/** The instance started, but looking for its first task failed. */
export function describeWaitError(instanceId: string): StartFailure {
  return {
    reason: 'task-lookup',
    title: 'The process started, but its first task could not be loaded',
    detail: `Instance ${instanceId} is running. Check your connection, then look for its task in your inbox.`,
    started: true,
  };
}
