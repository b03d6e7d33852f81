// Validates publication dates from input metadata and reduces them to YYYY-MM-DD.

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/** Years outside this range are treated as typos rather than publication dates. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * A metadata date (ISO date or datetime, or a Date) as YYYY-MM-DD, or null when it is not a real
 * date. A datetime keeps the calendar day *as written*, not converted to UTC: relative dates in
 * the article ("ayer") refer to the outlet's local day.
 * @example parsePublishedDate('2022-05-13T23:30:00-05:00') // => '2022-05-13'
 * @example parsePublishedDate('2022-02-30') // => null
 */
export function parsePublishedDate(value: unknown): string | null {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? null : parsePublishedDate(value.toISOString());
  }
  if (typeof value !== 'string') return null;
  const m = ISO.exec(value.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12) return null;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 60)) return null;
  return `${m[1]}-${m[2]}-${m[3]}`;
}
