// GDELT 2.0 event-table rows (61 tab-separated columns) from event records, where they apply.
import type { Actor, EventRecord } from './model.js';

export const GDELT_COLUMNS = [
  'GLOBALEVENTID', 'SQLDATE', 'MonthYear', 'Year', 'FractionDate',
  ...['Actor1', 'Actor2'].flatMap((p) => ['Code', 'Name', 'CountryCode', 'KnownGroupCode', 'EthnicCode', 'Religion1Code', 'Religion2Code', 'Type1Code', 'Type2Code', 'Type3Code'].map((c) => p + c)),
  'IsRootEvent', 'EventCode', 'EventBaseCode', 'EventRootCode', 'QuadClass', 'GoldsteinScale', 'NumMentions', 'NumSources', 'NumArticles', 'AvgTone',
  ...['Actor1Geo', 'Actor2Geo', 'ActionGeo'].flatMap((p) => ['Type', 'FullName', 'CountryCode', 'ADM1Code', 'ADM2Code', 'Lat', 'Long', 'FeatureID'].map((c) => `${p}_${c}`)),
  'DATEADDED', 'SOURCEURL',
] as const;

/** Goldstein conflict–cooperation weights of the CAMEO root codes (Goldstein 1992, as GDELT uses them). */
const GOLDSTEIN: Record<string, number> = {
  '01': 0, '02': 3, '03': 4, '04': 1, '05': 3.5, '06': 6, '07': 7, '08': 5, '09': -2, '10': -5,
  '11': -2, '12': -4, '13': -6, '14': -6.5, '15': -7.2, '16': -4, '17': -7, '18': -9, '19': -10, '20': -10,
};
/** CAMEO root → GDELT QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict. */
const quadClass = (root: number): number => (root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4);

/** The CAMEO actor code: country (or IGO code) followed by the sector, as GDELT writes "USAGOV". */
function actorCode(a: Actor | undefined): string {
  if (!a) return '';
  const base = a.org ? `IGO${a.org}` : a.country ?? '';
  return `${base}${a.sector && a.sector !== 'IGO' ? a.sector : ''}`;
}

const clean = (s: string | null | undefined): string => (s ?? '').replace(/[\t\r\n]+/g, ' ');

/** A stable positive integer id from the event id (GDELT ids are integers). */
const numericId = (id: string): string => String(parseInt(id.replace(/^ev_/, '').slice(0, 12), 16) || 0);

export function toGdeltRow(e: EventRecord & { sources?: number }, article?: { published: string | null; url: string | null }): string[] {
  const day = (e.date?.start ?? article?.published ?? '').replace(/-/g, '');
  const y = day.slice(0, 4);
  const cameo = e.cameo ?? '';
  const root = cameo.slice(0, 2);
  const a1 = e.source[0];
  const a2 = e.target[0];
  const actor = (a: Actor | undefined) => [actorCode(a), clean(a?.name).toUpperCase(), a?.country ?? '', '', '', '', '', a?.sector ?? (a?.org ? 'IGO' : ''), '', ''];
  const frac = day ? (Number(y) + (Number(day.slice(4, 6)) - 1) / 12 + (Number(day.slice(6, 8)) - 1) / 365).toFixed(4) : '';
  const n = String(e.sources ?? 1);
  const geoEmpty = ['', '', '', '', '', '', '', ''];
  const actionGeo = e.location ? ['1', clean(e.location.name), e.location.country ?? '', '', '', '', '', ''] : geoEmpty;
  return [
    numericId(e.id), day, day.slice(0, 6), y, frac,
    ...actor(a1), ...actor(a2),
    '1', cameo, cameo.slice(0, 3), root, root ? String(quadClass(Number(root))) : '', root in GOLDSTEIN ? String(GOLDSTEIN[root]) : '', n, n, n, '0',
    ...geoEmpty, ...geoEmpty, ...actionGeo,
    `${(article?.published ?? '').replace(/-/g, '')}000000`, clean(article?.url ?? e.article),
  ];
}
