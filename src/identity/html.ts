/**
 * The HTML shell shared by every page the provider renders. Pages load one
 * external stylesheet and at most one external script, with no inline code,
 * so they work under the strict CSP in security-headers.ts.
 */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/** Where the shared assets are served (see assets.ts). */
export const STYLESHEET_PATH = '/assets/identity.css';
export const AUTO_SUBMIT_SCRIPT_PATH = '/assets/auto-submit.js';
export const FAVICON_PATH = '/assets/favicon.svg';

export interface PageOptions {
  /** Document title, before the app name. */
  title: string;
  appName: string;
  /** Trusted HTML for the inside of <main>. */
  body: string;
  /** The page's language (`html[lang]`); English unless given. */
  lang?: string;
  /** Adds the auto-submit script (used only by the sign-out page). */
  autoSubmit?: boolean;
}

/** Renders a complete, self-contained page. */
export function renderPage(options: PageOptions): string {
  const script = options.autoSubmit
    ? `\n    <script src="${AUTO_SUBMIT_SCRIPT_PATH}" defer></script>`
    : '';
  return `<!doctype html>
<html lang="${escapeHtml(options.lang ?? 'en')}">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="referrer" content="no-referrer">
    <title>${escapeHtml(options.title)} · ${escapeHtml(options.appName)}</title>
    <link rel="icon" type="image/svg+xml" href="${FAVICON_PATH}">
    <link rel="stylesheet" href="${STYLESHEET_PATH}">${script}
  </head>
  <body>
    <main class="card">
      <p class="app-name">${escapeHtml(options.appName)}</p>
${options.body}
    </main>
  </body>
</html>
`;
}
