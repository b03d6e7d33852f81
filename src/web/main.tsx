// Atalaya web UI: dashboard (filters, network, counts, timeline, table), event and actor views.
import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { ActorView } from './components/ActorView';
import { Panel } from './components/bits';
import { StatsPlot } from './components/CountsPlot';
import { EventTable } from './components/EventTable';
import { EventView } from './components/EventView';
import { FilterBar } from './components/FilterBar';
import { Network } from './components/Network';
import { Timeline } from './components/Timeline';
import { initialLang, LangContext, saveLang, translator, type Lang } from './i18n';
import { formatHash, navigate, parseHash, type Filters, type Route } from './route';
import './style.css';

function App() {
  const [route, setRoute] = useState<Route>(() => parseHash(location.hash));
  const [lang, setLang] = useState<Lang>(initialLang);
  const ctx = useMemo(() => ({ lang, t: translator(lang) }), [lang]);

  useEffect(() => {
    const onHash = () => setRoute(parseHash(location.hash));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang;
    saveLang(lang);
  }, [lang]);

  useEffect(() => {
    if (route.page !== 'dashboard') scrollTo(0, 0);
  }, [route.page, route.page === 'dashboard' ? '' : route.id]);

  const f = route.filters;
  const toDashboard = (filters: Filters) => navigate({ page: 'dashboard', filters });
  const toEvent = (id: string) => navigate({ page: 'event', id, filters: f });
  const toActor = (id: string) => navigate({ page: 'actor', id, filters: f });
  const t = ctx.t;

  return (
    <LangContext.Provider value={ctx}>
      <header class="top">
        <a class="brand" href={formatHash({ page: 'dashboard', filters: {} })}>{t('app.title')}</a>
        <span class="tagline">{t('app.tagline')}</span>
        <span class="spacer" />
        {route.page !== 'dashboard' && (
          <a class="back" data-testid="back" href={formatHash({ page: 'dashboard', filters: { ...f, offset: undefined } })}>{t('nav.back')}</a>
        )}
        <button type="button" class="lang" data-testid="lang-toggle" aria-label={t('lang.switch')} onClick={() => setLang(lang === 'es' ? 'en' : 'es')}>
          <span class={lang === 'es' ? 'on' : ''}>ES</span>/<span class={lang === 'en' ? 'on' : ''}>EN</span>
        </button>
      </header>
      <main>
        {route.page === 'dashboard' && (
          <>
            <FilterBar filters={f} onChange={toDashboard} />
            <div class="grid-top">
              <Panel title={t('panel.network')} testid="network" class="network-panel">
                <Network filters={f} onActor={toActor} height={205} />
              </Panel>
              <Panel title={t('panel.stats')} testid="stats">
                <StatsPlot filters={f} height={200} />
              </Panel>
            </div>
            <Panel title={t('panel.timeline')} testid="timeline">
              <Timeline filters={f} onOpen={toEvent} height={150} />
            </Panel>
            <Panel title={t('panel.table')} testid="table">
              <EventTable filters={f} onFilters={toDashboard} onOpen={toEvent} />
            </Panel>
          </>
        )}
        {route.page === 'event' && <EventView key={route.id} id={route.id} onEvent={toEvent} onActor={toActor} />}
        {route.page === 'actor' && (
          <ActorView
            key={route.id} id={route.id} filters={f}
            onFilters={toDashboard}
            onOwnFilters={(filters) => navigate({ page: 'actor', id: route.id, filters })}
            onActor={toActor} onEvent={toEvent}
          />
        )}
      </main>
    </LangContext.Provider>
  );
}

render(<App />, document.getElementById('app')!);
