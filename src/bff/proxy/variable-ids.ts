import type { UpstreamVariable } from '../upstream/tasklist-upstream';

/**
 * Variable ids in proxy mode name the task they were read through:
 * `<taskId>/<name>`, both URI-encoded. `variable(id)` can then check that
 * task's visibility and read the value through it, so a person can never
 * read a variable of a task they may not see, whatever id they send, and
 * the check needs nothing upstream-specific (Tasklist's own ids are
 * `<scopeKey>-<name>`, whose scope may be a process or an element instance).
 */
export function taskVariableId(taskId: string, name: string): string {
  return `${encodeURIComponent(taskId)}/${encodeURIComponent(name)}`;
}

/** The task id and variable name inside an id, or undefined for anything else. */
export function parseTaskVariableId(
  id: string,
): { taskId: string; name: string } | undefined {
  const parts = id.split('/');
  if (parts.length !== 2) return undefined;
  const [task, name] = parts;
  if (!task || !name) return undefined;
  try {
    return {
      taskId: decodeURIComponent(task),
      name: decodeURIComponent(name),
    };
  } catch {
    return undefined;
  }
}

/** The variable as the browser sees it: same value, task-bound id. */
export function bindToTask(
  taskId: string,
  variable: UpstreamVariable,
): UpstreamVariable {
  return { ...variable, id: taskVariableId(taskId, variable.name) };
}
