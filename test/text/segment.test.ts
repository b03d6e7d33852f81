import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { cleanText } from '../../src/clean/index.js';
import { splitFrontMatter } from '../../src/ingest/front-matter.js';
import { cutLong, segment, splitParagraphs, splitSentences } from '../../src/text/segment.js';
import type { Segmented } from '../../src/text/model.js';

const sentences = (text: string): string[] => segment(text).sentences.map((s) => s.text);

/** Every unit's text is the slice its offsets name, and tokens lie inside their sentence. */
function assertOffsets(doc: Segmented): void {
  for (const p of doc.paragraphs) assert.equal(doc.text.slice(p.start, p.end), p.text);
  for (const s of doc.sentences) {
    assert.equal(doc.text.slice(s.start, s.end), s.text);
    const p = doc.paragraphs[s.paragraph]!;
    assert.ok(s.start >= p.start && s.end <= p.end);
    for (const t of s.tokens) {
      assert.equal(doc.text.slice(t.start, t.end), t.text);
      assert.ok(t.start >= s.start && t.end <= s.end);
    }
  }
}

test('"EE. UU." does not end a sentence before lower case or a comma, and may end one before a capital', () => {
  assert.deepEqual(sentences('El secretario de Defensa de EE. UU., Lloyd Austin, habló con Shoigu. Fue la primera llamada.'), [
    'El secretario de Defensa de EE. UU., Lloyd Austin, habló con Shoigu.',
    'Fue la primera llamada.',
  ]);
  assert.deepEqual(sentences('Los ejércitos de EE. UU. y Rusia operan cerca. Nadie lo niega.'), [
    'Los ejércitos de EE. UU. y Rusia operan cerca.',
    'Nadie lo niega.',
  ]);
  assert.deepEqual(sentences('La delegación regresó a EE. UU. El lunes habrá otra reunión.'), [
    'La delegación regresó a EE. UU.',
    'El lunes habrá otra reunión.',
  ]);
  assert.deepEqual(sentences('Viajó a EE.UU. y luego a Canadá. Volvió el martes.'), ['Viajó a EE.UU. y luego a Canadá.', 'Volvió el martes.']);
});

test('titles: "Sr.", "Sra.", "Dr.", "Gral." never end a sentence', () => {
  assert.deepEqual(sentences('El Sr. García y la Sra. López recibieron al Dr. Méndez. El Gral. Ortiz no asistió.'), [
    'El Sr. García y la Sra. López recibieron al Dr. Méndez.',
    'El Gral. Ortiz no asistió.',
  ]);
});

test('"a.m.", "p.m.", "núm.", "art." and "etc." before lower case', () => {
  assert.deepEqual(sentences('La sesión empezó a las 10 a.m. del lunes y terminó a las 3 p.m. del martes. Nadie votó.'), [
    'La sesión empezó a las 10 a.m. del lunes y terminó a las 3 p.m. del martes.',
    'Nadie votó.',
  ]);
  assert.deepEqual(sentences('El decreto núm. 45 modifica el art. 3 de la ley. Entra en vigor hoy.'), [
    'El decreto núm. 45 modifica el art. 3 de la ley.',
    'Entra en vigor hoy.',
  ]);
  assert.deepEqual(sentences('Llevaron mantas, agua, medicinas, etc. y lo entregaron todo. Luego se fueron.'), [
    'Llevaron mantas, agua, medicinas, etc. y lo entregaron todo.',
    'Luego se fueron.',
  ]);
  // "etc." before a capital does end the sentence.
  assert.deepEqual(sentences('Llevaron mantas, agua, etc. Luego se fueron.'), ['Llevaron mantas, agua, etc.', 'Luego se fueron.']);
});

test('initials and decimal numbers', () => {
  assert.deepEqual(sentences('El senador citó a J. F. Kennedy en su discurso. Nadie aplaudió.'), [
    'El senador citó a J. F. Kennedy en su discurso.',
    'Nadie aplaudió.',
  ]);
  assert.deepEqual(sentences('La economía creció un 3.5 por ciento. La inflación bajó a 4,2.'), [
    'La economía creció un 3.5 por ciento.',
    'La inflación bajó a 4,2.',
  ]);
});

test('quotes: a closing quote or guillemet followed by lower case continues the sentence', () => {
  assert.deepEqual(sentences('«No aceptaremos ese acuerdo.» dijo el portavoz. El Gobierno calló.'), [
    '«No aceptaremos ese acuerdo.» dijo el portavoz.',
    'El Gobierno calló.',
  ]);
  assert.deepEqual(sentences('¿Habrá elecciones? preguntó la periodista. Nadie respondió.'), [
    '¿Habrá elecciones? preguntó la periodista.',
    'Nadie respondió.',
  ]);
  assert.deepEqual(sentences('Los rusos «se han negado a participar.» Después hablaron otra vez.'), [
    'Los rusos «se han negado a participar.»',
    'Después hablaron otra vez.',
  ]);
});

