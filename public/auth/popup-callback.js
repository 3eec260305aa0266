/* global window, document */
// The last page of a popup sign-in (issue 13). It hands the provider's
// answer (code and state, in this page's address) to the window that opened
// the popup, the framed inbox, and closes. The message is what
// oidc-client-ts's signinPopupCallback() posts; popup-callback.test.ts
// holds this file to the library's own callback. The target is this
// origin only, and the inbox checks that the message comes from its popup.
(function () {
  var opener = window.opener;
  if (opener && !opener.closed) {
    opener.postMessage(
      { source: 'oidc-client', url: window.location.href, keepOpen: false },
      window.location.origin,
    );
    // The inbox closes its popup once it has the answer; should it not
    // (it was navigating away), the popup still closes itself.
    window.setTimeout(function () {
      window.close();
    }, 1000);
    return;
  }
  // No opener: the inbox was closed or reloaded while signing in.
  document.getElementById('status').textContent =
    'The inbox that asked for this sign-in is gone. Close this window and sign in again from the inbox.';
})();
