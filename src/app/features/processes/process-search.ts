/** `/processes` search params: the free-text filter, when there is one. */
export interface ProcessSearch {
  q?: string;
}

/** Longer text is no search a person typed; Tasklist need not see it. */
const MAX_QUERY_LENGTH = 200;

/** Keeps a non-empty, trimmed `q` of sensible length; drops anything else. */
export function parseProcessSearch(
  raw: Record<string, unknown>,
): ProcessSearch {
  const q = typeof raw.q === 'string' ? raw.q.trim() : '';
  return q && q.length <= MAX_QUERY_LENGTH ? { q } : {};
}
