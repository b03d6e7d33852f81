import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { identifyLanguage, loadLanguageDetector, normalizeLanguageTag } from '../../src/ingest/language.js';

before(loadLanguageDetector);

test('identifies Spanish, English and Portuguese news sentences', () => {
  assert.equal(identifyLanguage('El ministro de Defensa se reunió ayer con su homólogo para hablar de la frontera.'), 'es');
  assert.equal(identifyLanguage('The defence minister met his counterpart yesterday to discuss the border.'), 'en');
  assert.equal(identifyLanguage('O ministro da Defesa reuniu-se ontem com o seu homólogo para discutir a fronteira.'), 'pt');
});

test('text without letters has no language', () => {
  assert.equal(identifyLanguage(''), null);
  assert.equal(identifyLanguage('2024 - 05 - 13 / 11:20'), null);
});

test('language tags reduce to the primary subtag', () => {
  assert.equal(normalizeLanguageTag('es-MX'), 'es');
  assert.equal(normalizeLanguageTag('ES'), 'es');
  assert.equal(normalizeLanguageTag('pt_BR'), 'pt');
  assert.equal(normalizeLanguageTag('español'), null);
  assert.equal(normalizeLanguageTag(42), null);
});
