/**
 * Closes the gaps in form-js 2.0's HTML sanitising (docs/forms.md, "HTML").
 *
 * form-js passes the `html` component through DOMPurify but explicitly lets
 * `<style>` through (it scopes the CSS instead), keeps inline `style`
 * attributes and drops `target`, so `target="_blank"` links open in the task's
 * own tab. The app's CSP (`style-src 'self'`) would block the styles anyway,
 * with a violation report each time; removing them before they reach the DOM
 * keeps the page clean. form-js imports the same DOMPurify instance, so hooks
 * added here run inside its sanitising, before anything is inserted.
 *
 * Markdown `text` components use form-js's own allowlist sanitiser instead,
 * which already drops styles and scripts but sets only `rel="noopener"`;
 * {@link watchLinkTargets} adds `noreferrer` there.
 */
import DOMPurify from 'dompurify';

/**
 * Elements that never belong in a task form's HTML: styles and scripts, things
 * that load or embed other documents, and form controls, which would look
 * like fields but bind to no variable, so whatever is typed there is lost.
 */
const FORBIDDEN_TAGS = new Set([
  'style',
  'script',
  'link',
  'meta',
  'base',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'template',
  'noscript',
  'form',
  'input',
  'button',
  'select',
  'option',
  'textarea',
]);

const SAFE_REL = ['noopener', 'noreferrer'];

let installed = false;

/** Adds `noopener noreferrer` to an element's `rel` when it opens a new window. */
function secureTarget(element: Element): void {
  const target = element.getAttribute('target');
  if (target === null) return;
  if (target.trim().toLowerCase() !== '_blank') {
    // `_top`/`_parent` could navigate a portal that embeds the inbox.
    element.removeAttribute('target');
    return;
  }
  const rel = new Set(
    (element.getAttribute('rel') ?? '').split(/\s+/).filter(Boolean),
  );
  for (const value of SAFE_REL) rel.add(value);
  const next = [...rel].join(' ');
  // Writing an unchanged value would still wake the MutationObserver below.
  if (element.getAttribute('rel') !== next) element.setAttribute('rel', next);
}

/**
 * Registers the DOMPurify hooks once per page. They apply to every
 * `DOMPurify.sanitize` call in the app; form-js is the only caller.
 */
export function installHtmlSanitizer(): void {
  if (installed) return;
  installed = true;
  DOMPurify.addHook('uponSanitizeElement', (node, data) => {
    // DOMPurify treats a node a hook detaches as removed, content and all.
    if (FORBIDDEN_TAGS.has(data.tagName)) node.parentNode?.removeChild(node);
  });
  DOMPurify.addHook('uponSanitizeAttribute', (_node, data) => {
    if (data.attrName === 'style') {
      data.keepAttr = false;
    } else if (data.attrName === 'target') {
      const keep = data.attrValue.trim().toLowerCase() === '_blank';
      data.attrValue = '_blank';
      data.keepAttr = keep;
      data.forceKeepAttr = keep ? true : undefined;
    }
  });
  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    if (node instanceof Element) secureTarget(node);
  });
}

/**
 * Keeps every link with a `target` inside `root` at
 * `rel="noopener noreferrer"`, including links form-js renders later.
 * Returns a function that stops watching.
 */
export function watchLinkTargets(root: Element): () => void {
  const secureAll = () => {
    root.querySelectorAll('[target]').forEach(secureTarget);
  };
  secureAll();
  const observer = new MutationObserver(secureAll);
  observer.observe(root, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['target', 'rel'],
  });
  return () => {
    observer.disconnect();
  };
}
