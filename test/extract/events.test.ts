import assert from 'node:assert/strict';
import { test } from 'node:test';
import { codeText, codes, coder, article } from '../helpers/code.js';
import type { EventRecord } from '../../src/events/model.js';

const one = (events: EventRecord[], type: string, status?: string): EventRecord => {
  const e = events.find((x) => x.type === type && (!status || x.status === status));
  assert.ok(e, `no ${type}${status ? '/' + status : ''} among ${events.map((x) => `${x.type}/${x.status}`).join(', ')}`);
  return e;
};

// Friday 2024-05-17 is the publication date used below unless stated.
test('a phone call dated by a weekday, with the call and the request coded separately', () => {
  const ev = codeText('El secretario de Estado de EE. UU., Antony Blinken, habló el miércoles por teléfono con el canciller chino, Wang Yi, a quien instó a frenar el envío de drones a Rusia.');
  const call = one(ev, 'CONSULT');
  assert.deepEqual([codes(call, 'source'), codes(call, 'target')], [['USA'], ['CHN']]);
  assert.deepEqual(call.date, { start: '2024-05-15', end: '2024-05-15', precision: 'day', basis: 'relative' });
  assert.equal(call.mode, 'phone');
  const req = one(ev, 'REQUEST');
  assert.deepEqual([codes(req, 'source'), codes(req, 'target')], [['USA'], ['CHN']]);
  assert.equal(req.evidence.rule, 'es.request.instar');
});

test('refusal: the refused act and the refusal itself, never "occurred" for the act', () => {
  const ev = codeText('El presidente ruso, Vladímir Putin, se negó a reunirse con Volodímir Zelenski en Estambul.');
  assert.equal(one(ev, 'CONSULT').status, 'refused');
  assert.equal(one(ev, 'REJECT').status, 'occurred');
  assert.ok(!ev.some((e) => e.type === 'CONSULT' && e.status === 'occurred'));
});

test('denial: "negó que" makes the reported act denied', () => {
  const ev = codeText('El portavoz del Kremlin, Dmitri Peskov, negó que Putin hubiera hablado por teléfono con Donald Trump.', '2024-11-11');
  assert.equal(one(ev, 'CONSULT').status, 'denied');
});

test('negation: "no hubo ninguna reunión entre …" is negated, not planned or occurred', () => {
  const ev = codeText('No hubo ninguna reunión entre Nicolás Maduro y Gustavo Petro durante la cumbre.', '2024-04-10');
  assert.equal(one(ev, 'CONSULT').status, 'negated');
});

test('planned: future tense, "la próxima semana" as a week range, location from "en Ginebra"', () => {
  const ev = codeText('Los cancilleres de Rusia y Estados Unidos se reunirán la próxima semana en Ginebra.');
  const e = one(ev, 'CONSULT', 'planned');
  assert.deepEqual(e.date, { start: '2024-05-20', end: '2024-05-26', precision: 'week', basis: 'relative' });
  assert.deepEqual(e.location, { name: 'Ginebra', country: 'CHE' });
});

test('a conditional promise of sanctions is a threat against the actor of the condition', () => {
  const ev = codeText('"Si Irán enriquece uranio al 90 %, impondremos sanciones inmediatas", dijo un alto funcionario del Gobierno francés.', '2024-11-15');
  const t = one(ev, 'THREATEN');
  assert.deepEqual([codes(t, 'source'), codes(t, 'target')], [['FRA'], ['IRN']]);
  assert.equal(t.attribution?.country, 'FRA');
  assert.ok(!ev.some((e) => e.type === 'SANCTION' && e.status === 'occurred'));
});

test('attribution from "según informó el Kremlin" and from an anonymous official', () => {
  const ev = codeText('Putin y Xi conversaron por videoconferencia, según informó el Kremlin.', '2023-12-30');
  assert.deepEqual(one(ev, 'CONSULT').attribution, { name: 'Kremlin', country: 'RUS', org: null });
});

test('"hace 84 días" and explicit dates resolve against the publication date', () => {
  const ev = codeText('Austin y Shoigu hablaron por última vez hace 84 días.', '2022-05-13');
  assert.equal(one(ev, 'CONSULT').date?.start, '2022-02-18');
  const ev2 = codeText('Estados Unidos y Rusia establecieron el 1 de marzo una línea de comunicación militar.', '2022-05-13');
  assert.deepEqual(one(ev2, 'COOPERATE').date, { start: '2022-03-01', end: '2022-03-01', precision: 'day', basis: 'explicit' });
});

