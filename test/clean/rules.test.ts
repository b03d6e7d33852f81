import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BoilerplateFileSchema, compileRules, loadBoilerplateRules } from '../../src/clean/rules.js';
import { loadLangData } from '../../src/lang/load.js';

test('es boilerplate.yaml validates and has the rule ids the pipeline reports', () => {
  const data = BoilerplateFileSchema.parse(loadLangData('es', 'boilerplate'));
  const ids = data.rules.map((r) => r.id);
  for (const id of [
    'es.share.follow', 'es.newsletter', 'es.comments.form', 'es.crosslink.read', 'es.crosslink.leetambien',
    'es.related.section', 'es.caption.credit', 'es.ads', 'es.syndication.disclaimer',
  ]) assert.ok(ids.includes(id), id);
  assert.equal(new Set(ids).size, ids.length, 'rule ids are unique');
  assert.ok(loadBoilerplateRules('es').rules.length === ids.length);
});

test('a bad pattern names its rule', () => {
  assert.throws(
    () => compileRules({ teaser: { maxLength: 160, maxLines: 5, proseEnd: '[.]$' }, maxLineLength: 600, rules: [{ id: 'es.roto', kind: 'block', patterns: ['(sin cerrar'] }] }),
    /es\.roto/,
  );
});

test('block and section patterns are anchored at both ends, prefix patterns at the start', () => {
  const compiled = compileRules({
    teaser: { maxLength: 160, maxLines: 5, proseEnd: '[.]$' },
    maxLineLength: 600,
    rules: [
      { id: 'x.block', kind: 'block', patterns: ['Publicidad'] },
      { id: 'x.prefix', kind: 'prefix', patterns: ['Lee también:'] },
    ],
  });
  const [block, prefix] = compiled.rules;
  assert.equal(block!.regexes[0]!.test('Publicidad'), true);
  assert.equal(block!.regexes[0]!.test('La publicidad institucional'), false);
  assert.equal(prefix!.regexes[0]!.test('Lee también: Algo'), true);
  assert.equal(prefix!.regexes[0]!.test('Ayer Lee también: Algo'), false);
});

test('a language without data has no rules', () => {
  assert.deepEqual(loadBoilerplateRules('xx').rules, []);
});
