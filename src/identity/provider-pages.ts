/**
 * Pages oidc-provider would otherwise render itself (with inline styles and
 * web fonts): errors, the sign-out confirmation and the signed-out notice.
 */
import { escapeHtml, renderPage } from './html';

export interface MessageView {
  appName: string;
  title: string;
  message: string;
  /** Link back to the app, e.g. its first origin. */
  appUrl: string;
  /** Announced as an alert (for errors). */
  alert?: boolean;
}

/** A heading, one paragraph and a way back to the app. */
export function renderMessagePage(view: MessageView): string {
  const role = view.alert ? ' role="alert"' : '';
  const body = `      <h1>${escapeHtml(view.title)}</h1>
      <p${role}>${escapeHtml(view.message)}</p>
      <p><a href="${escapeHtml(view.appUrl)}">Back to ${escapeHtml(view.appName)}</a></p>`;
  return renderPage({ title: view.title, appName: view.appName, body });
}

export interface SignOutView {
  appName: string;
  /** The provider's form (action and anti-CSRF field), trusted HTML. */
  form: string;
  /** Skip the question: a script presses "Sign out" at once. */
  automatic: boolean;
}

/**
 * The end-session page. Both buttons submit the provider's form by its id;
 * only "Sign out" ends the whole session (`logout=yes`).
 */
export function renderSignOutPage(view: SignOutView): string {
  const heading = view.automatic
    ? 'Signing you out…'
    : `Sign out of ${escapeHtml(view.appName)}?`;
  const stay = view.automatic
    ? ''
    : `
        <button type="submit" form="op.logoutForm" class="secondary">Stay signed in</button>`;
  const auto = view.automatic ? ' data-auto-submit' : '';
  const body = `      <h1>${heading}</h1>
      ${view.form}
      <div class="actions">
        <button type="submit" form="op.logoutForm" name="logout" value="yes"${auto}>Sign out</button>${stay}
      </div>`;
  return renderPage({
    title: 'Sign out',
    appName: view.appName,
    body,
    autoSubmit: view.automatic,
  });
}
