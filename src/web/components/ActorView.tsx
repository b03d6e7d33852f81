// One actor: the roles it held over time, its counterparts, its stories per month, its events.
import * as Plot from '@observablehq/plot';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { api } from '../api';
import { useApi, useWidth } from '../hooks';
import { useT } from '../i18n';
import type { Filters } from '../route';
import type { ActorDetail } from '../types';
import { Panel, TypeChip } from './bits';
import { CountsPlot, type MonthCount } from './CountsPlot';
import { EventTable } from './EventTable';
import { Timeline } from './Timeline';

interface Props {
  id: string;
  filters: Filters;
  /** Opens the dashboard with these filters. */
  onFilters: (f: Filters) => void;
  /** Stays on this actor with other filters (table view, page). */
  onOwnFilters: (f: Filters) => void;
  onActor: (id: string) => void;
  onEvent: (id: string) => void;
}

export function ActorView({ id, filters, onFilters, onOwnFilters, onActor, onEvent }: Props) {
  const { t } = useT();
  const res = useApi(`actor:${id}`, (signal) => api.actor(id, signal));
  const rows = useMemo<MonthCount[]>(
    () => (res.data?.timeline ?? []).flatMap((m) => Object.entries(m.types).map(([type, count]) => ({ month: m.month, type, count }))),
    [res.data],
  );
  // All of the actor's events (the dashboard filters are kept only for the way back).
  const own: Filters = { actor: id, view: filters.view, offset: filters.offset };

  if (res.error) return <p class="error" data-testid="actor-error">{t('error')}: {res.error}</p>;
  const d = res.data;
  if (!d) return <p class="muted">{t('loading')}</p>;
  const a = d.actor;

  return (
    <div class="actor-view" data-testid="actor-view" data-id={a.id}>
      <div class="actor-head">
        <h2 data-testid="actor-name">{a.name}</h2>
        <span class="muted">{[t(`kind.${a.kind}`), a.country, a.org, a.sector].filter(Boolean).join(' · ')} · {a.events} {t('actor.events')}</span>
        <span class="spacer" />
        <button type="button" class="link-button" data-testid="actor-filter" onClick={() => onFilters({ actor: a.id })}>{t('actor.filter')}</button>
      </div>
      <div class="grid-actor">
        <Panel title={t('actor.roles')} testid="actor-roles">
          <Roles detail={d} />
        </Panel>
        <Panel title={t('actor.counterparts')} testid="actor-counterparts">
          <table class="compact">
            <tbody>
              {d.counterparts.map((c) => (
                <tr key={c.id} data-testid="counterpart-row" data-id={c.id}>
                  <td><button type="button" class="link-button" onClick={() => onActor(c.id)}>{c.name}</button></td>
                  <td class="num">{c.events}</td>
                  <td>{Object.entries(c.types).sort((x, y) => y[1] - x[1]).map(([ty, n]) => <span key={ty} class="type-count"><TypeChip type={ty} /> {n}</span>)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {d.counterparts.length === 0 && <p class="muted">{t('empty')}</p>}
        </Panel>
        <Panel title={t('actor.timeline')} testid="actor-timeline">
          <CountsPlot rows={rows} height={190} testid="actor-plot" />
        </Panel>
      </div>
      <Panel title={t('panel.timeline')} testid="actor-events-timeline">
        <Timeline filters={own} onOpen={onEvent} height={150} />
      </Panel>
      <Panel title={t('panel.table')} testid="actor-events">
        <EventTable filters={own} onFilters={(f) => onOwnFilters({ ...filters, view: f.view, offset: f.offset })} onOpen={onEvent} />
      </Panel>
    </div>
  );
}

function Roles({ detail }: { detail: ActorDetail }) {
  const { t, lang } = useT();
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box);
  const roles = detail.roles;
  const dated = roles.filter((r) => r.start);

  // Roles as bars over time (open-ended roles run to today).
  useEffect(() => {
    const el = box.current;
    if (!el || width === 0 || dated.length === 0) return;
    const today = new Date();
    const data = dated.map((r) => ({ label: r.title, start: new Date(r.start!), end: r.end ? new Date(r.end) : today }));
    const chart = Plot.plot({
      width,
      height: 24 + 22 * new Set(data.map((r) => r.label)).size,
      marginLeft: Math.min(200, 8 + 6 * Math.max(...data.map((r) => r.label.length))),
      marginTop: 4,
      style: { fontSize: '11px', background: 'transparent' },
      x: { type: 'utc', label: null },
      y: { label: null, domain: [...new Set(data.map((r) => r.label))] },
      marks: [Plot.barX(data, { x1: 'start', x2: 'end', y: 'label', fill: '#4e79a7', title: (r: { label: string }) => r.label })],
    });
    el.replaceChildren(chart);
    return () => chart.remove();
  }, [detail, width, lang]);

  if (roles.length === 0) return <p class="muted" data-testid="roles-none">{t('actor.roles.none')}</p>;
  return (
    <>
      <div ref={box} class="plot-canvas" />
      <table class="compact">
        <tbody>
          {roles.map((r, i) => (
            <tr key={i} data-testid="role-row">
              <td>{r.title}</td>
              <td class="muted">{[r.country, r.org, r.sector].filter(Boolean).join(' · ')}</td>
              <td class="muted nowrap">{r.start ?? '?'} – {r.end ?? t('actor.present')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
