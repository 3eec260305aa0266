/**
 * The inbox's URL: queue, custom conditions and sort, validated. Every field
 * is optional so defaults never get pinned onto links, and a value that does
 * not validate is dropped on its own instead of failing the page.
 */

export const TASK_FILTERS = [
  'all-open',
  'assigned-to-me',
  'unassigned',
  'my-groups',
  'completed',
] as const;
export type TaskFilter = (typeof TASK_FILTERS)[number];

export const TASK_SORTS = [
  'creation',
  'due',
  'follow-up',
  'completion',
] as const;
export type TaskSort = (typeof TASK_SORTS)[number];

/** `open` is the default and never written into a URL. */
export const TASK_STATES = ['open', 'completed', 'any'] as const;
export type TaskStateChoice = (typeof TASK_STATES)[number];

/** Anyone (absent), me, nobody, or one named user. */
export type AssigneeValue = 'me' | 'unassigned' | `user:${string}`;

export const PAGE_SIZE = 50;

/** Custom conditions, in URL form; each maps to one `TaskQuery` field. */
export interface TaskConditions {
  state?: Exclude<TaskStateChoice, 'open'>;
  assignee?: AssigneeValue;
  candidateGroup?: string;
  candidateUser?: string;
  /** A process definition key (`TaskQuery.processDefinitionId`). */
  process?: string;
  /** A process instance key. */
  processInstance?: string;
  /** A BPMN element id (`TaskQuery.taskDefinitionId`). */
  taskDefinition?: string;
  /** Calendar days (`YYYY-MM-DD`), inclusive, in the user's time zone. */
  dueFrom?: string;
  dueTo?: string;
  followUpFrom?: string;
  followUpTo?: string;
}

export type ConditionKey = keyof TaskConditions;

export const CONDITION_KEYS = [
  'state',
  'assignee',
  'candidateGroup',
  'candidateUser',
  'process',
  'processInstance',
  'taskDefinition',
  'dueFrom',
  'dueTo',
  'followUpFrom',
  'followUpTo',
] as const satisfies readonly ConditionKey[];

/** The inbox's URL state. */
export interface TaskSearch extends TaskConditions {
  filter?: TaskFilter;
  /** The candidate group a `my-groups` view shows. */
  group?: string;
  sort?: TaskSort;
}

const MAX_TEXT = 200;
const KEY = /^\d{1,20}$/;
const ELEMENT_ID = /^[A-Za-z_][\w.-]*$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function oneOf<T extends string>(
  values: readonly T[],
  value: unknown,
): T | undefined {
  return values.find((v) => v === value);
}

/** A name as people type it: not blank, not huge, no control characters. */
export function validText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (text === '' || text.length > MAX_TEXT) return undefined;
  // eslint-disable-next-line no-control-regex -- refusing them is the point
  return /[\u0000-\u001f\u007f]/.test(text) ? undefined : text;
}

/** A real calendar day in `YYYY-MM-DD` form. */
export function validDay(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = DAY.exec(value);
  if (!match) return undefined;
  const [year, month, day] = match.slice(1).map(Number) as [
    number,
    number,
    number,
  ];
  const date = new Date(Date.UTC(year, month - 1, day));
  const real =
    year >= 1970 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day;
  return real ? value : undefined;
}

function validAssignee(value: unknown): AssigneeValue | undefined {
  if (value === 'me' || value === 'unassigned') return value;
  if (typeof value !== 'string' || !value.startsWith('user:')) return undefined;
  const name = validText(value.slice('user:'.length));
  return name ? `user:${name}` : undefined;
}

function validMatching(pattern: RegExp, value: unknown): string | undefined {
  const text = validText(value);
  return text && pattern.test(text) ? text : undefined;
}

/** A range that ends before it starts means nothing: both ends are dropped. */
function validRange(
  from: unknown,
  to: unknown,
): [string | undefined, string | undefined] {
  const start = validDay(from);
  const end = validDay(to);
  if (start && end && start > end) return [undefined, undefined];
  return [start, end];
}

/**
 * Parses raw search params; invalid values are dropped one by one. Every
 * field is present (undefined when dropped) because the router lays the
 * validated search over the raw one: a missing key would let the raw,
 * unvalidated value through.
 */
export function parseTaskSearch(raw: Record<string, unknown>): TaskSearch {
  const [dueFrom, dueTo] = validRange(raw.dueFrom, raw.dueTo);
  const [followUpFrom, followUpTo] = validRange(
    raw.followUpFrom,
    raw.followUpTo,
  );
  const state = oneOf(TASK_STATES, raw.state);
  const search: TaskSearch = {
    filter: oneOf(TASK_FILTERS, raw.filter),
    group: validText(raw.group),
    sort: oneOf(TASK_SORTS, raw.sort),
    state: state === 'open' ? undefined : state,
    assignee: validAssignee(raw.assignee),
    candidateGroup: validText(raw.candidateGroup),
    candidateUser: validText(raw.candidateUser),
    process: validMatching(KEY, raw.process),
    processInstance: validMatching(KEY, raw.processInstance),
    taskDefinition: validMatching(ELEMENT_ID, raw.taskDefinition),
    dueFrom,
    dueTo,
    followUpFrom,
    followUpTo,
  };
  return search;
}

/**
 * A search exactly as written, or null when validation would change it: an
 * unknown key, a value that does not validate, or `state=open` spelt out.
 * For searches handed over whole (an imported file, a portal's command),
 * where quietly dropping a condition would show more than was asked for.
 */
export function parseExactSearch(value: unknown): TaskSearch | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return null;
  const raw = value as Record<string, unknown>;
  const parsed = compact(parseTaskSearch(raw));
  const same =
    Object.keys(raw).length === Object.keys(parsed).length &&
    Object.entries(parsed).every(([key, v]) => raw[key] === v);
  return same ? parsed : null;
}

/** Drops undefined fields, so equal searches compare and serialise equally. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined),
  ) as T;
}

export interface Viewer {
  username: string;
  groups: readonly string[];
}

/** The sorts offered for a state: completion date only where tasks can be completed. */
export function sortsFor(state: TaskStateChoice): TaskSort[] {
  return TASK_SORTS.filter((s) => s !== 'completion' || state !== 'open');
}

/** The group a "My groups" view shows: the one in the URL if it is the user's, else the first. */
export function activeGroup(search: TaskSearch, viewer: Viewer): string | null {
  if (search.group && viewer.groups.includes(search.group)) return search.group;
  return viewer.groups[0] ?? null;
}
