/* global window, document */
// The last page of a popup sign-in (issue 13). It hands the provider's
// answer (code and state, in this page's address) to the window that opened
// the popup, the framed inbox, and closes. The message is what
// oidc-client-ts's signinPopupCallback() posts; popup-callback.test.ts
// holds this file to the library's own callback. The target is this
// origin only, and the inbox checks that the message comes from its popup.
(function () {
  // This page loads no bundle, so its few words live here in the inbox's
  // four languages (decision 025), chosen as the inbox chooses: the
  // remembered choice, else the browser's languages, else English.
  var TEXTS = {
    en: {
      title: 'Signing in…',
      status: 'This window closes by itself.',
      gone: 'The inbox that asked for this sign-in is gone. Close this window and sign in again from the inbox.',
    },
    de: {
      title: 'Sie werden angemeldet …',
      status: 'Dieses Fenster schließt sich von selbst.',
      gone: 'Der Aufgabeneingang, der diese Anmeldung angefordert hat, ist nicht mehr geöffnet. Schließen Sie dieses Fenster und melden Sie sich im Aufgabeneingang erneut an.',
    },
    es: {
      title: 'Iniciando sesión…',
      status: 'Esta ventana se cierra sola.',
      gone: 'La bandeja de tareas que pidió este inicio de sesión ya no está abierta. Cierre esta ventana y vuelva a iniciar sesión desde la bandeja de tareas.',
    },
    fr: {
      title: 'Connexion en cours…',
      status: 'Cette fenêtre se ferme d’elle-même.',
      gone: 'La boîte de tâches qui a demandé cette connexion n’est plus ouverte. Fermez cette fenêtre et reconnectez-vous depuis la boîte de tâches.',
    },
  };

  function known(code) {
    return Object.prototype.hasOwnProperty.call(TEXTS, code);
  }

  function language() {
    var chosen = null;
    try {
      chosen = window.localStorage.getItem('tasklist-inbox:locale');
    } catch {
      // Storage blocked: the browser's languages decide.
    }
    if (chosen && known(chosen)) return chosen;
    var wanted = (window.navigator && window.navigator.languages) || [];
    for (var tag of wanted) {
      var primary = String(tag).toLowerCase().split(/[-_]/)[0];
      if (known(primary)) return primary;
    }
    return 'en';
  }

  var lang = language();
  var text = TEXTS[lang];
  document.documentElement.lang = lang;
  document.title = text.title + ' · Tasklist Inbox';
  document.getElementById('title').textContent = text.title;
  var status = document.getElementById('status');
  status.textContent = text.status;

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
  status.textContent = text.gone;
})();
