// Article-level resolution: acronyms introduced in parentheses, descriptors in subject lists,
// bare domestic institutions, and complement clauses that do not lend their subject to the main verb.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { codes, coder, article } from '../helpers/code.js';

const code = (text: string, published = '2023-05-12') => coder().code(article(text, published)).events;

test('an acronym introduced in parentheses names the same actor later in the article', () => {
  const events = code('El Ejército de Sudán y el grupo paramilitar Fuerzas de Apoyo Rápido (FAR) reanudaron ayer los combates en Jartum. '
    + 'Horas después, la aviación sudanesa bombardeó posiciones de las FAR en el norte de la capital.');
  const strike = events.find((e) => e.type === 'ASSAULT' && e.evidence.text.includes('bombardeó'));
  assert.ok(strike, JSON.stringify(events.map((e) => e.type)));
  assert.deepEqual(codes(strike, 'target'), ['SDN']);
  assert.equal(strike.target[0]?.name, 'Fuerzas de Apoyo Rápido');
});

test('"X y el grupo paramilitar Y firmaron" is a two-sided agreement between X and Y', () => {
  const agree = code('El Gobierno de la República Democrática del Congo y el grupo rebelde M23 firmaron ayer un acuerdo de paz en Doha.', '2025-07-20')
    .find((e) => e.type === 'AGREE');
  assert.ok(agree);
  assert.deepEqual([...codes(agree, 'source'), ...codes(agree, 'target')], ['COD', 'COD']);
  assert.ok([...agree.source, ...agree.target].some((a) => a.kb_id !== null && a.name.includes('23')));
});

test('a subject inside a complement clause is not the subject of the main verb', () => {
  const request = code('El presidente de Brasil, Luiz Inácio Lula da Silva, habló ayer por teléfono con su homólogo francés, Emmanuel Macron, '
    + 'en la que le ha pedido que Francia no bloquee el acuerdo con Mercosur.', '2025-09-16').find((e) => e.type === 'REQUEST');
  assert.ok(request);
  assert.equal(request.source[0]?.kb_id, 'luiz-inacio-lula-da-silva');
});

test('recalling an ambassador for consultations is a sanction, not a phone call', () => {
  const events = code('Rabat llamó a consultas a su embajadora en Madrid el martes por la tarde.', '2021-05-19');
  const recall = events.find((e) => e.type === 'SANCTION');
  assert.ok(recall, JSON.stringify(events.map((e) => e.type)));
  assert.deepEqual([codes(recall, 'source'), codes(recall, 'target')], [['MAR'], ['ESP']]);
  assert.ok(!events.some((e) => e.type === 'CONSULT'));
});

test('a bare "el Ejército" is the armed forces of the country the article is about', () => {
  const events = code('Marruecos y España viven su peor crisis en años. España reforzó la frontera de Ceuta. '
    + 'El Ejército desplegó el martes vehículos blindados en Ceuta.', '2021-05-19');
  const deploy = events.find((e) => e.type === 'MOBILIZE' && e.evidence.text.includes('desplegó'));
  assert.ok(deploy);
  assert.deepEqual(codes(deploy, 'source'), ['ESP']);
  assert.equal(deploy.source[0]?.sector, 'MIL');
});

test('a warning of consequences is aimed at the party it names', () => {
  const events = code('"Estados Unidos pagará caro este crimen", declaró el presidente iraní, Ebrahim Raisi, en un discurso en Teherán.', '2024-01-04');
  const threat = events.find((e) => e.type === 'THREATEN');
  assert.ok(threat, JSON.stringify(events.map((e) => e.type)));
  assert.deepEqual([codes(threat, 'source'), codes(threat, 'target')], [['IRN'], ['USA']]);
});

test('an arrest in the passive with no agent named is made by the authorities of the place, else of the detainee', () => {
  const here = code('El expresidente Pedro Castillo fue detenido el miércoles por la tarde cuando se dirigía a una embajada.', '2022-12-08')
    .find((e) => e.type === 'COERCE');
  assert.ok(here);
  assert.deepEqual([codes(here, 'source'), codes(here, 'target')], [['PER'], ['PER']]);
  const abroad = code('Un periodista estadounidense fue detenido ayer en Moscú por agentes vestidos de civil.', '2023-03-30')
    .find((e) => e.type === 'COERCE');
  assert.ok(abroad);
  assert.deepEqual([codes(abroad, 'source'), codes(abroad, 'target')], [['RUS'], ['USA']]);
});

test('a date inside a subordinate clause does not split the main event into two', () => {
  const accusations = code('El Gobierno cubano acusó este lunes a Estados Unidos de alentar las protestas que el domingo sacudieron decenas de ciudades.', '2021-07-13')
    .filter((e) => e.type === 'ACCUSE');
  assert.equal(accusations.length, 1);
  assert.equal(accusations[0]?.date?.start, '2021-07-12');
});

test('"buques de guerra de Estados Unidos y el Reino Unido atacaron" has both states as attackers', () => {
  // One event per attacking state, as for any list of parties.
  const strikes = code('Buques de guerra de Estados Unidos y el Reino Unido atacaron ayer posiciones de los hutíes en Yemen.', '2024-01-12')
    .filter((e) => e.type === 'ASSAULT');
  assert.deepEqual(strikes.flatMap((e) => codes(e, 'source')).sort(), ['GBR', 'USA']);
  assert.ok(strikes.every((e) => codes(e, 'target').includes('YEM')));
});

test('an infinitive governed by a future verb is planned, not occurred', () => {
  const events = code('El Ejército israelí dispondrá de 60 días para retirarse del sur del Líbano, según el acuerdo.', '2024-11-27');
  const retreat = events.find((e) => e.type === 'RETREAT');
  assert.ok(retreat, JSON.stringify(events.map((e) => e.type)));
  assert.equal(retreat.status, 'planned');
  const houthis = code('Su portavoz sostuvo que los hutíes seguirán atacando los barcos con destino a Israel.', '2024-01-12')
    .filter((e) => e.type === 'ASSAULT');
  assert.ok(houthis.every((e) => e.status !== 'occurred'));
});

test('a relative aside between subject and verb does not lend its subject to the verb', () => {
  const accuse = code('Irán, al que Washington acusa de suministrar armas a los rebeldes, condenó los bombardeos de Estados Unidos.', '2024-01-12')
    .find((e) => e.type === 'ACCUSE' && e.evidence.trigger === 'condenó');
  assert.ok(accuse);
  assert.deepEqual(codes(accuse, 'source'), ['IRN']);
});