test('an attack noun takes its attacker from the demonym and its target from "contra"', () => {
  const ev = codeText('Los ataques rusos contra Járkov se intensificaron ayer.', '2024-05-11');
  const e = one(ev, 'ASSAULT');
  assert.deepEqual([codes(e, 'source'), codes(e, 'target')], [['RUS'], ['UKR']]);
  assert.equal(e.date?.start, '2024-05-10');
});

test('teaser and related-story blocks produce no events', () => {
  const text = [
    'El presidente de Colombia, Gustavo Petro, recibió ayer en Bogotá al presidente de Ecuador, Daniel Noboa.',
    'READ  Rusia bombardea Odesa y Turquía condena el ataque',
    'Otros temas de interés',
    'Argelia retira a su embajador en Madrid',
    'Israel ataca posiciones de Hezbolá en el sur del Líbano',
    'Ambos mandatarios acordaron reforzar la cooperación en la frontera común, según la Presidencia colombiana.',
  ].join('\n\n');
  const ev = codeText(text, '2024-03-02');
  assert.ok(ev.some((e) => e.type === 'CONSULT'));
  for (const e of ev) for (const a of [...e.source, ...e.target]) assert.ok(!['DZA', 'ISR', 'TUR', 'LBN'].includes(a.country ?? ''), `teaser event ${e.type} ${a.name}`);
});

test('event ids are stable for the same article and evidence, and offsets point into the cleaned text', () => {
  const text = 'El presidente francés, Emmanuel Macron, se reunió ayer en París con el canciller alemán, Olaf Scholz.';
  const a = coder().code(article(text, '2023-01-23'));
  const b = coder().code(article(text, '2023-01-23'));
  assert.deepEqual(a.events.map((e) => e.id), b.events.map((e) => e.id));
  for (const e of a.events) assert.equal(a.clean.text.slice(e.evidence.start, e.evidence.end), e.evidence.text);
});

test('"negó el lunes que …" denies the complement; a later "No hubo ninguna conversación" denies the call reported before', () => {
  const ev = codeText('El Kremlin negó el lunes que Vladímir Putin haya mantenido una conversación telefónica con Donald Trump.', '2024-11-11');
  assert.equal(one(ev, 'CONSULT').status, 'denied');
  const ev2 = codeText('Según el diario, Trump habría llamado a Putin el jueves. "No hubo ninguna conversación", dijo el portavoz del Kremlin, Dmitri Peskov.', '2024-11-11');
  const call = one(ev2, 'CONSULT');
  assert.equal(call.status, 'denied');
  assert.equal(call.date?.start, '2024-11-07');
});

test('a verb after a determiner is a noun: "la condena" is not a condemnation act', () => {
  const ev = codeText('La resolución de condena contra Irán no prosperó en la Junta de Gobernadores.', '2024-11-15');
  assert.ok(!ev.some((e) => e.evidence.trigger === 'condena'));
});

test('a purpose infinitive shares the plan of its governing verb; a "since" date does not date another event', () => {
  const ev = codeText('El presidente de Francia, Emmanuel Macron, viajará la próxima semana a China para reunirse con Xi Jinping.', '2024-03-11');
  // The trip and the meeting are one occasion: one planned CONSULT FRA–CHN next week.
  const meet = ev.filter((e) => e.type === 'CONSULT' && codes(e, 'target').includes('CHN'));
  assert.equal(meet.length, 1);
  assert.equal(meet[0]?.status, 'planned');
  assert.equal(meet[0]?.date?.start, '2024-03-18');
  const ev2 = codeText('Washington y Pekín acordaron reanudar el diálogo militar, suspendido desde agosto de 2022.', '2024-03-11');
  assert.equal(one(ev2, 'AGREE').date?.start, '2024-03-11');
});

test('a reduced passive ("drones lanzados por Rusia contra Kiev") is an attack by the agent', () => {
  const ev = codeText('El Ejército ucraniano derribó durante la noche 30 drones lanzados por Rusia contra Kiev.', '2024-03-11');
  assert.ok(ev.some((e) => e.type === 'ASSAULT' && codes(e, 'source')[0] === 'RUS' && codes(e, 'target')[0] === 'UKR'));
});

