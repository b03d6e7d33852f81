import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { coder, article, mentionsOf } from '../helpers/code.js';
import { parseTextArticle } from '../../src/ingest/index.js';

const find = (ms: Array<{ text: string; resolved: string }>, surface: RegExp) => ms.find((m) => surface.test(m.text));

test('seed 000: every person resolves to the role held on the date', { skip: !safeExists('../shared/seeds/000.txt') && 'shared seeds not present' }, () => {
  const [r] = parseTextArticle(readFileSync('../shared/seeds/000.txt', 'utf8'), { file: '000.txt' });
  assert.ok(r?.kind === 'article');
  const ms = coder().code(r.article).trace.flatMap((s) => s.mentions);
  const expect: Array<[RegExp, RegExp]> = [
    [/Lloyd Austin/, /USA\/MIL, secretario de Defensa/],
    [/Sergei Shoigu/, /RUS\/MIL, ministro de Defensa/],
    [/Mark Milley/, /USA\/MIL/],
    [/Gerasimov/, /RUS\/MIL/],
    [/John Kirby/, /USA\/MIL/],
  ];
  for (const [surface, resolution] of expect) assert.match(find(ms, surface)?.resolved ?? 'missing', resolution, surface.source);
});

test('the same person in two roles years apart', () => {
  const in2023 = mentionsOf('El ministro de Defensa ruso, Serguéi Shoigú, visitó Pionyang.', '2023-07-26');
  const in2025 = mentionsOf('El secretario del Consejo de Seguridad ruso, Serguéi Shoigú, visitó Pionyang.', '2025-06-04');
  assert.match(find(in2023, /Shoig/)?.resolved ?? '', /RUS\/MIL, ministro de Defensa/);
  assert.match(find(in2025, /Shoig/)?.resolved ?? '', /RUS\/GOV, secretario del Consejo de Seguridad/);
});

test('metonyms take their state and sector', () => {
  const ms = mentionsOf('El Kremlin respondió al Pentágono mientras Miraflores guardaba silencio y la Casa Rosada pedía calma.');
  assert.match(find(ms, /Kremlin/)?.resolved ?? '', /RUS\/GOV/);
  assert.match(find(ms, /Pentágono/)?.resolved ?? '', /USA\/MIL/);
  assert.match(find(ms, /Miraflores/)?.resolved ?? '', /VEN\/GOV/);
  assert.match(find(ms, /Casa Rosada/)?.resolved ?? '', /ARG\/GOV/);
});

test('demonyms in every form, as adjective of a collective or as a noun', () => {
  const ms = mentionsOf('Las autoridades surcoreanas y los militares norcoreanos se acusaron mutuamente, mientras los rusos callaban.');
  assert.match(find(ms, /autoridades surcoreanas/)?.resolved ?? '', /KOR\/GOV/);
  assert.match(find(ms, /militares norcoreanos/)?.resolved ?? '', /PRK\/MIL/);
  assert.match(find(ms, /rusos/)?.resolved ?? '', /state RUS/);
});

test('a title with a country and no name resolves to the holder on the date', () => {
  const ms = mentionsOf('El ministro de Defensa ruso llegó a Teherán.', '2022-05-13');
  assert.match(find(ms, /ministro de Defensa ruso/)?.resolved ?? '', /Shoigu/);
});

test('"canciller": head of government in Germany, foreign minister in Latin America', () => {
  const de = mentionsOf('El canciller alemán, Olaf Scholz, viajó a Kiev.', '2023-03-10');
  assert.match(find(de, /Scholz/)?.resolved ?? '', /DEU\/GOV/);
  const mx = mentionsOf('El canciller mexicano Roberto Salinas Ocampo se reunió con su par guatemalteco.', '2024-02-01');
  const salinas = find(mx, /Salinas/);
  assert.match(salinas?.resolved ?? '', /MEX\/GOV, ministro de Exteriores/);
  assert.match(salinas?.resolved ?? '', /person/);
});

test('people not in the KB are recognised from a title before or after the name', () => {
  const ms = mentionsOf('Lucía Ferrandis Arce, portavoz del Departamento de Estado, confirmó la reunión.', '2025-03-03');
  const m = find(ms, /Lucía Ferrandis Arce/);
  assert.match(m?.resolved ?? '', /person USA\/GOV/);
});

test('"su homólogo ruso" is a counterpart in Russia; with a name it is that person', () => {
  const bare = mentionsOf('Milley intentará hablar con su homólogo ruso.', '2022-05-13');
  assert.match(find(bare, /homólogo ruso/)?.resolved ?? '', /counterpart RUS/);
  const named = mentionsOf('Austin habló con su homólogo ruso, Sergei Shoigu.', '2022-05-13');
  assert.match(find(named, /homólogo ruso, Sergei Shoigu/)?.resolved ?? '', /Shoigu \[person RUS\/MIL/);
});

test('a surname alone refers to the person named in full earlier', () => {
  const ms = mentionsOf('El canciller chino, Wang Yi, recibió a Blinken. Wang pidió respeto.', '2023-06-19');
  const wang = ms.filter((m) => /Wang/.test(m.text));
  assert.equal(wang.length, 2);
  assert.ok(wang.every((m) => /Wang Yi \[person CHN/.test(m.resolved)));
});

test('streets, clubs and squares named after a person or a country are not that actor', () => {
  const ms = mentionsOf('La marcha recorrió la avenida Simón Bolívar y la calle Estados Unidos hasta la Plaza de Mayo, junto al estadio del Real Madrid.');
  assert.equal(find(ms, /Bolívar/), undefined);
  assert.equal(find(ms, /Estados Unidos/), undefined);
  assert.equal(find(ms, /Madrid/), undefined);
});

function safeExists(p: string): boolean {
  try { readFileSync(p); return true; } catch { return false; }
}
void article;

test('a demonym inside a title ("la ministra australiana de Exteriores") still reads as the full title', () => {
  const ms = mentionsOf('La ministra australiana de Exteriores, Penny Wong, se reunió con el ministro ruso de Defensa.', '2024-02-15');
  assert.match(find(ms, /ministra australiana de Exteriores, Penny Wong/)?.resolved ?? '', /Penny Wong \[person AUS/);
  assert.match(find(ms, /ministro ruso de Defensa/)?.resolved ?? '', /Shoigu/);
});

test('political parties are PTY actors of their state; an ambiguous party name is not forced onto one state', () => {
  const ms = mentionsOf('El PSOE y Vox se acusaron mutuamente mientras Morena celebraba su victoria.', '2024-06-03');
  assert.match(find(ms, /PSOE/)?.resolved ?? '', /ESP\/PTY/);
  assert.match(find(ms, /Morena/)?.resolved ?? '', /MEX\/PTY/);
  const nk = mentionsOf('Fue recibido por altos funcionarios del Partido de los Trabajadores en Pionyang.', '2025-06-05');
  assert.doesNotMatch(nk.map((m) => m.resolved).join(' '), /BRA/);
});
