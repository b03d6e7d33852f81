// One event: its fields, its actors with the roles they held, the evidence sentence highlighted in
// the cleaned article text, and the other sources of its story.
import { useEffect, useRef } from 'preact/hooks';
import { api } from '../api';
import { splitAt } from '../highlight';
import { useApi } from '../hooks';
import { useT } from '../i18n';
import { actorId, type Actor, type ArticleDetail, type EventDetail, type EventRecord } from '../types';
import { TypeChip } from './bits';
import { formatDate } from './EventTable';

interface Props {
  id: string;
  onEvent: (id: string) => void;
  onActor: (id: string) => void;
}

export function EventView({ id, onEvent, onActor }: Props) {
  const { t } = useT();
  const detail = useApi(`event:${id}`, (signal) => api.event(id, signal));
  const ev = detail.data?.event;
  const article = useApi(`article:${ev?.article ?? ''}`, (signal) => (ev ? api.article(ev.article, signal) : Promise.resolve(null)));

  if (detail.error) return <p class="error" data-testid="event-error">{t('error')}: {detail.error}</p>;
  if (!detail.data || !ev) return <p class="muted">{t('loading')}</p>;

  return (
    <div class="event-view" data-testid="event-view" data-id={ev.id}>
      <section class="panel event-facts">
        <header class="panel-head">
          <h2>
            <TypeChip type={ev.type} /> <span>{t(`type.${ev.type}`)}</span>
            {ev.mode && <span class="muted"> · {ev.mode}</span>}
          </h2>
          <span class={`status s-${ev.status}`} data-testid="event-status">{t(`status.${ev.status}`)}</span>
        </header>
        <div class="panel-body">
          <Facts ev={ev} onActor={onActor} />
          <Sources detail={detail.data} onEvent={onEvent} />
        </div>
      </section>
      <section class="panel event-article">
        <ArticleText ev={ev} article={article.data} error={article.error} />
      </section>
    </div>
  );
}

function Facts({ ev, onActor }: { ev: EventRecord; onActor: (id: string) => void }) {
  const { t } = useT();
  const none = t('event.none');
  return (
    <dl class="facts">
      <dt>{t('event.date')}</dt>
      <dd data-testid="event-date">
        {formatDate(ev.date)}
        {ev.date && <span class="muted"> · {t(`precision.${ev.date.precision}`)} · {t(`basis.${ev.date.basis}`)}</span>}
      </dd>
      <dt>{t('event.source')}</dt>
      <dd><Actors actors={ev.source} onActor={onActor} testid="event-source" /></dd>
      <dt>{t('event.target')}</dt>
      <dd><Actors actors={ev.target} onActor={onActor} testid="event-target" /></dd>
      <dt>{t('event.location')}</dt>
      <dd data-testid="event-location">{ev.location ? [ev.location.name, ev.location.country].filter(Boolean).join(' · ') : none}</dd>
      <dt>{t('event.attribution')}</dt>
      <dd data-testid="event-attribution">{ev.attribution ? [ev.attribution.name, ev.attribution.country, ev.attribution.org].filter(Boolean).join(' · ') : none}</dd>
      <dt>{t('event.trigger')}</dt>
      <dd><q>{ev.evidence.trigger}</q> <span class="muted">· {t('event.rule')} <code>{ev.evidence.rule}</code></span></dd>
      <dt>{t('event.confidence')}</dt>
      <dd>{Number.isFinite(ev.confidence) ? ev.confidence.toFixed(2) : none}{ev.cameo && <span class="muted"> · {t('event.cameo')} {ev.cameo}</span>}</dd>
    </dl>
  );
}

function Actors({ actors, onActor, testid }: { actors: Actor[]; onActor: (id: string) => void; testid: string }) {
  const { t } = useT();
  if (!actors.length) return <span class="muted" data-testid={testid}>{t('event.none')}</span>;
  return (
    <ul class="actors" data-testid={testid}>
      {actors.map((a, i) => (
        <li key={i}>
          <button type="button" class="link-button" data-testid="actor-link" onClick={() => onActor(actorId(a))}>{a.name}</button>
          {a.role && <span> — {a.role}</span>}
          <span class="muted"> · {[t(`kind.${a.kind}`), a.country, a.org, a.sector].filter(Boolean).join(' · ')}</span>
        </li>
      ))}
    </ul>
  );
}

function Sources({ detail, onEvent }: { detail: EventDetail; onEvent: (id: string) => void }) {
  const { t } = useT();
  return (
    <div class="sources">
      <h3>{t('event.sources')} ({detail.sources.length})</h3>
      <ol>
        {detail.sources.map((s) => {
          const self = s.event === detail.event.id;
          return (
            <li key={s.event} data-testid="story-source" data-event={s.event} class={self ? 'self' : ''}>
              <div class="source-head">
                <strong>{s.article.outlet ?? s.article.id}</strong>
                {s.article.published && <span class="muted"> · {s.article.published}</span>}
                <span class={`status s-${s.status}`}>{t(`status.${s.status}`)}</span>
                {self ? <span class="muted"> · {t('event.this')}</span> : (
                  <button type="button" class="link-button" data-testid="story-source-open" onClick={() => onEvent(s.event)}>{t('event.article')} →</button>
                )}
              </div>
              {s.article.title && <div class="source-title">{s.article.title}</div>}
              <blockquote>{s.evidence.text}</blockquote>
            </li>
          );
        })}
      </ol>
    </div>
  );
}

/**
 * The cleaned article with the evidence in a <mark>. Everything is a text node: an article that
 * contains "<script>" shows it literally.
 */
function ArticleText({ ev, article, error }: { ev: EventRecord; article: ArticleDetail | null; error: string | null }) {
  const { t } = useT();
  const box = useRef<HTMLDivElement>(null);
  const text = article?.article.id === ev.article ? article.article.text : null;

  useEffect(() => {
    const el = box.current;
    const mark = el?.querySelector('mark');
    if (el && mark) el.scrollTop = Math.max(0, mark.offsetTop - el.offsetTop - el.clientHeight / 4);
  }, [text, ev.id]);

  const a = article?.article;
  return (
    <>
      <header class="panel-head">
        <h2 data-testid="article-title">{a?.title ?? ev.article}</h2>
        <span class="muted">{[a?.outlet, a?.published, a?.language].filter(Boolean).join(' · ')}</span>
      </header>
      {a?.url && <p class="article-url"><a href={safeUrl(a.url)} target="_blank" rel="noopener noreferrer">{a.url}</a></p>}
      {a?.duplicate_of && <p class="muted">{t('event.duplicate')} {a.duplicate_of}</p>}
      {error && <p class="error">{t('error')}: {error}</p>}
      {text === null ? (!error && <p class="muted">{t('loading')}</p>) : <Highlighted text={text} ev={ev} boxRef={box} />}
    </>
  );
}

function Highlighted({ text, ev, boxRef }: { text: string; ev: EventRecord; boxRef: { current: HTMLDivElement | null } }) {
  const { t } = useT();
  const { before, marked, after, exact } = splitAt(text, ev.evidence.start, ev.evidence.end);
  const matches = exact && marked === ev.evidence.text;
  return (
    <>
      {!matches && <p class="warning" data-testid="evidence-mismatch">{t('event.offsets.mismatch')}</p>}
      <div class="article-text" ref={boxRef} data-testid="article-text">
        {before}
        <mark data-testid="evidence">{marked}</mark>
        {after}
      </div>
    </>
  );
}

/** Only http(s) links are clickable; anything else (javascript:, data:) becomes inert. */
export const safeUrl = (url: string): string => (/^https?:\/\//i.test(url) ? url : '#');