test('reciprocal exchanges and compound demonyms give both parties', () => {
  const ev = codeText('Rusia y Ucrania intercambiaron el sábado 150 prisioneros de guerra.', '2024-03-11');
  const swap = one(ev, 'CONCEDE');
  assert.deepEqual([codes(swap, 'source'), codes(swap, 'target')], [['RUS'], ['UKR']]);
  const ev2 = codeText('La cumbre hispano-marroquí se celebrará del 1 al 2 de febrero en Rabat.', '2023-01-25');
  const summit = one(ev2, 'CONSULT', 'planned');
  assert.deepEqual([...codes(summit, 'source'), ...codes(summit, 'target')].sort(), ['ESP', 'MAR']);
  assert.deepEqual(summit.date, { start: '2023-02-01', end: '2023-02-02', precision: 'day', basis: 'explicit' });
});

test('crowds, compound prepositions, singular people nouns and object clitics', () => {
  const ev = codeText('Cientos de manifestantes protestaron frente a la embajada de Israel en Madrid.', '2023-06-16');
  const p = one(ev, 'PROTEST');
  assert.deepEqual([codes(p, 'source'), codes(p, 'target')], [['ESP'], ['ISR']]);
  const ev2 = codeText('China desplegó el martes una veintena de buques de guerra cerca de Taiwán.', '2023-06-16');
  assert.deepEqual(codes(one(ev2, 'MOBILIZE'), 'target'), ['TWN']);
  const ev3 = codeText('La policía turca detuvo a un periodista sueco acusado de espionaje, confirmó el Gobierno de Suecia.', '2023-06-16');
  assert.deepEqual(codes(one(ev3, 'COERCE'), 'target'), ['SWE']);
  const ev4 = codeText('Venezuela expulsó a la misión de observación de la Unión Europea tras acusarla de injerencia.', '2023-06-16');
  assert.deepEqual(codes(one(ev4, 'ACCUSE'), 'target'), ['EU']);
});

test('directed events need a target; a new clause after ", y" is not the object', () => {
  const ev = codeText('Irán vetó el año pasado a varios inspectores.', '2024-11-15');
  assert.ok(!ev.some((e) => e.type === 'REJECT' && e.target.length === 0));
  const ev2 = codeText('Los gobiernos de Colombia y Brasil condenaron la irrupción en la embajada, y el presidente colombiano, Gustavo Petro, la calificó de ilegal.', '2024-04-06');
  assert.ok(!ev2.some((e) => e.type === 'ACCUSE' && e.target.some((a) => a.name === 'Gustavo Petro')));
});

test('accent-sensitive cues: "sí conversó" is not a condition; a warning keeps its own status', () => {
  const ev = codeText('Zelenski sí conversó el pasado miércoles con Trump.', '2024-11-11');
  assert.equal(one(ev, 'CONSULT').status, 'occurred');
  const ev2 = codeText('El portavoz del Kremlin, Dmitri Peskov, advirtió de que la entrada de Ucrania en la OTAN tendría consecuencias muy negativas.', '2023-07-11');
  assert.equal(one(ev2, 'THREATEN').status, 'occurred');
});

test('pronominal triggers need their "se"; "que no viaje" is a verb; a negated intention negates its infinitive', () => {
  const ev = codeText('Los militares le retiraron la inmunidad diplomática al embajador francés.', '2023-09-25');
  assert.ok(!ev.some((e) => e.type === 'RETREAT'));
  const ev2 = codeText('La Cancillería de Ucrania pidió a Guterres que no viaje a Rusia.', '2024-10-16');
  assert.ok(!ev2.some((e) => e.evidence.rule === 'es.consult.n.visita'));
  const ev3 = codeText('La canciller argentina, Diana Mondino, aseguró que no existe ninguna intención de romper relaciones con España.', '2024-05-22');
  assert.ok(!ev3.some((e) => e.type === 'SANCTION' && e.status === 'occurred'));
});

