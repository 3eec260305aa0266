/**
 * Brand tokens from the runtime config (issue 13), so one deployment can
 * match the portal it is embedded in. They set the theme's custom
 * properties; components keep using only the tokens.
 */
export interface Brand {
  /** `#rgb` or `#rrggbb`. */
  accentColor?: string;
  /** A CSS font-family list of plain or quoted names. */
  fontFamily?: string;
  /** An https URL, or a path on the app's origin. */
  logoUrl?: string;
}

// The schema's patterns (src/bff/runtime-config.schema.json, which
// `runtime-config-contract.test.ts` compares them with), in the form the BFF
// sends: hex colours, names joined by ", ", lower-case plain hosts (so a
// value can never break out of the custom property or CSP it lands in).
const FONT_NAME = String.raw`(?:"[A-Za-z0-9 _-]+"|'[A-Za-z0-9 _-]+'|[A-Za-z](?:[A-Za-z0-9 _-]*[A-Za-z0-9_-])?)`;
export const PLAIN_HOST = String.raw`(?:(?:[a-z0-9-]+\.)*[a-z0-9-]+|\[[0-9a-f:.]+\])(?::[0-9]{1,5})?`;

export const BRAND_PATTERNS = {
  accentColor: /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/u,
  fontFamily: new RegExp(String.raw`^${FONT_NAME}(?:, ${FONT_NAME})*$`, 'u'),
  logoUrl: new RegExp(
    String.raw`^(?:https://${PLAIN_HOST}(?:[/?][^\s#]*)?|/(?![/\\])[^\s#\\]*)$`,
    'u',
  ),
};

/** The schema's `maxLength` of a font-family list. */
export const FONT_FAMILY_MAX = 200;

export const isAccentColor = (value: unknown): value is string =>
  typeof value === 'string' && BRAND_PATTERNS.accentColor.test(value);

export const isFontFamily = (value: unknown): value is string =>
  typeof value === 'string' &&
  // The pattern allows ASCII only, so code units count as code points here.
  value.length <= FONT_FAMILY_MAX &&
  BRAND_PATTERNS.fontFamily.test(value);

/** An https URL on a plain host without credentials or fragment, or a same-origin path. */
export const isLogoUrl = (value: unknown): value is string =>
  typeof value === 'string' && BRAND_PATTERNS.logoUrl.test(value);

function channels(hex: string): [number, number, number] {
  const digits =
    hex.length === 4
      ? hex
          .slice(1)
          .split('')
          .map((d) => d + d)
      : [hex.slice(1, 3), hex.slice(3, 5), hex.slice(5, 7)];
  const [r = 0, g = 0, b = 0] = digits.map((d) => parseInt(d, 16) / 255);
  return [r, g, b];
}

/** WCAG relative luminance. */
function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) =>
    c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4,
  );
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

/**
 * Text on the accent: black or white, whichever contrasts more. One of the
 * two always reaches WCAG AA's 4.5:1, whatever accent the portal picks.
 */
export function textOnAccent(hex: string): '#000000' | '#ffffff' {
  const l = luminance(hex);
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? '#000000' : '#ffffff';
}

/** Sets the brand's custom properties on the document (CSSOM, so CSP allows it). */
export function applyBrand(
  brand: Brand,
  root: HTMLElement = document.documentElement,
): void {
  const { accentColor, fontFamily } = brand;
  if (accentColor) {
    root.style.setProperty('--color-brand', accentColor);
    // Hover and selected text: the accent pulled towards the text colour,
    // darker in the light theme and lighter in the dark one.
    root.style.setProperty(
      '--color-brand-strong',
      `color-mix(in srgb, ${accentColor} 75%, var(--color-text))`,
    );
    root.style.setProperty('--color-on-brand', textOnAccent(accentColor));
  }
  if (fontFamily) root.style.setProperty('--font-body', fontFamily);
}
