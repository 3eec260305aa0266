/**
 * Tasklist's Jackson format for `creationTime`/`completionTime`:
 * `yyyy-MM-dd'T'HH:mm:ss.SSSZ` in UTC, offset without a colon.
 */
export function formatTasklistTime(epochMs: number): string {
  return new Date(epochMs).toISOString().replace('Z', '+0000');
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
