/**
 * Which task variables a Camunda Form needs, computed WITHOUT form-js.
 *
 * form-js has `getSchemaVariables`, but importing it would put form-js (and its
 * FEEL parser) into whatever chunk calls this helper, and the task details route
 * needs the names before the form chunk is loaded. So this is a small scanner
 * that over-approximates: every name form-js reports is reported here too (the
 * real-world forms test checks exactly that), plus occasionally a name that
 * turns out to be local (a context key, a loop variable). Asking Tasklist for a
 * variable that does not exist costs nothing, missing one would break prefill.
 */

/** Component properties that may hold a FEEL expression (`=...`); same list as form-js. */
const EXPRESSION_PROPERTIES = [
  'alt',
  'appearance.prefixAdorner',
  'appearance.suffixAdorner',
  'conditional.hide',
  'description',
  'label',
  'source',
  'readonly',
  'text',
  'validate.min',
  'validate.max',
  'validate.minLength',
  'validate.maxLength',
  'valuesExpression',
  'url',
  'dataSource',
  'columnsExpression',
  'expression',
  'multiple',
  'accept',
  'title',
];

/** Component properties that may hold a `{{ }}` template; same list as form-js. */
const TEMPLATE_PROPERTIES = [
  'alt',
  'appearance.prefixAdorner',
  'appearance.suffixAdorner',
  'description',
  'label',
  'source',
  'text',
  'content',
  'url',
  'title',
];

/** Components whose `key` is not a variable binding. */
const UNKEYED_TYPES = new Set([
  'default',
  'text',
  'html',
  'image',
  'button',
  'spacer',
  'separator',
  'group',
  'dynamiclist',
  'table',
  'iframe',
  'documentPreview',
]);

/** Containers whose `path` nests their children's data under a variable. */
const PATHED_TYPES = new Set(['group', 'dynamiclist']);

const KEYWORDS = new Set([
  'if',
  'then',
  'else',
  'for',
  'in',
  'return',
  'some',
  'every',
  'satisfies',
  'and',
  'or',
  'between',
  'instance',
  'of',
  'true',
  'false',
  'null',
  'function',
  'external',
]);

/** Built-in FEEL functions whose names contain spaces, so the tokenizer would split them. */
const MULTI_WORD_FUNCTIONS = [
  'date and time',
  'years and months duration',
  'string length',
  'upper case',
  'lower case',
  'substring before',
  'substring after',
  'starts with',
  'ends with',
  'list contains',
  'distinct values',
  'index of',
  'insert before',
  'get value',
  'get entries',
  'get or else',
  'put all',
  'context put',
  'context merge',
  'day of week',
  'day of year',
  'week of year',
  'month of year',
  'is defined',
  'string join',
  'round up',
  'round down',
  'round half up',
  'round half down',
  'last day of month',
];

/** Names that address the template's scope rather than a variable (`this.x`). */
const SCOPE_ACCESSORS = new Set(['this', 'parent', '_this_', '_parent_']);

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readPath(component: Json, dottedPath: string): unknown {
  let current: unknown = component;
  for (const part of dottedPath.split('.')) {
    if (!isObject(current)) return undefined;
    current = current[part];
  }
  return current;
}

const MULTI_WORD_PATTERN = new RegExp(
  `\\b(?:${MULTI_WORD_FUNCTIONS.map((name) => name.replace(/ /g, '\\s+')).join('|')})\\s*\\(`,
  'g',
);

/** Blanks out strings and comments so their text is never read as names. */
function stripLiterals(expression: string): string {
  return expression
    .replace(/"(?:[^"\\]|\\.)*"/g, ' "" ')
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/\/\/[^\n]*/g, ' ')
    .replace(MULTI_WORD_PATTERN, ' (');
}