test('"la detención de X" targets X; "vetó una resolución presentada por Francia" targets the author', () => {
  const ev = codeText('CARACAS, 9 Ago.\n\nEl fiscal general de Venezuela, Tarek William Saab, ordenó este jueves la detención de dos dirigentes opositores.', '2024-08-09');
  const c = one(ev, 'COERCE');
  assert.equal(c.source[0]?.name, 'Tarek William Saab');
  assert.deepEqual(codes(c, 'target'), ['VEN']);
  const ev2 = codeText('Rusia vetó el viernes en el Consejo de Seguridad una resolución sobre Siria presentada por Francia.', '2024-08-09');
  assert.deepEqual(codes(one(ev2, 'REJECT'), 'target'), ['FRA']);
});

test('announcing that one will not recognise or sign is a rejection', () => {
  const ev = codeText('El presidente argentino, Javier Milei, anunció que no reconocerá los resultados de las elecciones en Venezuela.', '2024-08-09');
  const r = one(ev, 'REJECT');
  assert.equal(r.status, 'occurred');
  assert.deepEqual(codes(r, 'source'), ['ARG']);
});

test('planned meetings during a dated summit take its dates; "y con" coordinates counterparts', () => {
  const ev = codeText('El presidente ruso, Vladímir Putin, mantendrá encuentros bilaterales con el presidente chino, Xi Jinping, y con el primer ministro indio, Narendra Modi, durante la cumbre de los BRICS que se celebrará del 22 al 24 de octubre.', '2024-10-16');
  const meetings = ev.filter((e) => e.type === 'CONSULT' && e.status === 'planned' && codes(e, 'source').includes('RUS'));
  const counterparts = new Set(meetings.flatMap((e) => codes(e, 'target')));
  assert.ok(counterparts.has('CHN') && counterparts.has('IND'), [...counterparts].join());
  for (const m of meetings) assert.equal(m.date?.start, '2024-10-22');
});

test('a dropped subject in reported speech is the speaker', () => {
  const ev = codeText('El Departamento de Estado reiteró que mantendrá las sanciones contra Caracas mientras no haya elecciones libres.', '2022-11-18');
  const s = one(ev, 'SANCTION');
  assert.deepEqual([codes(s, 'source'), codes(s, 'target')], [['USA'], ['VEN']]);
});

test('refusals by "rechazó/descartó + infinitive" are refused acts plus one REJECT aimed at the counterpart', () => {
  const ev = codeText('El presidente de Ruanda, Paul Kagame, descartó negociar con el Gobierno congoleño.', '2024-01-18');
  assert.equal(one(ev, 'CONSULT').status, 'refused');
  const rejects = ev.filter((e) => e.type === 'REJECT');
  assert.equal(rejects.length, 1);
  assert.deepEqual(codes(rejects[0] as EventRecord, 'target'), ['COD']);
});

test('"No hubo contacto entre A y B" is negated; aid sent to a place goes to its state; a denied plan keeps its future date', () => {
  const ev = codeText('No hubo contacto entre Pionyang y Seúl durante las maniobras, informó la agencia KCNA.', '2024-01-18');
  const c = one(ev, 'CONSULT');
  assert.equal(c.status, 'negated');
  assert.equal(c.attribution?.country, 'PRK');
  const ev2 = codeText('El Elíseo anunció que Francia enviará en agosto ayuda humanitaria a Gaza.', '2024-01-18');
  const aid = one(ev2, 'AID');
  assert.deepEqual([codes(aid, 'source'), codes(aid, 'target'), aid.status, aid.date?.start], [['FRA'], ['PSE'], 'planned', '2024-08-01']);
  const ev3 = codeText('Downing Street desmintió que Rishi Sunak vaya a reunirse con Xi Jinping a finales de marzo.', '2024-01-18');
  const d = one(ev3, 'CONSULT', 'denied');
  assert.equal(d.date?.start, '2024-03-21');
});

test('lawsuits, troop dispatches, denials by infinitive, and not accepting as rejecting', () => {
  const ev = codeText('La jefa de la diplomacia surafricana defendió la demanda presentada por Sudáfrica contra Israel ante la Corte Internacional de Justicia.', '2024-02-15');
  assert.deepEqual([codes(one(ev, 'ACCUSE'), 'source'), codes(one(ev, 'ACCUSE'), 'target')], [['ZAF'], ['ISR']]);
  const ev2 = codeText('El Gobierno de Kenia anunció el envío de mil policías a Haití.', '2024-02-15');
  assert.deepEqual(codes(one(ev2, 'MOBILIZE'), 'target'), ['HTI']);
  const ev3 = codeText('El presidente ruandés, Paul Kagame, negó haber enviado tropas al este de la República Democrática del Congo.', '2024-02-15');
  const m = one(ev3, 'MOBILIZE');
  assert.deepEqual([m.status, codes(m, 'target')], ['denied', ['COD']]);
  const ev4 = codeText('La parte ucraniana reclamó en Estambul un alto el fuego incondicional, una exigencia que los negociadores rusos no aceptaron.', '2025-05-17');
  assert.deepEqual([codes(one(ev4, 'REJECT'), 'source'), codes(one(ev4, 'REJECT'), 'target')], [['RUS'], ['UKR']]);
});

