// UI strings in Spanish (default) and English. Keys are shared; `t(key)` falls back to the key.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

export type Lang = 'es' | 'en';

const es = {
  'app.title': 'Atalaya',
  'app.tagline': 'Eventos políticos codificados de la prensa',
  'lang.switch': 'English',
  'filter.actor': 'Actor',
  'filter.actor.placeholder': 'Buscar actor…',
  'filter.actor.clear': 'Quitar actor',
  'filter.actor.none': 'Ningún actor coincide',
  'filter.country': 'País',
  'filter.type': 'Tipo',
  'filter.status': 'Estado',
  'filter.from': 'Desde',
  'filter.to': 'Hasta',
  'filter.q': 'Texto',
  'filter.q.placeholder': 'Buscar en la evidencia…',
  'filter.all': 'Todos',
  'filter.reset': 'Limpiar filtros',
  'nav.back': '← Volver al panel',
  'panel.network': 'Red de actores',
  'panel.network.legend': 'rojo: conflicto · gris: neutral · verde: cooperación; grosor: número de historias',
  'panel.timeline': 'Cronología',
  'panel.stats': 'Eventos por mes y tipo',
  'panel.table': 'Eventos',
  'view.stories': 'Historias',
  'view.events': 'Eventos sueltos',
  'table.date': 'Fecha',
  'table.type': 'Tipo',
  'table.actors': 'Origen → destino',
  'table.status': 'Estado',
  'table.sources': 'Fuentes',
  'table.evidence': 'Evidencia',
  'table.total': 'resultados',
  'table.empty': 'Ningún evento coincide con los filtros.',
  'table.prev': '← Anteriores',
  'table.next': 'Siguientes →',
  'loading': 'Cargando…',
  'error': 'Error',
  'empty': 'Sin datos',
  'event.title': 'Evento',
  'event.date': 'Fecha',
  'event.status': 'Estado',
  'event.location': 'Lugar',
  'event.attribution': 'Atribución',
  'event.source': 'Origen',
  'event.target': 'Destino',
  'event.none': '—',
  'event.trigger': 'Disparador',
  'event.rule': 'Regla',
  'event.confidence': 'Confianza',
  'event.cameo': 'CAMEO',
  'event.article': 'Artículo',
  'event.sources': 'Fuentes de la historia',
  'event.this': 'este artículo',
  'event.duplicate': 'Copia casi idéntica de',
  'event.offsets.mismatch': 'Los desplazamientos de la evidencia no coinciden con el texto del artículo.',
  'actor.title': 'Actor',
  'actor.roles': 'Cargos',
  'actor.roles.none': 'Sin cargos en la base de conocimiento.',
  'actor.counterparts': 'Contrapartes',
  'actor.timeline': 'Eventos por mes',
  'actor.events': 'historias',
  'actor.present': 'actualidad',
  'actor.filter': 'Filtrar el panel por este actor',
  'precision.day': 'día',
  'precision.week': 'semana',
  'precision.month': 'mes',
  'precision.year': 'año',
  'basis.explicit': 'explícita',
  'basis.relative': 'relativa',
  'basis.publication': 'fecha de publicación',
  'basis.inferred': 'inferida',
  'status.occurred': 'ocurrido',
  'status.planned': 'previsto',
  'status.refused': 'rehusado',
  'status.denied': 'desmentido',
  'status.negated': 'negado',
  'status.hypothetical': 'hipotético',
  'kind.person': 'persona',
  'kind.state': 'Estado',
  'kind.org': 'organización',
  'kind.group': 'grupo',
  'type.AGREE': 'acordar',
  'type.CONSULT': 'consultar',
  'type.SUPPORT': 'apoyar',
  'type.CONCEDE': 'ceder',
  'type.COOPERATE': 'cooperar',
  'type.AID': 'ayudar',
  'type.RETREAT': 'retirarse',
  'type.REQUEST': 'pedir',
  'type.ACCUSE': 'acusar',
  'type.REJECT': 'rechazar',
  'type.THREATEN': 'amenazar',
  'type.PROTEST': 'protestar',
  'type.SANCTION': 'sancionar',
  'type.MOBILIZE': 'movilizar',
  'type.COERCE': 'coaccionar',
  'type.ASSAULT': 'atacar',
};

export type Key = keyof typeof es;

