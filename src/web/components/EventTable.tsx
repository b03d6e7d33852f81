// Stories (or single events) matching the filters, newest first, 50 a page.
import { api, PAGE_SIZE } from '../api';
import { useApi } from '../hooks';
import { useT } from '../i18n';
import { filterParams, type Filters } from '../route';
import type { Actor, EventDate, ListedEvent } from '../types';
import { TypeChip } from './bits';

interface Props {
  filters: Filters;
  onFilters: (f: Filters) => void;
  onOpen: (id: string) => void;
}

export function EventTable({ filters, onFilters, onOpen }: Props) {
  const { t } = useT();
  const view = filters.view === 'events' ? 'events' : 'stories';
  const offset = filters.offset ?? 0;
  const res = useApi(`events:${filterParams(filters).toString()}`, (signal) => api.events(filters, { offset, view }, signal));
  const list = res.data;

  return (
    <div class="event-table" data-testid="events" data-loading={res.loading ? 'true' : 'false'}>
      <div class="table-bar">
        <div class="segmented" role="group">
          <button type="button" data-testid="view-stories" aria-pressed={view === 'stories'} onClick={() => onFilters({ ...filters, view: undefined, offset: undefined })}>
            {t('view.stories')}
          </button>
          <button type="button" data-testid="view-events" aria-pressed={view === 'events'} onClick={() => onFilters({ ...filters, view: 'events', offset: undefined })}>
            {t('view.events')}
          </button>
        </div>
        {list && (
          <span class="muted" data-testid="events-total" data-total={list.total}>
            {list.total} {t('table.total')}
            {list.total > PAGE_SIZE && ` · ${offset + 1}–${Math.min(offset + list.items.length, list.total)}`}
          </span>
        )}
        <span class="spacer" />
        {list && list.total > PAGE_SIZE && (
          <span class="pager">
            <button type="button" data-testid="page-prev" disabled={offset === 0} onClick={() => onFilters({ ...filters, offset: Math.max(0, offset - PAGE_SIZE) || undefined })}>
              {t('table.prev')}
            </button>
            <button type="button" data-testid="page-next" disabled={offset + PAGE_SIZE >= list.total} onClick={() => onFilters({ ...filters, offset: offset + PAGE_SIZE })}>
              {t('table.next')}
            </button>
          </span>
        )}
      </div>
      {res.error && <p class="error">{t('error')}: {res.error}</p>}
      <table>
        <thead>
          <tr>
            <th class="c-date">{t('table.date')}</th>
            <th class="c-type">{t('table.type')}</th>
            <th class="c-actors">{t('table.actors')}</th>
            <th class="c-status">{t('table.status')}</th>
            <th class="c-sources" title={t('table.sources')}>{t('table.sources')}</th>
            <th>{t('table.evidence')}</th>
          </tr>
        </thead>
        <tbody>
          {list?.items.map((ev) => (
            <tr
              key={ev.id} data-testid="event-row" data-id={ev.id} data-story={ev.story} data-type={ev.type} data-status={ev.status}
              tabIndex={0} onClick={() => onOpen(ev.id)} onKeyDown={(e) => { if (e.key === 'Enter') onOpen(ev.id); }}
            >
              <td class="c-date">{formatDate(ev.date)}</td>
              <td class="c-type"><TypeChip type={ev.type} />{ev.mode && <span class="muted mode">{ev.mode}</span>}</td>
              <td class="c-actors"><Parties ev={ev} /></td>
              <td class="c-status"><span class={`status s-${ev.status}`}>{t(`status.${ev.status}`)}</span></td>
              <td class="c-sources num">{ev.sources}</td>
              <td class="c-evidence"><span class="clamp">{ev.evidence.text}</span></td>
            </tr>
          ))}
        </tbody>
      </table>
      {list && list.items.length === 0 && <p class="muted empty" data-testid="events-empty">{t('table.empty')}</p>}
      {!list && res.loading && <p class="muted empty">{t('loading')}</p>}
    </div>
  );
}

export const names = (actors: Actor[]): string => actors.map((a) => a.name).join(', ') || '—';

function Parties({ ev }: { ev: ListedEvent }) {
  return (
    <span>
      <strong>{names(ev.source)}</strong>
      <span class="arrow"> → </span>
      {names(ev.target)}
    </span>
  );
}

/** "2025-09-16", or a range "2025-09-15 – 2025-09-21"; "—" without a date. */
export function formatDate(d: EventDate | null): string {
  if (!d) return '—';
  return d.start === d.end || !d.end ? d.start : `${d.start} – ${d.end}`;
}
