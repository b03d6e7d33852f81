import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bandKeys, signature, similarity } from '../../src/store/minhash.js';

const BASE = 'El presidente de Brasil, Luiz Inácio Lula da Silva, ha mantenido este martes una conversación telefónica con su homólogo francés, '
  + 'Emmanuel Macron, en la que le ha pedido que Francia no bloquee la ratificación del acuerdo comercial entre la Unión Europea y Mercosur. '
  + 'La llamada, de unos cuarenta minutos, se produjo a iniciativa del mandatario brasileño, según fuentes del Palacio del Planalto.';

test('a syndicated copy with a changed tail scores near 1 and shares an LSH bucket', () => {
  const copy = `${BASE} Esta información fue reproducida por El Eco de la Costa.`;
  const a = signature(BASE);
  const b = signature(copy);
  assert.ok(similarity(a, b) > 0.8, `similarity ${similarity(a, b)}`);
  const ka = bandKeys(a);
  const kb = bandKeys(b);
  assert.ok(ka.some((k, i) => k === kb[i]), 'no shared band');
});

test('case, accents and spacing do not change the signature', () => {
  assert.equal(similarity(signature(BASE), signature(BASE.toUpperCase().replace(/ó/g, 'o').replace(/ /g, '  '))), 1);
});

test('a different story on the same topic is far below the near-copy threshold', () => {
  const other = 'Macron confirmó desde París que asistirá a la cumbre del clima en Belém, donde se reunirá con Lula para repasar el acuerdo '
    + 'con Mercosur, que Francia considera todavía insuficiente para proteger a sus agricultores frente a la competencia sudamericana.';
  assert.ok(similarity(signature(BASE), signature(other)) < 0.3);
});

test('signatures are deterministic across calls', () => {
  assert.deepEqual([...signature(BASE)], [...signature(BASE)]);
  assert.deepEqual(bandKeys(signature(BASE)), bandKeys(signature(BASE)));
});
