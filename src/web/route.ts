// The view and its filters live in the URL hash, so every view is a link:
//   #/?type=CONSULT&actor=emmanuel-macron     dashboard with filters
//   #/event/ev_46b6368f3f9e?type=CONSULT      one event (filters kept for the way back)
//   #/actor/emmanuel-macron                   one actor

/** The shared filters of docs/api.md, plus the table's view and page. */
export interface Filters {
  actor?: string;
  country?: string;
  type?: string;
  status?: string;
  from?: string;
  to?: string;
  q?: string;
  /** Table shows single events instead of stories. */
  view?: 'events';
  offset?: number;
}

export const FILTER_KEYS = ['actor', 'country', 'type', 'status', 'from', 'to', 'q'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export type Route =
  | { page: 'dashboard'; filters: Filters }
  | { page: 'event'; id: string; filters: Filters }
  | { page: 'actor'; id: string; filters: Filters };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function parseFilters(params: URLSearchParams): Filters {
  const f: Filters = {};
  for (const key of FILTER_KEYS) {
    const v = params.get(key)?.trim();
    if (!v) continue;
    if ((key === 'from' || key === 'to') && !DATE.test(v)) continue;
    f[key] = key === 'country' || key === 'type' ? v.toUpperCase() : v;
  }
  if (params.get('view') === 'events') f.view = 'events';
  const offset = Number(params.get('offset'));
  if (Number.isInteger(offset) && offset > 0) f.offset = offset;
  return f;
}

export function filterParams(f: Filters, withTable = true): URLSearchParams {
  const p = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const v = f[key];
    if (v) p.set(key, v);
  }
  if (withTable && f.view) p.set('view', f.view);
  if (withTable && f.offset) p.set('offset', String(f.offset));
  return p;
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const qi = raw.indexOf('?');
  const path = qi < 0 ? raw : raw.slice(0, qi);
  const filters = parseFilters(new URLSearchParams(qi < 0 ? '' : raw.slice(qi + 1)));
  const m = /^\/(event|actor)\/(.+)$/.exec(path);
  if (m) {
    let id: string;
    try {
      id = decodeURIComponent(m[2]!);
    } catch {
      id = m[2]!;
    }
    return { page: m[1] as 'event' | 'actor', id, filters };
  }
  return { page: 'dashboard', filters };
}

export function formatHash(r: Route): string {
  const q = filterParams(r.filters).toString();
  const path = r.page === 'dashboard' ? '/' : `/${r.page}/${encodeURIComponent(r.id)}`;
  return `#${path}${q ? `?${q}` : ''}`;
}

export function navigate(r: Route): void {
  const h = formatHash(r);
  if (location.hash !== h) location.hash = h;
}
