// Typed calls to the HTTP API (docs/api.md), relative to the page so the UI works under any prefix.
import { filterParams, type Filters } from './route';
import type { ActorDetail, ActorList, ArticleDetail, EventDetail, EventList, Network, Stats } from './types';

export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

async function get<T>(path: string, params?: URLSearchParams, signal?: AbortSignal): Promise<T> {
  const q = params?.toString();
  const res = await fetch(`api/${path}${q ? `?${q}` : ''}`, { signal, headers: { accept: 'application/json' } });
  if (!res.ok) {
    let message = `${res.status} ${res.statusText}`;
    try {
      const body = (await res.json()) as { error?: string };
      if (body.error) message = body.error;
    } catch {
      // not JSON: keep the status line
    }
    throw new ApiError(res.status, message);
  }
  return (await res.json()) as T;
}

const withExtra = (f: Filters, extra: Record<string, string | number | undefined>): URLSearchParams => {
  const p = filterParams(f, false);
  for (const [k, v] of Object.entries(extra)) if (v !== undefined && v !== '') p.set(k, String(v));
  return p;
};

export const PAGE_SIZE = 50;

export const api = {
  events: (f: Filters, opts: { limit?: number; offset?: number; view?: 'events' | 'stories' }, signal?: AbortSignal) =>
    get<EventList>('events', withExtra(f, { limit: opts.limit ?? PAGE_SIZE, offset: opts.offset || undefined, view: opts.view === 'events' ? 'events' : undefined }), signal),
  event: (id: string, signal?: AbortSignal) => get<EventDetail>(`events/${encodeURIComponent(id)}`, undefined, signal),
  article: (id: string, signal?: AbortSignal) => get<ArticleDetail>(`articles/${encodeURIComponent(id)}`, undefined, signal),
  actors: (name: string, limit: number, signal?: AbortSignal) =>
    get<ActorList>('actors', new URLSearchParams({ name, limit: String(limit) }), signal),
  actor: (id: string, signal?: AbortSignal) => get<ActorDetail>(`actors/${encodeURIComponent(id)}`, undefined, signal),
  network: (f: Filters, signal?: AbortSignal) => get<Network>('network', withExtra(f, { limit: 500 }), signal),
  stats: (f: Filters, signal?: AbortSignal) => get<Stats>('stats', withExtra(f, {}), signal),
};
