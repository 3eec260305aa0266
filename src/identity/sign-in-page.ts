/**
 * Our sign-in page (the interaction URL): labelled fields, one button, and an
 * alert region for errors. Demo accounts are hinted at outside production.
 */
import { escapeHtml, renderPage } from './html';
import {
  SIGN_IN_TEXTS,
  type SignInLanguage,
  type SignInTexts,
} from './sign-in-texts';

export interface DemoAccount {
  username: string;
  groups: string[];
}

export interface SignInView {
  appName: string;
  /** Where the form posts to. */
  action: string;
  /** What the user typed before, kept after a failed attempt. */
  username: string;
  /** Shown in an alert, e.g. "Invalid username or password". */
  error?: string;
  /** Listed in a hint; pass none in production. */
  demoAccounts?: DemoAccount[];
  /** From the browser's Accept-Language; English by default. */
  lang?: SignInLanguage;
}

function demoHint(
  accounts: DemoAccount[] | undefined,
  texts: SignInTexts,
): string {
  if (!accounts || accounts.length === 0) return '';
  const items = accounts
    .map(
      (a) =>
        `          <li><code>${escapeHtml(a.username)}</code> <span class="groups">${escapeHtml(a.groups.join(', '))}</span></li>`,
    )
    .join('\n');
  return `
      <aside class="hint" aria-labelledby="demo-accounts">
        <h2 id="demo-accounts">${escapeHtml(texts.demoAccounts)}</h2>
        <p>${escapeHtml(texts.demoHint)}</p>
        <ul>
${items}
        </ul>
      </aside>`;
}

/** Renders the sign-in page. */
export function renderSignInPage(view: SignInView): string {
  const lang = view.lang ?? 'en';
  const texts = SIGN_IN_TEXTS[lang];
  const error = view.error
    ? `
      <p class="error" role="alert" id="sign-in-error">${escapeHtml(view.error)}</p>`
    : '';
  const described = view.error ? ' aria-describedby="sign-in-error"' : '';
  // After a failed attempt the name is kept, so the password field is next.
  const focusUser = view.username === '' ? ' autofocus' : '';
  const focusPassword = view.username === '' ? '' : ' autofocus';
  const body = `      <h1>${escapeHtml(texts.signIn)}</h1>${error}
      <form method="post" action="${escapeHtml(view.action)}"${described}>
        <label for="username">${escapeHtml(texts.username)}</label>
        <input id="username" name="username" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" required value="${escapeHtml(view.username)}"${focusUser}>
        <label for="password">${escapeHtml(texts.password)}</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required${focusPassword}>
        <button type="submit">${escapeHtml(texts.signIn)}</button>
      </form>${demoHint(view.demoAccounts, texts)}`;
  return renderPage({ title: texts.signIn, appName: view.appName, body, lang });
}
