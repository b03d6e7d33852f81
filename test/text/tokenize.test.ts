import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from '../../src/text/tokenize.js';

const texts = (s: string): string[] => tokenize(s).map((t) => t.text);

test('words keep accents, ñ, internal hyphens and apostrophes', () => {
  assert.deepEqual(texts('El señor Núñez y Jae-myung citaron a d’Hondt y O\'Donnell.'), [
    'El', 'señor', 'Núñez', 'y', 'Jae-myung', 'citaron', 'a', 'd’Hondt', 'y', "O'Donnell", '.',
  ]);
});

test('abbreviations keep their periods: "EE.UU.", "EE. UU.", "Sr.", "a.m.", "núm."', () => {
  assert.deepEqual(texts('El Sr. López viajó a EE.UU. y a EE. UU. a las 10 a.m., según el núm. 5.'), [
    'El', 'Sr.', 'López', 'viajó', 'a', 'EE.UU.', 'y', 'a', 'EE.', 'UU.', 'a', 'las', '10', 'a.m.', ',', 'según', 'el', 'núm.', '5', '.',
  ]);
  // An ordinary word before a period does not keep it.
  assert.deepEqual(texts('Habló el ministro.'), ['Habló', 'el', 'ministro', '.']);
  // Initials before a capitalised word keep theirs.
  assert.deepEqual(texts('J. F. Kennedy'), ['J.', 'F.', 'Kennedy']);
  assert.deepEqual(texts('la vitamina C.'), ['la', 'vitamina', 'C', '.']);
});

test('numbers: thousands, decimals, times, ordinals', () => {
  assert.deepEqual(texts('Murieron 1.500 personas; la cifra subió un 3,5 % a las 11:20, el 1.º de mayo de 2022.'), [
    'Murieron', '1.500', 'personas', ';', 'la', 'cifra', 'subió', 'un', '3,5', '%', 'a', 'las', '11:20', ',', 'el', '1.º', 'de', 'mayo', 'de', '2022', '.',
  ]);
  assert.deepEqual(texts('G20 COVID-19'), ['G20', 'COVID-19']);
});

test('punctuation: one token each, an ellipsis as one', () => {
  assert.deepEqual(texts('¿Y ahora...? «No» (dijo) —sí—'), ['¿', 'Y', 'ahora', '...', '?', '«', 'No', '»', '(', 'dijo', ')', '—', 'sí', '—']);
});

test('offsets index the input (shifted by base) and norm is the folded text', () => {
  const text = '  El Kremlin acusó a Shoigú\u00a0de mentir…';
  for (const base of [0, 100]) {
    for (const t of tokenize(text, base)) assert.equal(text.slice(t.start - base, t.end - base), t.text);
  }
  const tokens = tokenize(text);
  assert.deepEqual(tokens.map((t) => t.norm), ['el', 'kremlin', 'acuso', 'a', 'shoigu', 'de', 'mentir', '…']);
  assert.deepEqual(tokenize('Año Señal').map((t) => t.norm), ['año', 'señal']);
  assert.equal(tokens[0]!.start, 2);
});

test('emoji and other symbols are single tokens with correct offsets', () => {
  const text = 'Votó 🇦🇷 sí';
  const tokens = tokenize(text);
  for (const t of tokens) assert.equal(text.slice(t.start, t.end), t.text);
  assert.equal(tokens[0]!.text, 'Votó');
  assert.equal(tokens[tokens.length - 1]!.text, 'sí');
});

test('an empty string has no tokens', () => {
  assert.deepEqual(tokenize(''), []);
  assert.deepEqual(tokenize(' \n\t '), []);
});