test('a later actorless mention dates and qualifies the headline event', () => {
  const text = 'Blinken habla con su homólogo indio sobre la guerra en Ucrania\n\nLa conversación telefónica de este jueves, la segunda en un mes, se produjo a petición de Nueva Delhi, dijo un portavoz del Departamento de Estado.';
  const call = one(codeText(text, '2023-03-24'), 'CONSULT');
  assert.deepEqual([call.date?.start, call.date?.basis, call.mode], ['2023-03-23', 'relative', 'phone']);
  assert.ok(call.attribution);
});

test('one occasion named twice in a sentence is one event; a condemnation targets the act in the same sentence', () => {
  const ev = codeText('Hace tres semanas, el primer ministro de Japón, Fumio Kishida, visitó Washington, donde se reunió con el presidente Joe Biden.', '2023-02-10');
  const consults = ev.filter((e) => e.type === 'CONSULT');
  assert.equal(consults.length, 1);
  assert.deepEqual([consults[0]?.date?.start, consults[0]?.date?.end], ['2023-01-16', '2023-01-22']);
  const ev2 = codeText('China desplegó buques cerca de Taiwán. El pasado domingo, Irán ejecutó a un ciudadano británico, lo que Londres calificó de "acto bárbaro".', '2023-02-10');
  assert.deepEqual(codes(one(ev2, 'ACCUSE'), 'target'), ['IRN']);
});

test('"su homólogo ruso" without a name resolves to the holder of the equivalent post on the date', () => {
  const ev = codeText('El presidente del Estado Mayor Conjunto, el general Mark Milley, hablará con su homólogo ruso.', '2022-05-13');
  const call = one(ev, 'CONSULT');
  assert.equal(call.target[0]?.name, 'Valeri Guerásimov');
  assert.equal(call.target[0]?.sector, 'MIL');
});

test('more political verbs: exhortar, saludar, cerrar la frontera, interceptar, ratificar', () => {
  const text = [
    'El papa León XIV exhortó a Israel a alcanzar una tregua.',
    'La Unión Europea saludó la decisión de Serbia.',
    'Marruecos cerró su frontera con Argelia tras el incidente.',
    'La Armada israelí interceptó un barco con activistas rumbo a Gaza.',
    'Los parlamentos de Suecia y Finlandia ratificaron el acuerdo de defensa con Estados Unidos.',
  ].join('\n\n');
  const ev = codeText(text, '2025-06-07');
  const pairs = ev.map((e) => `${e.type} ${codes(e, 'source').join('+')}>${codes(e, 'target').join('+')}`);
  for (const p of ['REQUEST VAT>ISR', 'SUPPORT EU>SRB', 'SANCTION MAR>DZA', 'COERCE ISR>PSE', 'AGREE SWE>USA', 'AGREE FIN>USA']) assert.ok(pairs.includes(p), `${p} not in ${pairs.join(', ')}`);
});

test('a subject after the verb ("Atacaron el fin de semana las tropas rusas…") and "el Estado Mayor ucraniano, que denunció…"', () => {
  const ev = codeText('Atacaron el fin de semana las tropas rusas varias posiciones ucranianas en Pokrovsk. Así lo confirmó el Estado Mayor ucraniano, que denunció además el uso de bombas guiadas.', '2024-10-14');
  const a = one(ev, 'ASSAULT');
  assert.deepEqual([codes(a, 'source'), codes(a, 'target'), a.date?.start], [['RUS'], ['UKR'], '2024-10-12']);
  assert.deepEqual([codes(one(ev, 'ACCUSE'), 'source'), codes(one(ev, 'ACCUSE'), 'target')], [['UKR'], ['RUS']]);
});
