import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHtmlArticle, readHtmlFile } from '../../src/ingest/html.js';
import { articles, fixture, problems, tempDir } from './helpers.js';

test('HTML with meta tags: main text as paragraphs, metadata from meta and link tags', async () => {
  const rs = await readHtmlFile(fixture('pagina.html'));
  assert.deepEqual(problems(rs), []);
  const [a] = articles(rs);
  assert.ok(a);
  assert.equal(a.id, 'pagina');
  assert.equal(a.title, 'La cancillería anuncia una cumbre regional');
  // article:published_time wins over JSON-LD, and the local calendar day is kept.
  assert.equal(a.published, '2023-09-14');
  assert.equal(a.url, 'https://diario.example/politica/cumbre');
  assert.equal(a.outlet, 'Diario de Prueba');
  assert.equal(a.language, 'es');
  const paragraphs = a.text.split('\n\n');
  assert.deepEqual(paragraphs, [
    'La cancillería anuncia una cumbre regional', // the <h1>, kept like a headline in a .txt
    'La ministra de Relaciones Exteriores anunció el miércoles una cumbre regional sobre migración que se celebrará en Cartagena a finales de octubre.',
    'Según el comunicado, asistirán delegaciones de doce países.\nLa fecha exacta se confirmará la próxima semana.',
    'La oposición pidió que el Congreso sea informado antes de la reunión y criticó la falta de detalles sobre el presupuesto del encuentro.',
  ]);
  // Navigation, footer and the photo caption are not article text.
  assert.doesNotMatch(a.text, /Deportes|derechos reservados|rueda de prensa/);
});

test('HTML with JSON-LD only: date, headline and publisher from JSON-LD, URL from og:url', () => {
  const html = readFileSync(fixture('pagina-jsonld.html'), 'utf8');
  const [a] = articles(parseHtmlArticle(html, { file: 'web/acuerdo.html' }));
  assert.ok(a);
  assert.equal(a.id, 'acuerdo');
  assert.equal(a.published, '2021-11-30');
  assert.equal(a.title, 'Chile y Argentina firman un acuerdo pesquero');
  assert.equal(a.outlet, 'Noticias del Sur');
  assert.equal(a.url, 'https://otro.example/acuerdo-pesquero');
  assert.equal(a.language, null); // no <html lang>: left for readInputs to identify
  assert.equal(a.text.split('\n\n').length, 2);
});

test('<time datetime> is the last resort for the date; a relative canonical URL is ignored', () => {
  const html = `<html><head><title>Visita oficial</title><link rel="canonical" href="/visita"></head><body><article>
    <time datetime="2020-07-09T10:00:00+02:00">9 de julio</time>
    <p>El rey recibió en el palacio al presidente de Portugal para hablar de las conexiones ferroviarias entre ambos países.</p>
    </article></body></html>`;
  const [a] = articles(parseHtmlArticle(html, { file: 'visita.htm' }));
  assert.equal(a?.published, '2020-07-09');
  assert.equal(a?.url, null);
  assert.equal(a?.title, 'Visita oficial');
});

test('an invalid meta date falls through to the next source', () => {
  const html = `<html><head><meta property="article:published_time" content="hace dos horas">
    <script type="application/ld+json">{"datePublished": "2019-04-02"} broken</script></head>
    <body><p>La alcaldesa inauguró un puente sobre el río Magdalena con la presencia del gobernador.</p><time datetime="2019-04-03">ayer</time></body></html>`;
  const [a] = articles(parseHtmlArticle(html, { file: 'puente.html' }));
  assert.equal(a?.published, '2019-04-03');
});

test('a page without text gives a warning', () => {
  const rs = parseHtmlArticle('<html><head><title>Vacía</title></head><body><script>var x = 1;</script></body></html>', { file: 'vacia.html' });
  assert.deepEqual(rs, [{ kind: 'problem', problem: { level: 'warning', origin: { file: 'vacia.html' }, message: 'no article text' } }]);
});

test('a windows-1252 page with a charset declaration decodes correctly', async () => {
  const dir = tempDir();
  const path = join(dir, 'latin.html');
  const html = '<html><head><meta charset="windows-1252"><title>Nota</title></head><body><p>El ministro habló en Bogotá con “los negociadores” – según fuentes oficiales.</p></body></html>';
  writeFileSync(path, Buffer.from(html.replace('“', '\x93').replace('”', '\x94').replace('–', '\x96'), 'latin1'));
  const [a] = articles(await readHtmlFile(path));
  assert.equal(a?.text, 'El ministro habló en Bogotá con “los negociadores” – según fuentes oficiales.');
});