test('a short quotation of several sentences stays with its attribution', () => {
  assert.deepEqual(sentences('"Fue una charla franca. Fue útil para ambas partes", concluyó el comunicado. Nada más.'), [
    '"Fue una charla franca. Fue útil para ambas partes", concluyó el comunicado.',
    'Nada más.',
  ]);
  assert.deepEqual(sentences('«No habrá tregua. No habrá diálogo», advirtió el general. La tensión sube.'), [
    '«No habrá tregua. No habrá diálogo», advirtió el general.',
    'La tensión sube.',
  ]);
  // Unbalanced quotes do not swallow the paragraph.
  const unbalanced = `«Una cita sin cierre. ${'Otra frase sin comillas que sigue y sigue. '.repeat(20)}`;
  assert.ok(segment(unbalanced).sentences.length > 15);
});

test('paragraphs: blank lines, and single newlines between headline-like lines', () => {
  const text = 'En una llamada telefónica\nPutin y Biden discutieron la seguridad europea\n31 de diciembre de 2021 11.20\n\nEl presidente habló.';
  assert.deepEqual(splitParagraphs(text).map((p) => p.text), [
    'En una llamada telefónica',
    'Putin y Biden discutieron la seguridad europea',
    '31 de diciembre de 2021 11.20',
    'El presidente habló.',
  ]);
});

test('paragraphs: hard-wrapped prose stays one paragraph and one sentence', () => {
  const text = 'El ministro de Relaciones Exteriores de Chile se reunió\nayer con su homólogo argentino para revisar el tratado\nde límites firmado hace décadas entre los dos países.';
  const doc = segment(text);
  assert.equal(doc.paragraphs.length, 1);
  assert.equal(doc.sentences.length, 1);
  assert.equal(doc.sentences[0]!.text, text);
  assertOffsets(doc);
});

test('a line continuing in lower case is not split off', () => {
  assert.deepEqual(splitParagraphs('El Sr. Pérez dijo\nque no vendrá.').map((p) => p.text), ['El Sr. Pérez dijo\nque no vendrá.']);
});

test('offsets: every paragraph, sentence and token is the slice it names; paragraph indices follow', () => {
  const text = '  Titular de prueba\n\nEl Sr. López viajó a EE. UU. el 3 de mayo. «Fue útil», dijo.\n\n\nOtro párrafo, con d’Hondt y 1.500 votos…  ';
  const doc = segment(text);
  assertOffsets(doc);
  assert.equal(doc.text, text);
  assert.deepEqual(doc.sentences.map((s) => s.paragraph), [0, 1, 1, 2]);
  assert.deepEqual(doc.paragraphs.map((p) => p.text), ['Titular de prueba', 'El Sr. López viajó a EE. UU. el 3 de mayo. «Fue útil», dijo.', 'Otro párrafo, con d’Hondt y 1.500 votos…']);
});

test('seed 000 after cleaning: "EE. UU." kept inside sentences, offsets exact', () => {
  const input = splitFrontMatter(readFileSync('/work/shared/seeds/000.txt', 'utf8')).body;
  const doc = segment(cleanText(input).text);
  assertOffsets(doc);
  assert.equal(doc.paragraphs.length, 10);
  const first = doc.sentences[0]!;
  assert.equal(first.text, 'El secretario de Defensa de EE. UU., Lloyd Austin, habla con su homólogo ruso, Sergei Shoigu, por primera vez desde que Rusia invadió Ucrania.');
  assert.ok(doc.sentences.some((s) => s.text.endsWith('los ejércitos de EE. UU. y Rusia.')));
  assert.ok(doc.sentences.every((s) => !/^(UU|EE)\./.test(s.text)));
});

test('very long paragraphs are cut before the segmenter and stay linear in time', () => {
  const sentence = 'El comité revisó el presupuesto del Sr. Gómez; ';
  const text = `${sentence.repeat(5000)}Fin.`; // ~240,000 characters, one paragraph
  const t0 = performance.now();
  const doc = segment(text);
  assert.ok(performance.now() - t0 < 5000, 'segmenting took too long');
  assertOffsets(doc);
  const pieces = cutLong(text, 0, text.length);
  assert.ok(pieces.length > 1);
  assert.ok(pieces.every((p) => p.end - p.start <= 20_000));
  assert.equal(pieces.map((p) => text.slice(p.start, p.end)).join(''), text);
  // Cuts fall after "; ", never inside a word.
  assert.ok(pieces.slice(0, -1).every((p) => text.slice(p.end - 2, p.end) === '; '));
});

test('splitSentences works on a slice of a larger text', () => {
  const text = 'Antes. El Dr. Ruiz llegó. Después.';
  const spans = splitSentences(text, 7, 25);
  assert.deepEqual(spans.map((s) => text.slice(s.start, s.end)), ['El Dr. Ruiz llegó.']);
});

test('empty and whitespace-only text', () => {
  assert.deepEqual(segment(''), { text: '', paragraphs: [], sentences: [] });
  assert.deepEqual(segment(' \n\n \n').sentences, []);
});
