import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Article } from '../../src/ingest/article.js';
import { splitFrontMatter } from '../../src/ingest/front-matter.js';
import { cleanArticle, cleanText, mapToInput } from '../../src/clean/index.js';
import type { CleanResult } from '../../src/clean/model.js';

const BODY_1 = 'El canciller de Colombia se reunió el martes en Quito con su homóloga ecuatoriana para revisar los acuerdos fronterizos.';
const BODY_2 = 'Ambos gobiernos anunciaron que la comisión binacional volverá a reunirse en marzo, según un comunicado conjunto.';

/** Offsets of every removed block and every kept block must point at the same text in the input. */
function assertConsistent(input: string, r: CleanResult): void {
  for (const b of r.removed) assert.equal(input.slice(b.start, b.end), b.text);
  for (const m of r.map) {
    assert.equal(r.text.slice(m.cleanStart, m.cleanStart + m.length), input.slice(m.inputStart, m.inputStart + m.length));
  }
  assert.equal(r.map.reduce((n, m) => n + m.length, 0) + 2 * Math.max(0, r.map.length - 1), r.text.length);
}

/** Clean BODY_1, the boilerplate, BODY_2; expect exactly `rule` to drop exactly `block`. */
function assertDropped(block: string, rule: string): void {
  const input = `${BODY_1}\n\n${block}\n\n${BODY_2}`;
  const r = cleanText(input);
  assertConsistent(input, r);
  assert.deepEqual(r.removed.map((x) => [x.rule, x.text]), [[rule, block]], block);
  assert.equal(r.text, `${BODY_1}\n\n${BODY_2}`);
}

/** Clean BODY_1, the sentence, BODY_2; expect nothing dropped. */
function assertKept(block: string): void {
  const input = `${BODY_1}\n\n${block}\n\n${BODY_2}`;
  const r = cleanText(input);
  assert.deepEqual(r.removed, [], block);
  assert.equal(r.text, input);
}

test('es.share.follow: share and follow prompts', () => {
  for (const b of [
    'ÚNETE A NOSOTROS EN TELEGRAM',
    'Únete a nuestro canal de WhatsApp',
    'Síguenos en Facebook, X e Instagram',
    'Siga nuestra cobertura en vivo sobre la crisis',
    'Compartir en Facebook',
    'Compartir',
    'Facebook Twitter WhatsApp Copiar enlace',
  ]) assertDropped(b, 'es.share.follow');
  assertKept('El presidente pidió a sus seguidores que lo sigan en las redes sociales durante la campaña.');
  assertKept('Compartir la información de inteligencia con los aliados fue la prioridad de la reunión de ministros.');
});

test('es.newsletter: newsletter boxes', () => {
  for (const b of [
    'Desbloquee el boletín de noticias de la mañana para recibirlo gratis.',
    'Suscríbete a nuestro boletín diario',
    'Recibe nuestro boletín con las noticias más importantes',
    'Newsletter',
  ]) assertDropped(b, 'es.newsletter');
  assertKept('La oposición dijo que no suscribirá el acuerdo mientras no se publiquen sus anexos.');
  assertKept('El boletín oficial publicó el decreto de convocatoria de las elecciones anticipadas.');
});

test('es.comments.form: comment forms', () => {
  for (const b of [
    'Deja una respuesta',
    'Tu dirección de correo electrónico no será publicada.',
    'Tu dirección de correo electrónico no será publicada. Los campos obligatorios están marcados con *',
    'Los campos obligatorios están marcados con *',
    '0 comentarios',
    'Enviar un comentario',
    'Comentario *',
  ]) assertDropped(b, 'es.comments.form');
  assertKept('El diputado dejó una respuesta por escrito a las preguntas de la comisión investigadora.');
  assertKept('Los comentarios del embajador provocaron una protesta formal del Gobierno.');
});

test('es.crosslink.read: "READ" + capitalised headline, case-sensitive', () => {
  assertDropped('READ  La capital anuncia nuevas restricciones para las caravanas de camiones', 'es.crosslink.read');
  assertDropped('READ ALSO: El Senado rechaza la moción de censura', 'es.crosslink.read');
  assertKept('Please READ the full statement published by the ministry before the vote.');
  assertKept('READ the minutes of the meeting: they show the delegations disagreed on the timetable.');
  assertKept('Read More: the phrase appears in English text and must stay.');
});

