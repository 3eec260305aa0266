/**
 * The sign-in page's few texts in the languages the inbox ships (en, de, es,
 * fr), chosen from the browser's `Accept-Language`. The inbox itself uses
 * message catalogues; this page has a handful of fixed phrases and no
 * bundle to keep small, so a typed table is the simpler tool.
 */
export type SignInLanguage = 'en' | 'de' | 'es' | 'fr';

export interface SignInTexts {
  signIn: string;
  username: string;
  password: string;
  demoAccounts: string;
  demoHint: string;
  invalidCredentials: string;
  missingCredentials: string;
  formTooLarge: string;
  tooManyAttempts: (seconds: number) => string;
}

function wait(
  seconds: number,
  units: { second: [string, string]; minute: [string, string] },
): string {
  if (seconds < 60) {
    return `${String(seconds)} ${units.second[seconds === 1 ? 0 : 1]}`;
  }
  const minutes = Math.ceil(seconds / 60);
  return `${String(minutes)} ${units.minute[minutes === 1 ? 0 : 1]}`;
}

export const SIGN_IN_TEXTS: Record<SignInLanguage, SignInTexts> = {
  en: {
    signIn: 'Sign in',
    username: 'Username',
    password: 'Password',
    demoAccounts: 'Demo accounts',
    demoHint:
      'For development only: each password is the same as the username.',
    invalidCredentials: 'Invalid username or password',
    missingCredentials: 'Enter your username and password.',
    formTooLarge: 'The form was too large. Please try again.',
    tooManyAttempts: (s) =>
      `Too many failed sign-in attempts. Try again in ${wait(s, { second: ['second', 'seconds'], minute: ['minute', 'minutes'] })}.`,
  },
  de: {
    signIn: 'Anmelden',
    username: 'Benutzername',
    password: 'Passwort',
    demoAccounts: 'Demokonten',
    demoHint:
      'Nur für die Entwicklung: Jedes Passwort ist gleich dem Benutzernamen.',
    invalidCredentials: 'Benutzername oder Passwort ist falsch',
    missingCredentials: 'Geben Sie Benutzername und Passwort ein.',
    formTooLarge: 'Das Formular war zu groß. Bitte versuchen Sie es erneut.',
    tooManyAttempts: (s) =>
      `Zu viele fehlgeschlagene Anmeldeversuche. Versuchen Sie es in ${wait(s, { second: ['Sekunde', 'Sekunden'], minute: ['Minute', 'Minuten'] })} erneut.`,
  },
  es: {
    signIn: 'Iniciar sesión',
    username: 'Usuario',
    password: 'Contraseña',
    demoAccounts: 'Cuentas de demostración',
    demoHint:
      'Solo para desarrollo: cada contraseña es igual al nombre de usuario.',
    invalidCredentials: 'Usuario o contraseña no válidos',
    missingCredentials: 'Introduzca su usuario y su contraseña.',
    formTooLarge: 'El formulario era demasiado grande. Vuelva a intentarlo.',
    tooManyAttempts: (s) =>
      `Demasiados intentos fallidos. Vuelva a intentarlo en ${wait(s, { second: ['segundo', 'segundos'], minute: ['minuto', 'minutos'] })}.`,
  },
  fr: {
    signIn: 'Se connecter',
    username: 'Nom d’utilisateur',
    password: 'Mot de passe',
    demoAccounts: 'Comptes de démonstration',
    demoHint:
      'Pour le développement uniquement : chaque mot de passe est identique au nom d’utilisateur.',
    invalidCredentials: 'Nom d’utilisateur ou mot de passe incorrect',
    missingCredentials:
      'Saisissez votre nom d’utilisateur et votre mot de passe.',
    formTooLarge: 'Le formulaire était trop volumineux. Veuillez réessayer.',
    tooManyAttempts: (s) =>
      `Trop de tentatives de connexion échouées. Réessayez dans ${wait(s, { second: ['seconde', 'secondes'], minute: ['minute', 'minutes'] })}.`,
  },
};

const SUPPORTED = Object.keys(SIGN_IN_TEXTS) as SignInLanguage[];

/**
 * The best of our languages for an `Accept-Language` header (RFC 9110
 * 12.5.4): by quality, then order; `de-AT` counts as `de`; `q=0` excludes.
 * English when nothing matches or the header is missing or malformed.
 */
export function negotiateSignInLanguage(
  header: string | string[] | undefined,
): SignInLanguage {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  const ranges = value
    .split(',')
    .slice(0, 32)
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      // A weight that is not a valid qvalue excludes the range.
      const q = params.find((p) => /^\s*q\s*=/i.test(p));
      const weight = q?.split('=')[1]?.trim() ?? '1';
      const quality = /^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(weight)
        ? Number(weight)
        : 0;
      const primary = tag.trim().toLowerCase().split('-')[0] ?? '';
      return {
        primary,
        quality: Number.isFinite(quality) ? quality : 0,
        index,
      };
    })
    .filter((r) => r.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const range of ranges) {
    const match = SUPPORTED.find((lang) => lang === range.primary);
    if (match) return match;
  }
  return 'en';
}
