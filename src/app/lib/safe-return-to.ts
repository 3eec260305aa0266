/**
 * Accepts a post-sign-in destination only when it is a path on this origin,
 * so a crafted `redirect` parameter can never send a user elsewhere.
 */
export function safeReturnTo(
  value: unknown,
  origin: string = window.location.origin,
  fallback = '/tasks',
): string {
  if (typeof value !== 'string' || value === '') return fallback;
  // Protocol-relative and backslash tricks resolve to other hosts.
  if (
    !value.startsWith('/') ||
    value.startsWith('//') ||
    value.includes('\\')
  ) {
    return fallback;
  }
  try {
    const url = new URL(value, origin);
    if (url.origin !== origin) return fallback;
    if (url.pathname.startsWith('/auth/callback')) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
