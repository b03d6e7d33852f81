// Stacked bars of story counts by month and type (Observable Plot), for GET /api/stats and an
// actor's timeline.
import * as Plot from '@observablehq/plot';
import { useEffect, useRef } from 'preact/hooks';
import { api } from '../api';
import { useApi, useWidth } from '../hooks';
import { useT } from '../i18n';
import { filterParams, type Filters } from '../route';
import { EVENT_TYPES, typeColor } from '../types';

export interface MonthCount {
  month: string;
  type: string;
  count: number;
}

/** Every month from the first to the last (YYYY-MM), so gaps show as gaps. */
export function monthRange(months: string[]): string[] {
  const valid = months.filter((m) => /^\d{4}-\d{2}$/.test(m)).sort();
  if (!valid.length) return [];
  const out: string[] = [];
  let [y, m] = valid[0]!.split('-').map(Number) as [number, number];
  const last = valid[valid.length - 1]!;
  for (let guard = 0; guard < 1200; guard++) {
    const cur = `${y}-${String(m).padStart(2, '0')}`;
    out.push(cur);
    if (cur >= last) break;
    m++;
    if (m > 12) { m = 1; y++; }
  }
  return out;
}

export function CountsPlot({ rows, height = 200, testid }: { rows: MonthCount[]; height?: number; testid: string }) {
  const { t, lang } = useT();
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box);

  useEffect(() => {
    const el = box.current;
    if (!el || width === 0) return;
    const data = rows.filter((r) => /^\d{4}-\d{2}$/.test(r.month) && r.count > 0);
    if (!data.length) {
      el.replaceChildren();
      return;
    }
    const months = monthRange(data.map((r) => r.month));
    const present = new Set(data.map((r) => r.type));
    const types = [...EVENT_TYPES.filter((ty) => present.has(ty)), ...[...present].filter((ty) => !(EVENT_TYPES as readonly string[]).includes(ty))];
    // At most ~12 labelled ticks; the rest of the bars stay unlabelled.
    const step = Math.max(1, Math.ceil(months.length / Math.max(2, Math.floor(width / 70))));
    const fmt = new Intl.DateTimeFormat(lang === 'es' ? 'es-ES' : 'en-GB', { month: 'short', year: '2-digit', timeZone: 'UTC' });
    const label = (m: string) => fmt.format(new Date(`${m}-01T00:00:00Z`));
    const chart = Plot.plot({
      width,
      height,
      marginLeft: 34,
      marginBottom: 26,
      style: { fontSize: '11px', background: 'transparent' },
      x: { domain: months, label: null, tickSize: 0, ticks: months.filter((_, i) => i % step === 0), tickFormat: label, padding: 0.15 },
      y: { label: null, grid: true, tickFormat: (d: number) => (Number.isInteger(d) ? String(d) : '') },
      color: { domain: types, range: types.map(typeColor), legend: true },
      marks: [
        Plot.barY(data, { x: 'month', y: 'count', fill: 'type', title: (d: MonthCount) => `${d.month} · ${d.type} (${t(`type.${d.type}`)}): ${d.count}`, order: types }),
        Plot.ruleY([0]),
      ],
    });
    el.replaceChildren(chart);
    return () => chart.remove();
  }, [rows, width, lang, height]);

  return (
    <div class="plot" data-testid={testid} data-bars={rows.length}>
      <div ref={box} class="plot-canvas" />
      {rows.length === 0 && <p class="muted">{t('empty')}</p>}
    </div>
  );
}

const NO_ROWS: MonthCount[] = [];

/** Counts for the dashboard, from GET /api/stats with the current filters. */
export function StatsPlot({ filters, height }: { filters: Filters; height?: number }) {
  const { t } = useT();
  const res = useApi(`stats:${filterParams(filters, false).toString()}`, (signal) => api.stats(filters, signal));
  if (res.error) return <p class="error">{t('error')}: {res.error}</p>;
  return <CountsPlot rows={res.data?.by_month ?? NO_ROWS} height={height} testid="stats-plot" />;
}