const en: Record<Key, string> = {
  'app.title': 'Atalaya',
  'app.tagline': 'Political events coded from the news',
  'lang.switch': 'Español',
  'filter.actor': 'Actor',
  'filter.actor.placeholder': 'Search actor…',
  'filter.actor.clear': 'Clear actor',
  'filter.actor.none': 'No actor matches',
  'filter.country': 'Country',
  'filter.type': 'Type',
  'filter.status': 'Status',
  'filter.from': 'From',
  'filter.to': 'To',
  'filter.q': 'Text',
  'filter.q.placeholder': 'Search the evidence…',
  'filter.all': 'All',
  'filter.reset': 'Clear filters',
  'nav.back': '← Back to the dashboard',
  'panel.network': 'Actor network',
  'panel.network.legend': 'red: conflict · grey: neutral · green: cooperation; width: number of stories',
  'panel.timeline': 'Timeline',
  'panel.stats': 'Events by month and type',
  'panel.table': 'Events',
  'view.stories': 'Stories',
  'view.events': 'Single events',
  'table.date': 'Date',
  'table.type': 'Type',
  'table.actors': 'Source → target',
  'table.status': 'Status',
  'table.sources': 'Sources',
  'table.evidence': 'Evidence',
  'table.total': 'results',
  'table.empty': 'No event matches the filters.',
  'table.prev': '← Previous',
  'table.next': 'Next →',
  'loading': 'Loading…',
  'error': 'Error',
  'empty': 'No data',
  'event.title': 'Event',
  'event.date': 'Date',
  'event.status': 'Status',
  'event.location': 'Location',
  'event.attribution': 'Attribution',
  'event.source': 'Source',
  'event.target': 'Target',
  'event.none': '—',
  'event.trigger': 'Trigger',
  'event.rule': 'Rule',
  'event.confidence': 'Confidence',
  'event.cameo': 'CAMEO',
  'event.article': 'Article',
  'event.sources': 'Sources of the story',
  'event.this': 'this article',
  'event.duplicate': 'Near-copy of',
  'event.offsets.mismatch': 'The evidence offsets do not match the article text.',
  'actor.title': 'Actor',
  'actor.roles': 'Roles',
  'actor.roles.none': 'No roles in the knowledge base.',
  'actor.counterparts': 'Counterparts',
  'actor.timeline': 'Events per month',
  'actor.events': 'stories',
  'actor.present': 'present',
  'actor.filter': 'Filter the dashboard by this actor',
  'precision.day': 'day',
  'precision.week': 'week',
  'precision.month': 'month',
  'precision.year': 'year',
  'basis.explicit': 'explicit',
  'basis.relative': 'relative',
  'basis.publication': 'publication date',
  'basis.inferred': 'inferred',
  'status.occurred': 'occurred',
  'status.planned': 'planned',
  'status.refused': 'refused',
  'status.denied': 'denied',
  'status.negated': 'negated',
  'status.hypothetical': 'hypothetical',
  'kind.person': 'person',
  'kind.state': 'state',
  'kind.org': 'organisation',
  'kind.group': 'group',
  'type.AGREE': 'agree',
  'type.CONSULT': 'consult',
  'type.SUPPORT': 'support',
  'type.CONCEDE': 'concede',
  'type.COOPERATE': 'cooperate',
  'type.AID': 'aid',
  'type.RETREAT': 'retreat',
  'type.REQUEST': 'request',
  'type.ACCUSE': 'accuse',
  'type.REJECT': 'reject',
  'type.THREATEN': 'threaten',
  'type.PROTEST': 'protest',
  'type.SANCTION': 'sanction',
  'type.MOBILIZE': 'mobilise',
  'type.COERCE': 'coerce',
  'type.ASSAULT': 'assault',
};

export const DICTIONARY: Record<Lang, Record<Key, string>> = { es, en };

export type Translate = (key: string) => string;

/** Looks a key up; unknown keys (a status the API added later, say) show as themselves. */
export const translator = (lang: Lang): Translate => (key) => (DICTIONARY[lang] as Record<string, string>)[key] ?? key.replace(/^[a-z]+\./, '');

const STORAGE_KEY = 'atalaya.lang';

export function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'es' || saved === 'en') return saved;
  } catch {
    // storage blocked: keep the default
  }
  return 'es';
}

export function saveLang(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // storage blocked: the choice lasts for this page only
  }
}

export interface LangContextValue {
  lang: Lang;
  t: Translate;
}

export const LangContext = createContext<LangContextValue>({ lang: 'es', t: translator('es') });

export const useT = (): LangContextValue => useContext(LangContext);