/** Names bound by `for x in ...` / `some x in ...` / `every x in ...`. */
function boundNames(expression: string): Set<string> {
  const bound = new Set<string>();
  const clauses = expression.matchAll(
    /\b(?:for|some|every)\b([\s\S]*?)\b(?:return|satisfies)\b/g,
  );
  for (const clause of clauses) {
    for (const binding of (clause[1] ?? '').matchAll(
      /([A-Za-z_?$][\w?$]*)\s+in\b/g,
    )) {
      if (binding[1]) bound.add(binding[1]);
    }
  }
  return bound;
}

/**
 * Names a FEEL expression reads from its context. With `scoped`, members of
 * `this`/`parent` are reported too, as a template can reach outer variables
 * through them.
 */
function feelNames(source: string, scoped: boolean): string[] {
  const expression = stripLiterals(source);
  const bound = boundNames(expression);
  const names: string[] = [];
  const tokens = [...expression.matchAll(/[A-Za-z_?$][\w?$]*/g)];
  tokens.forEach((token, position) => {
    const name = token[0];
    const start = token.index;
    const before = expression.slice(0, start).trimEnd();
    const after = expression.slice(start + name.length).trimStart();
    if (/[\d]$/.test(expression.slice(0, start))) return;
    if (KEYWORDS.has(name) || bound.has(name)) return;
    if (after.startsWith('(')) return;
    // `{ key: value }`: a context key is a new name, not a read.
    if (after.startsWith(':') && !before.endsWith('.')) return;
    if (before.endsWith('.') && !before.endsWith('..')) {
      const owner = tokens[position - 1]?.[0];
      if (!scoped || owner === undefined || !SCOPE_ACCESSORS.has(owner)) return;
    }
    names.push(name);
  });
  return names;
}

/** Names used inside `{{ ... }}` template tags (`{{#if x}}`, `{{#loop xs}}`, `{{x}}`). */
function templateNames(template: string): string[] {
  const names: string[] = [];
  for (const tag of template.matchAll(/\{\{([\s\S]*?)\}\}/g)) {
    const body = (tag[1] ?? '').trim();
    if (body.startsWith('/')) continue;
    const expression = body.replace(/^#(?:if|loop)\b/, '');
    names.push(...feelNames(expression, true));
  }
  return names;
}

function componentNames(component: Json): string[] {
  const names: string[] = [];
  if (typeof component.valuesKey === 'string' && component.valuesKey) {
    names.push(component.valuesKey);
  }
  for (const property of EXPRESSION_PROPERTIES) {
    const value = readPath(component, property);
    if (typeof value === 'string' && value.startsWith('=')) {
      names.push(...feelNames(value.slice(1), false));
    }
  }
  for (const property of TEMPLATE_PROPERTIES) {
    const value = readPath(component, property);
    if (typeof value === 'string' && !value.startsWith('=')) {
      names.push(...templateNames(value));
    }
  }
  return names;
}

function bindingNames(component: Json): string[] {
  const type = typeof component.type === 'string' ? component.type : '';
  const root = (value: unknown) =>
    typeof value === 'string' && value ? [value.split('.')[0] ?? value] : [];
  if (!UNKEYED_TYPES.has(type) && typeof component.key === 'string') {
    return root(component.key);
  }
  if (PATHED_TYPES.has(type) && typeof component.path === 'string') {
    return root(component.path);
  }
  return children(component).flatMap(bindingNames);
}

function children(component: Json): Json[] {
  return Array.isArray(component.components)
    ? component.components.filter(isObject)
    : [];
}

function allComponents(component: Json): Json[] {
  return children(component).flatMap((child) => [
    child,
    ...allComponents(child),
  ]);
}

/**
 * Variable names a Camunda Form reads or writes: field keys and group/list
 * paths (their first segment), `valuesKey`s, and the names used in FEEL
 * expressions and `{{ }}` templates. Use it to ask Tasklist only for the
 * variables the form needs. Returns `[]` for a schema that is not valid JSON.
 */
export function formVariableNames(schema: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(schema);
  } catch {
    return [];
  }
  if (!isObject(parsed) || !Array.isArray(parsed.components)) return [];
  const names = allComponents(parsed).flatMap(componentNames);
  names.push(...bindingNames(parsed));
  return [...new Set(names)];
}