test('es.crosslink.leetambien: "Lee también:" lines, and a bare one takes the headline under it', () => {
  assertDropped('Lee también: El Congreso aprueba la reforma de pensiones', 'es.crosslink.leetambien');
  assertDropped('LEA TAMBIÉN | Bolivia y Chile retoman el diálogo', 'es.crosslink.leetambien');
  assertDropped('Te recomendamos: Las claves de la cumbre de Lima', 'es.crosslink.leetambien');
  assertDropped('Lee más: Las claves de la cumbre de Lima', 'es.crosslink.leetambien');
  const input = `${BODY_1}\n\nLee también:\nEl Congreso aprueba la reforma de pensiones\n\n${BODY_2}`;
  const r = cleanText(input);
  assertConsistent(input, r);
  assert.deepEqual(r.removed.map((x) => x.text), ['Lee también:', 'El Congreso aprueba la reforma de pensiones']);
  assert.equal(r.text, `${BODY_1}\n\n${BODY_2}`);
  assertKept('El ministro Lee Jae-myung dijo que su gobierno buscará un diálogo directo con el Norte.');
  assertKept('Lee Jae-myung también viajará a Tokio la próxima semana para reunirse con el primer ministro.');
  assertKept('Lee el comunicado completo en la web de la cancillería, pidió el portavoz a los periodistas.');
});

test('es.crosslink.more: "Leer más" and "Seguir leyendo"', () => {
  assertDropped('Leer más', 'es.crosslink.more');
  assertDropped('Seguir leyendo »', 'es.crosslink.more');
  assertKept('Seguir leyendo los informes de inteligencia no cambiará la decisión, dijo el ministro.');
});

test('es.related.section: the header and the teaser lines under it, up to the body', () => {
  const input = [
    BODY_1,
    'Otros temas de interés',
    'Bolivia y Chile retoman el diálogo sobre el acceso al mar',
    'Qué se sabe del acuerdo comercial entre Mercosur y la UE',
    'Las Claves De La Cumbre Regional En Lima.',
    BODY_2,
  ].join('\n\n');
  const r = cleanText(input);
  assertConsistent(input, r);
  assert.deepEqual(r.removed.map((x) => x.rule), Array(4).fill('es.related.section'));
  assert.equal(r.text, `${BODY_1}\n\n${BODY_2}`);
});

test('es.related.section: teasers as lines of one block, and at the very end', () => {
  for (const header of ['Más noticias', 'Temas similares', 'Te puede interesar:', 'Noticias relacionadas']) {
    const input = `${BODY_1}\n\n${BODY_2}\n\n${header}\nEl Gobierno prepara una nueva ley de seguridad\nProtestas en la capital por la subida del transporte`;
    const r = cleanText(input);
    assertConsistent(input, r);
    assert.equal(r.removed.length, 3, header);
    assert.ok(r.removed.every((x) => x.rule === 'es.related.section'));
    assert.equal(r.text, `${BODY_1}\n\n${BODY_2}`);
  }
});

test('es.related.section: a short sentence with a final period resumes the article', () => {
  const input = `Noticias relacionadas\n\nEl Gobierno prepara una nueva ley de seguridad\n\nEl portavoz no hizo comentarios.\n\n${BODY_2}`;
  const r = cleanText(input);
  assert.deepEqual(r.removed.map((x) => x.text), ['Noticias relacionadas', 'El Gobierno prepara una nueva ley de seguridad']);
  assert.equal(r.text, `El portavoz no hizo comentarios.\n\n${BODY_2}`);
});

test('es.related.section: a paragraph that starts with "Más noticias" is body text', () => {
  assertKept('Más noticias llegaron desde la frontera durante la noche, cuando el ejército confirmó el repliegue de sus tropas.');
  // The same words alone on a line are the header: dropped, and the prose after it stays.
  const r = cleanText(`${BODY_1}\n\nMás noticias\n\n${BODY_2}`);
  assert.deepEqual(r.removed.map((x) => x.text), ['Más noticias']);
  assert.equal(r.text, `${BODY_1}\n\n${BODY_2}`);
});

test('es.caption.credit: photo credits as whole short blocks', () => {
  for (const b of ['(Sáshenka Gutiérrez/EFE)', 'Foto: EFE', 'Foto: Reuters/Juan Pérez', 'Fotografía de archivo', 'Juan Pérez / AFP', 'EFE']) {
    assertDropped(b, 'es.caption.credit');
  }
  assertKept('La foto del encuentro entre los dos presidentes circuló en las redes sociales durante horas.');
  assertKept('El acuerdo (firmado en Lima/Perú el año pasado) sigue vigente, según la cancillería.');
});

test('es.ads: "Publicidad" as a whole block only', () => {
  assertDropped('Publicidad', 'es.ads');
  assertDropped('PUBLICIDAD', 'es.ads');
  assertDropped('Continúa leyendo después del anuncio', 'es.ads');
  assertKept('La ley regula la publicidad institucional.');
  assertKept('Publicidad engañosa: el regulador multó a la empresa estatal por su campaña electoral.');
});

