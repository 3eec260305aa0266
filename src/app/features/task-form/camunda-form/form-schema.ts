import { t } from '@lingui/core/macro';
/**
 * Turns Tasklist's `Form.schema` text into the schema form-js imports, adapted
 * to how the inbox completes tasks. Pure functions, no form-js import.
 */

export interface FormSchema {
  components: unknown[];
  [property: string]: unknown;
}

type Component = Record<string, unknown>;

function isObject(value: unknown): value is Component {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Parses the schema text; throws an `Error` with a message fit for a person
 * when it is not JSON or not a form (no `components` list).
 */
export function parseFormSchema(text: string): FormSchema {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error('The form schema is not valid JSON.');
  }
  if (!isObject(parsed) || !Array.isArray(parsed.components)) {
    throw new Error('The form schema has no list of components.');
  }
  return parsed as FormSchema;
}

/** Escapes Markdown and `{{ }}` template syntax in text we put into a `text` component. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|~]/g, (char) => `\\${char}`);
}

function labelOf(component: Component): string | undefined {
  const label = component.label;
  // A FEEL label (`=...`) would read as code; leave it out of the notice.
  return typeof label === 'string' && label && !label.startsWith('=')
    ? label
    : undefined;
}

/**
 * A `text` component standing in for a component the inbox cannot offer, so
 * the person sees that something is missing instead of a broken widget.
 */
function notice(
  component: Component,
  what: 'file-upload' | 'document-preview' | 'embedded-page',
): Component {
  const found = labelOf(component);
  const label = found ? escapeMarkdown(found) : undefined;
  // Whole sentences per case, so each language can order its words.
  const sentences = {
    'file-upload': label
      ? t`File upload "${label}" is not available in this inbox.`
      : t`File upload is not available in this inbox.`,
    'document-preview': label
      ? t`Document preview "${label}" is not available in this inbox.`
      : t`Document preview is not available in this inbox.`,
    'embedded-page': label
      ? t`Embedded page "${label}" is not available in this inbox.`
      : t`Embedded page is not available in this inbox.`,
  };
  const replacement: Component = {
    type: 'text',
    text: `_${sentences[what]}_`,
  };
  // Keep id, place in the layout and FEEL visibility of what it replaces.
  for (const kept of ['id', 'layout', 'conditional']) {
    if (component[kept] !== undefined) replacement[kept] = component[kept];
  }
  return replacement;
}

const STYLE_ELEMENT = /<style\b[^>]*>[\s\S]*?(?:<\/style\s*>|$)/gi;
const STYLE_ATTRIBUTE = /\sstyle\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)/gi;

/**
 * Drops `<style>` elements and `style` attributes from markup in the schema.
 * Not a sanitiser (that is DOMPurify's job, see html-sanitizer.ts):
 * the browser applies the page's CSP even to markup that is only parsed for
 * sanitising, so without this every such form logs CSP violations.
 */
export function stripInlineStyles(markup: string): string {
  return markup.replace(STYLE_ELEMENT, '').replace(STYLE_ATTRIBUTE, '');
}

/** The markup property of html/text components, unless it is a FEEL expression. */
function withoutInlineStyles(component: Component): Component {
  const property = component.type === 'html' ? 'content' : 'text';
  const markup = component[property];
  if (typeof markup !== 'string' || markup.startsWith('=')) return component;
  return { ...component, [property]: stripInlineStyles(markup) };
}

function adaptComponent(component: unknown): unknown[] {
  if (!isObject(component)) return [component];
  switch (component.type) {
    // `Complete task` is the only way to finish a task: a schema's own submit
    // button would only validate, and reset would throw away restored input.
    case 'button':
      return [];
    // Tasklist's GraphQL API has no file upload and no document store.
    case 'filepicker':
      return [notice(component, 'file-upload')];
    case 'documentPreview':
      return [notice(component, 'document-preview')];
    // A framed page would run inside the task view with the look of our
    // app, and its URL template can carry task variables to another origin.
    // The CSP's `frame-src 'none'` would block it anyway (docs/forms.md).
    case 'iframe':
      return [notice(component, 'embedded-page')];
    case 'html':
    case 'text':
      return [withoutInlineStyles(component)];
    default:
      return Array.isArray(component.components)
        ? [{ ...component, components: adaptComponents(component.components) }]
        : [component];
  }
}

function adaptComponents(components: unknown[]): unknown[] {
  return components.flatMap(adaptComponent);
}

/**
 * Returns a copy of the schema without `button` components, with `filepicker`,
 * `documentPreview` and `iframe` replaced by a short notice, and without
 * inline styles in `html` and `text` markup (see docs/forms.md).
 */
export function adaptFormSchema(schema: FormSchema): FormSchema {
  return { ...schema, components: adaptComponents(schema.components) };
}

/**
 * Counts the field instances with errors in form-js's error map
 * (`{ fieldId: string[] }`, or nested arrays per dynamic-list item).
 */
export function countFieldErrors(errors: unknown): number {
  if (Array.isArray(errors)) {
    if (errors.length > 0 && errors.every((e) => typeof e === 'string'))
      return 1;
    return errors.reduce<number>(
      (sum, item) => sum + countFieldErrors(item),
      0,
    );
  }
  if (isObject(errors)) {
    return Object.values(errors).reduce<number>(
      (sum, item) => sum + countFieldErrors(item),
      0,
    );
  }
  return 0;
}
