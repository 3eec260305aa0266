/**
 * The router's search-param codec: every value is a plain string, as people
 * write links by hand. TanStack's default JSON codec would read
 * `?process=2251799813685249` as a number (and lose digits past 2^53) and
 * write string values that look like numbers in quotes (`?process=%22…%22`).
 */
export function parseSearch(searchStr: string): Record<string, string> {
  const params = new URLSearchParams(
    searchStr.startsWith('?') ? searchStr.slice(1) : searchStr,
  );
  const result: Record<string, string> = {};
  // A repeated parameter keeps its last value, like a later assignment.
  for (const [key, value] of params) result[key] = value;
  return result;
}

export function stringifySearch(search: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search) as [string, unknown][]) {
    if (value === undefined || value === null) continue;
    params.set(key, typeof value === 'string' ? value : JSON.stringify(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