test('es.syndication.disclaimer: automatic-feed disclaimers', () => {
  assertDropped('Esta es una historia sin editar y generada automáticamente a partir de un servicio de noticias sindicado.', 'es.syndication.disclaimer');
  assertDropped('(Esta historia no ha sido editada por el personal y se genera automáticamente a partir de un feed sindicado.)', 'es.syndication.disclaimer');
  assertKept('Esta es una historia que los diplomáticos repiten desde hace años: la frontera nunca se cerró del todo.');
});

test('a dropped line inside a paragraph splits it; the lines around it stay verbatim', () => {
  const input = `${BODY_1}\nCompartir en WhatsApp\n${BODY_2}\n\nFin de la nota con un párrafo propio.`;
  const r = cleanText(input);
  assertConsistent(input, r);
  assert.deepEqual(r.removed.map((x) => x.text), ['Compartir en WhatsApp']);
  assert.equal(r.text, `${BODY_1}\n\n${BODY_2}\n\nFin de la nota con un párrafo propio.`);
  // Lines of one paragraph that are all kept stay together, single newline included.
  const wrapped = 'El presidente del Senado anunció\nque la votación se aplaza.\n\nOtra cosa.';
  assert.equal(cleanText(wrapped).text, wrapped);
});

test('blocks are normalised: surrounding whitespace and extra blank lines go, offsets map back', () => {
  const input = '\n\n  Publicidad \n\n\n   El ministro habló.  \n \n\nLa reunión duró una hora.\n';
  const r = cleanText(input);
  assertConsistent(input, r);
  assert.equal(r.text, 'El ministro habló.\n\nLa reunión duró una hora.');
  assert.deepEqual(r.removed, [{ text: 'Publicidad', start: 4, end: 14, rule: 'es.ads' }]);
  assert.equal(mapToInput(r, 0), input.indexOf('El ministro'));
  assert.equal(mapToInput(r, r.text.indexOf('reunión')), input.indexOf('reunión'));
  assert.equal(mapToInput(r, r.text.length), input.indexOf('hora.') + 'hora.'.length);
});

test('empty and all-boilerplate inputs give empty text', () => {
  assert.deepEqual(cleanText(''), { text: '', removed: [], map: [] });
  const r = cleanText('Publicidad\n\nDeja una respuesta');
  assert.equal(r.text, '');
  assert.equal(r.removed.length, 2);
});

test('seed 000: drops exactly the READ line and the comment form, keeps every sentence', () => {
  const input = splitFrontMatter(readFileSync('/work/shared/seeds/000.txt', 'utf8')).body;
  const r = cleanText(input);
  assertConsistent(input, r);
  assert.deepEqual(r.removed.map((x) => [x.rule, x.text]), [
    ['es.crosslink.read', 'READ\u00a0 La capital canadiense se prepara para una caravana de motociclistas por temor a que se repita la protesta de los camioneros'],
    ['es.comments.form', 'Deja una respuesta'],
    ['es.comments.form', 'Tu dirección de correo electrónico no será publicada.'],
  ]);
  const removed = new Set(r.removed.map((x) => x.text));
  const kept = input.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p !== '' && !removed.has(p));
  assert.equal(r.text, kept.join('\n\n'));
  assert.match(r.text, /nunca dejamos de intentarlo \[to establish communications\]/);
});

test('seed 002: headlines, dateline and section labels are not boilerplate', () => {
  const input = splitFrontMatter(readFileSync('/work/shared/seeds/002.txt', 'utf8')).body;
  const r = cleanText(input);
  assert.deepEqual(r.removed, []);
  assert.match(r.text, /^En una llamada telefónica de Fin de Año\n\nVladimir Putin/);
  assert.match(r.text, /\n\nAviones\n\n/);
});

test('cleanArticle uses the article language; a language without rules is only normalised', () => {
  const base: Article = { id: 'x', url: null, outlet: null, published: null, language: 'es', title: null, text: `${BODY_1}\n\nPublicidad`, origin: { file: 'x.txt' } };
  assert.equal(cleanArticle(base).text, BODY_1);
  assert.equal(cleanArticle({ ...base, language: null }).text, BODY_1);
  const en = cleanArticle({ ...base, language: 'en', text: 'The minister spoke.\n\n\n  Publicidad  ' });
  assert.equal(en.text, 'The minister spoke.\n\nPublicidad');
  assert.deepEqual(en.removed, []);
});

test('very long lines are never matched and stay fast', () => {
  const long = `Suscríbete ${'a la política exterior del país '.repeat(2000)}`;
  const t0 = performance.now();
  const r = cleanText(`${long}\n\n${BODY_1}`);
  assert.ok(performance.now() - t0 < 500);
  assert.deepEqual(r.removed, []);
});
