// Partial dates (YYYY, YYYY-MM, YYYY-MM-DD) as inclusive day ranges, for dated roles.

const lastDay = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** First day a partial date can mean. @example partialStart('2024-05') // => '2024-05-01' */
export function partialStart(d: string): string {
  if (d.length === 4) return `${d}-01-01`;
  if (d.length === 7) return `${d}-01`;
  return d;
}

/** Last day a partial date can mean. @example partialEnd('2024-02') // => '2024-02-29' */
export function partialEnd(d: string): string {
  if (d.length === 4) return `${d}-12-31`;
  if (d.length === 7) {
    const [y, m] = d.split('-').map(Number) as [number, number];
    return `${d}-${String(lastDay(y, m)).padStart(2, '0')}`;
  }
  return d;
}

/** Whether an ISO day falls inside a role's [from, to] range (open ends allowed). */
export function within(day: string, from: string | null, to: string | null): boolean {
  return (from === null || partialStart(from) <= day) && (to === null || day <= partialEnd(to));
}
