/**
 * The name of the sign-in popup when the app opens it itself. oidc-client-ts
 * opens its window with `window.open(undefined, target, …)`; given this name
 * it finds the window already open and takes it over, with no second popup
 * for the browser to block.
 */
export const SIGNIN_POPUP_NAME = 'tasklist-inbox-signin';

/** The size and place oidc-client-ts gives its popup (its `PopupUtils.center`). */
function popupFeatures(): string {
  const width =
    [800, 720, 600, 480].find((w) => w <= window.outerWidth / 1.618) ?? 360;
  const height = 640;
  const left = Math.max(
    0,
    Math.round(window.screenX + (window.outerWidth - width) / 2),
  );
  const top = Math.max(
    0,
    Math.round(window.screenY + (window.outerHeight - height) / 2),
  );
  return `location=no,toolbar=no,width=${String(width)},height=${String(height)},left=${String(left)},top=${String(top)}`;
}

/**
 * Opens the empty sign-in popup now, while the click still allows popups;
 * null when the browser blocked it. For when the library is still loading.
 */
export function openSigninPopup(): Window | null {
  return window.open('', SIGNIN_POPUP_NAME, popupFeatures());
}
