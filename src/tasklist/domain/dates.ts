const pad2 = (n: number) => (n < 10 ? `0${String(n)}` : String(n));
const pad3 = (n: number) =>
  n < 10 ? `00${String(n)}` : n < 100 ? `0${String(n)}` : String(n);

/**
 * `yyyy-MM-ddTHH:mm:ss.SSS` in UTC, what `toISOString` gives before its `Z`,
 * at about half its cost: a page of tasks formats a hundred of these.
 * Years outside 1000-9999 and invalid dates go to `toISOString` itself.
 */
function isoUtcWithoutZone(epochMs: number): string {
  const date = new Date(epochMs);
  const year = date.getUTCFullYear();
  if (!(year >= 1000 && year <= 9999)) {
    return date.toISOString().slice(0, -1);
  }
  return `${String(year)}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}T${pad2(date.getUTCHours())}:${pad2(date.getUTCMinutes())}:${pad2(date.getUTCSeconds())}.${pad3(date.getUTCMilliseconds())}`;
}

/** Exactly `new Date(epochMs).toISOString()`. */
export function formatIsoUtc(epochMs: number): string {
  return `${isoUtcWithoutZone(epochMs)}Z`;
}

/**
 * Tasklist's Jackson format for `creationTime`/`completionTime`:
 * `yyyy-MM-dd'T'HH:mm:ss.SSSZ` in UTC, offset without a colon.
 */
export function formatTasklistTime(epochMs: number): string {
  return `${isoUtcWithoutZone(epochMs)}+0000`;
}

const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/**
 * Parses an RFC 3339 date-time that carries an offset (`Z` or `+02:00`) to
 * epoch milliseconds; anything else, including impossible dates such as
 * February 30th, gives undefined.
 */
export function parseDateTimeWithOffset(text: string): number | undefined {
  const match = RFC3339.exec(text);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, , offset] = match;
  const ms = Date.parse(text.toUpperCase());
  if (Number.isNaN(ms)) return undefined;
  // Date.parse rolls impossible dates over; re-check the fields at the offset.
  const offsetMinutes = offsetToMinutes(offset ?? 'Z');
  const local = new Date(ms + offsetMinutes * 60_000);
  const same =
    local.getUTCFullYear() === Number(year) &&
    local.getUTCMonth() + 1 === Number(month) &&
    local.getUTCDate() === Number(day) &&
    local.getUTCHours() === Number(hour) &&
    local.getUTCMinutes() === Number(minute) &&
    local.getUTCSeconds() === Number(second);
  return same ? ms : undefined;
}

function offsetToMinutes(offset: string): number {
  if (offset.toUpperCase() === 'Z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  const [hours, minutes] = offset.slice(1).split(':').map(Number);
  return sign * ((hours ?? 0) * 60 + (minutes ?? 0));
}
