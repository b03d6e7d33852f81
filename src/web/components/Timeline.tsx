// vis-timeline of the stories matching the filters, one box per story, coloured by type.
import { useEffect, useRef } from 'preact/hooks';
import { Timeline as VisTimeline, type DataItem, type TimelineOptions } from 'vis-timeline/standalone';
import 'vis-timeline/styles/vis-timeline-graph2d.css';
import { api } from '../api';
import { useApi } from '../hooks';
import { useT, type Lang } from '../i18n';
import { filterParams, type Filters } from '../route';
import { typeColor, type ListedEvent } from '../types';
import { names } from './EventTable';

/** Stories drawn at most; the API caps a page at 500. */
const MAX_ITEMS = 500;

interface Props {
  filters: Filters;
  onOpen: (id: string) => void;
  height?: number;
}

export function Timeline({ filters, onOpen, height = 170 }: Props) {
  const { t, lang } = useT();
  const box = useRef<HTMLDivElement>(null);
  const tl = useRef<VisTimeline | null>(null);
  const open = useRef(onOpen);
  open.current = onOpen;
  const res = useApi(`timeline:${filterParams(filters, false).toString()}`, (signal) => api.events(filters, { limit: MAX_ITEMS }, signal));

  useEffect(() => {
    if (!box.current) return;
    const timeline = new VisTimeline(box.current, [], options(lang, height));
    timeline.on('select', (p: { items: (string | number)[] }) => {
      const id = p.items[0];
      if (id !== undefined) open.current(String(id));
    });
    tl.current = timeline;
    return () => { timeline.destroy(); tl.current = null; };
  }, []);

  useEffect(() => tl.current?.setOptions(options(lang, height)), [lang, height]);

  useEffect(() => {
    const timeline = tl.current;
    if (!timeline || !res.data) return;
    const items = res.data.items.filter((e) => e.date).map(toItem);
    timeline.setItems(items);
    if (items.length) timeline.fit({ animation: false });
  }, [res.data]);

  const dated = res.data?.items.filter((e) => e.date).length ?? 0;
  return (
    <div class="timeline-wrap">
      <div ref={box} class="timeline" data-testid="timeline-canvas" data-items={dated} />
      {res.data && dated === 0 && <p class="muted overlay">{t('empty')}</p>}
      {res.error && <p class="error overlay">{t('error')}: {res.error}</p>}
    </div>
  );
}

const DAY = 86_400_000;

type Item = DataItem & { tip: string };

function toItem(ev: ListedEvent): Item {
  const d = ev.date!;
  const start = new Date(`${d.start}T00:00:00`);
  const endDay = new Date(`${d.end || d.start}T00:00:00`);
  const range = endDay.getTime() > start.getTime();
  const color = typeColor(ev.type);
  return {
    id: ev.id,
    content: `${ev.type} · ${names(ev.source)} → ${names(ev.target)}`,
    tip: ev.evidence.text,
    start,
    end: range ? new Date(endDay.getTime() + DAY) : undefined,
    type: range ? 'range' : 'box',
    style: `background-color:${color};border-color:${color};color:#fff`,
  };
}

/**
 * Item contents as an element filled with textContent: actor names and evidence come from articles
 * and must never be parsed as HTML (vis-timeline would set a string content through innerHTML).
 */
function itemElement(item: Item): HTMLElement {
  const el = document.createElement('span');
  el.className = 'tl-item';
  el.textContent = item.content;
  el.setAttribute('title', item.tip);
  return el;
}

function options(lang: Lang, height: number): TimelineOptions {
  const locale = lang === 'es' ? 'es-ES' : 'en-GB';
  const fmt = (o: Intl.DateTimeFormatOptions) => {
    const f = new Intl.DateTimeFormat(locale, o);
    return (date: Date) => f.format(new Date(date.valueOf()));
  };
  const day = fmt({ day: 'numeric' });
  const month = fmt({ month: 'short' });
  const monthYear = fmt({ month: 'long', year: 'numeric' });
  const year = fmt({ year: 'numeric' });
  return {
    height,
    stack: true,
    verticalScroll: true,
    selectable: true,
    zoomKey: 'ctrlKey',
    margin: { item: 4, axis: 4 },
    orientation: { axis: 'bottom' },
    showCurrentTime: false,
    template: (item: Item) => itemElement(item),
    format: {
      minorLabels: (date: Date, scale: string) => (scale === 'year' ? year(date) : scale === 'month' ? month(date) : day(date)),
      majorLabels: (date: Date, scale: string) => (scale === 'year' || scale === 'month' ? year(date) : monthYear(date)),
    },
  };
}
