// The web UI's DOM-free helpers: URL state and evidence splitting.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitAt } from '../../src/web/highlight.js';
import { formatHash, parseHash } from '../../src/web/route.js';

test('a view and its filters round-trip through the URL hash', () => {
  const r = parseHash('#/event/ev_46b6368f3f9e?actor=name%3Aconsejo+de+seguridad&type=consult&from=2025-01-01&to=nope&q=reuni%C3%B3n&view=events&offset=50');
  assert.deepEqual(r, {
    page: 'event', id: 'ev_46b6368f3f9e',
    filters: { actor: 'name:consejo de seguridad', type: 'CONSULT', from: '2025-01-01', q: 'reunión', view: 'events', offset: 50 },
  });
  assert.deepEqual(parseHash(formatHash(r)), r);
  assert.deepEqual(parseHash(''), { page: 'dashboard', filters: {} });
  assert.deepEqual(parseHash('#/actor/name%3Al%C3%ADderes'), { page: 'actor', id: 'name:líderes', filters: {} });
  assert.equal(formatHash({ page: 'dashboard', filters: { country: 'FRA', offset: 0 } }), '#/?country=FRA');
});

test('evidence splits into the text before, the span and the text after, offsets in UTF-16 units', () => {
  assert.deepEqual(splitAt('ab<c>d', 2, 5), { before: 'ab', marked: '<c>', after: 'd', exact: true });
  const text = 'Emoji 🇪🇸 y <img src=x onerror=alert(1)> fin';
  const start = text.indexOf('<img');
  const end = text.indexOf(' fin');
  const s = splitAt(text, start, end);
  assert.equal(s.marked, '<img src=x onerror=alert(1)>');
  assert.equal(s.before + s.marked + s.after, text);
  // Offsets past the end are clamped and flagged, never thrown.
  assert.deepEqual(splitAt('abc', 1, 99), { before: 'a', marked: 'bc', after: '', exact: false });
  assert.deepEqual(splitAt('abc', 2, 1), { before: 'ab', marked: '', after: 'c', exact: false });
});
