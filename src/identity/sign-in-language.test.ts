import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { negotiateSignInLanguage } from './sign-in-texts';
import { CookieJar } from './test/cookie-jar';
import { browse, openSignIn, pkcePair } from './test/oidc-flow';
import { startIdentity, type TestIdentity } from './test/start-identity';

describe('negotiateSignInLanguage', () => {
  it('picks the best shipped language by quality and order', () => {
    expect(negotiateSignInLanguage('de-DE,de;q=0.9,en;q=0.8')).toBe('de');
    expect(negotiateSignInLanguage('it-IT, fr-CA;q=0.7, es;q=0.8')).toBe('es');
    expect(negotiateSignInLanguage('fr;q=0, de;q=0.1')).toBe('de');
    expect(negotiateSignInLanguage('it, pt-BR')).toBe('en');
    expect(negotiateSignInLanguage(undefined)).toBe('en');
    expect(negotiateSignInLanguage(';;,q=,de;q=abc')).toBe('en');
  });
});

let identity: TestIdentity;
beforeAll(async () => {
  identity = await startIdentity();
});
afterAll(() => identity.close());

async function pageIn(language: string) {
  const jar = new CookieJar();
  const { page, action } = await openSignIn(identity, jar, {
    pkce: pkcePair(),
  });
  const again = await browse(jar, page.url, {
    headers: { 'accept-language': language },
  });
  return { jar, action, response: again, html: await again.text() };
}

describe('the sign-in page follows the browser language', () => {
  it('speaks German to a German browser, and says so in html[lang]', async () => {
    const { response, html } = await pageIn('de-DE,de;q=0.9,en;q=0.5');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-language')).toBe('de');
    expect(response.headers.get('vary')).toMatch(/accept-language/i);
    expect(html).toContain('<html lang="de">');
    expect(html).toContain('<h1>Anmelden</h1>');
    expect(html).toContain('<label for="username">Benutzername</label>');
    expect(html).toContain('<label for="password">Passwort</label>');
  });

  it('says what went wrong in the same language', async () => {
    const { jar, action } = await pageIn('fr-FR');
    const response = await browse(jar, identity.url(action), {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'accept-language': 'fr-FR',
      },
      body: new URLSearchParams({
        username: 'demo',
        password: 'wrong',
      }).toString(),
    });
    const html = await response.text();
    expect(response.status).toBe(400);
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('Nom d’utilisateur ou mot de passe incorrect');
  });

  it('stays English for languages it does not ship', async () => {
    const { html } = await pageIn('it-IT');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<h1>Sign in</h1>');
  });
});
