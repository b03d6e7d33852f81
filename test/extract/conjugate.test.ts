import assert from 'node:assert/strict';
import { test } from 'node:test';
import { conjugate } from '../../src/extract/conjugate.js';

const formsOf = (spec: Parameters<typeof conjugate>[0]) => new Map(conjugate(spec).map((f) => [f.form, f.tense]));

test('regular -ar verb: every tense the coder reads', () => {
  const f = formsOf({ lemma: 'hablar' });
  assert.equal(f.get('habla'), 'present');
  assert.equal(f.get('hablaron'), 'preterite');
  assert.equal(f.get('hablará'), 'future');
  assert.equal(f.get('hablaría'), 'conditional');
  assert.equal(f.get('hablaran'), 'subjunctive_past');
  assert.equal(f.get('hablado'), 'participle');
  assert.equal(f.get('hablando'), 'gerund');
});

test('stem changes: e→i (pedir), e→ie (negar), o→ue (acordar), u→ú (reunir)', () => {
  const pedir = formsOf({ lemma: 'pedir', stem: 'i' });
  assert.equal(pedir.get('pidió'), 'preterite');
  assert.equal(pedir.get('piden'), 'present');
  assert.ok(pedir.has('pidiendo'));
  assert.ok(!pedir.has('pedió'));
  assert.equal(formsOf({ lemma: 'negar', stem: 'ie' }).get('niega'), 'present');
  assert.equal(formsOf({ lemma: 'acordar', stem: 'ue' }).get('acuerdan'), 'present');
  assert.equal(formsOf({ lemma: 'reunirse', stem: 'ú' }).get('reúne'), 'present');
});

test('spelling changes before e and a, and -uir verbs', () => {
  assert.equal(formsOf({ lemma: 'atacar' }).get('ataqué'), 'preterite');
  assert.equal(formsOf({ lemma: 'entregar' }).get('entreguen'), 'subjunctive');
  assert.equal(formsOf({ lemma: 'amenazar' }).get('amenacé'), 'preterite');
  const exigir = formsOf({ lemma: 'exigir' });
  assert.equal(exigir.get('exijo'), 'present');
  assert.equal(exigir.get('exige'), 'present');
  assert.ok(!exigir.has('exigue'));
  assert.equal(formsOf({ lemma: 'destruir' }).get('destruyó'), 'preterite');
});

test('irregular bases carry their prefix: sostener, imponer, detener', () => {
  assert.equal(formsOf({ lemma: 'sostener', base: 'tener' }).get('sostuvo'), 'preterite');
  const imponer = formsOf({ lemma: 'imponer', base: 'poner' });
  assert.equal(imponer.get('impuso'), 'preterite');
  assert.equal(imponer.get('impuesto'), 'participle');
  assert.equal(imponer.get('impondrá'), 'future');
  assert.equal(formsOf({ lemma: 'detener', base: 'tener' }).get('detuvieron'), 'preterite');
});

test('enclitic infinitives and gerunds carry their accent', () => {
  const f = formsOf({ lemma: 'reunirse', stem: 'ú' });
  assert.ok(f.has('reunirse'));
  assert.ok(f.has('reuniéndose'));
});
