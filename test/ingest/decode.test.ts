import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeBytes, isBinary, normalizeText } from '../../src/ingest/decode.js';

test('UTF-8 decodes as UTF-8', () => {
  const r = decodeBytes(Buffer.from('El ministro habló en Bogotá con el señor Núñez.', 'utf8'));
  assert.deepEqual(r, { ok: true, text: 'El ministro habló en Bogotá con el señor Núñez.', encoding: 'utf-8' });
});

test('windows-1252 bytes fall back instead of turning into U+FFFD', () => {
  const latin1 = Buffer.from('El ministro habló en Bogotá', 'latin1');
  assert.equal(latin1.length, 'El ministro habló en Bogotá'.length); // one byte per char: not UTF-8
  const r = decodeBytes(latin1);
  assert.ok(r.ok);
  assert.equal(r.text, 'El ministro habló en Bogotá');
  assert.equal(r.encoding, 'windows-1252');
});

test('windows-1252 specials (curly quotes, euro) decode as cp1252, not ISO-8859-1', () => {
  const bytes = Buffer.from([0x93, 0x41, 0x94, 0x20, 0x80]); // “A” €
  const r = decodeBytes(bytes);
  assert.ok(r.ok);
  assert.equal(r.text, '“A” €');
});

test('a declared charset is used when the bytes are not UTF-8', () => {
  const bytes = Buffer.from([0x44, 0x69, 0x6a, 0x6f, 0x20, 0xa4]); // "Dijo €" in ISO-8859-15
  const r = decodeBytes(bytes, 'iso-8859-15');
  assert.ok(r.ok);
  assert.equal(r.text, 'Dijo €');
});

test('a UTF-8 BOM is stripped', () => {
  const r = decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Ñandú', 'utf8')]));
  assert.ok(r.ok);
  assert.equal(r.text, 'Ñandú');
});

test('UTF-16 with a BOM is decoded, not called binary', () => {
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Habló el presidente', 'utf16le')]);
  const r = decodeBytes(le);
  assert.ok(r.ok);
  assert.equal(r.text, 'Habló el presidente');
  assert.equal(r.encoding, 'utf-16le');
});

test('text is NFC-normalised and line endings unified', () => {
  const decomposed = 'Bogota\u0301\r\nPeru\u0301\rfin';
  assert.equal(normalizeText(decomposed), 'Bogotá\nPerú\nfin');
  const r = decodeBytes(Buffer.from(decomposed, 'utf8'));
  assert.ok(r.ok);
  assert.equal(r.text, 'Bogotá\nPerú\nfin');
});

test('NUL bytes or mostly control bytes mean binary', () => {
  assert.equal(isBinary(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00])), true);
  assert.deepEqual(decodeBytes(Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01])), { ok: false, reason: 'binary file' });
  assert.equal(isBinary(Buffer.from(Array.from({ length: 100 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41)))), true);
  // A tab, form feed or escape here and there is still text.
  assert.equal(isBinary(Buffer.from('Columna\tvalor\fnueva página\x1b[0m', 'utf8')), false);
  assert.equal(isBinary(Buffer.alloc(0)), false);
});

test('a declared latin1 charset also gets real windows-1252', () => {
  const r = decodeBytes(Buffer.from([0x93, 0x53, 0xed, 0x94, 0x20, 0x96, 0x20, 0x80]), 'ISO-8859-1');
  assert.ok(r.ok);
  assert.equal(r.text, '“Sí” – €');
});
