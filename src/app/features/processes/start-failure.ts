import { plural, t } from '@lingui/core/macro';
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
  if (!Number.isFinite(n) || n <= 0) return t`a minute`;
  const wait = Math.ceil(n);
  return plural(wait, { one: '# second', other: '# seconds' });
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
    const wait = seconds(error.response.headers.get('retry-after'));
    return {
      reason: 'rate-limited',
      title: t`Too many processes started`,
      detail: t`You started several processes in a short time. Try again in ${wait}.`,
      started: false,
    };
  }
  const code = problemCode(error);
  if (code === 'unknown_document') {
    return {
      reason: 'outdated-app',
      title: t`This page is out of date`,
      detail: t`The server was updated. Reload the page, then start the process again.`,
      started: false,
    };
  }
  if (error.statusCode === 403) {
    return {
      reason: 'forbidden',
      title: t`You may not start this process`,
      detail: t`Your account is not allowed to start processes here.`,
      started: false,
    };
  }
  return connectionFailure();
}

function connectionFailure(): StartFailure {
  return {
    reason: 'connection',
    title: t`The process could not be started`,
    // The request may have arrived even though the answer did not.
    detail: t`The connection failed before Tasklist answered, so the process may or may not have started. Check your tasks before you try again.`,
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
    const instance = incident[1] ?? '';
    const element = incident[2] ?? '';
    // The engine's own explanation, as it gave it.
    const cause = (incident[3] ?? '').replace(/\.?$/, '.');
    return {
      reason: 'incident',
      title: t`The process started, but stopped at an incident`,
      detail: t`Instance ${instance} stopped at “${element}” before it reached a task: ${cause} It cannot go on until the process model or its data is fixed; tell the process owner.`,
      started: true,
    };
  }
  // eslint-disable-next-line lingui/no-unlocalized-strings -- the engine's text, matched and never shown
  if (text.includes("rejected with code 'NOT_FOUND'")) {
    return {
      reason: 'not-deployed',
      title: t`This process is no longer deployed`,
      detail: t`It may have been removed or renamed. Refresh the list to see what can be started.`,
      started: false,
    };
  }
  const limited = TASKLIST_RATE_LIMIT.exec(text);
  if (limited) {
    const wait = seconds(limited[1]);
    return {
      reason: 'rate-limited',
      title: t`Too many requests`,
      detail: t`Tasklist is limiting requests right now. Try again in ${wait}.`,
      started: false,
    };
  }
  if (/^Access (Denied|is denied)$/.test(text)) {
    return {
      reason: 'forbidden',
      title: t`You may not start this process`,
      detail: t`Tasklist refused: your account is missing the permission to start processes.`,
      started: false,
    };
  }
  return {
    reason: 'refused',
    title: t`Tasklist refused to start the process`,
    detail: text ? t`Tasklist said: ${text}` : t`Please try again later.`,
    started: false,
  };
}

/** The instance started, but looking for its first task failed. */
export function describeWaitError(instanceId: string): StartFailure {
  return {
    reason: 'task-lookup',
    title: t`The process started, but its first task could not be loaded`,
    detail: t`Instance ${instanceId} is running. Check your connection, then look for its task in your inbox.`,
    started: true,
  };
}
