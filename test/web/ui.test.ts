// The web UI in a real browser over a real server: `atalaya ingest examples/` into a temp store,
// `atalaya serve`, headless chromium (Debian's /usr/bin/chromium through playwright-core).
// Needs the build (dist/cli, dist/web), which `npm install` runs. Skipped without chromium
// unless CI is set, where a missing browser is a failure.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM, launchChromium, startUi } from '../../scripts/web-harness.mjs';

const skip = !existsSync(CHROMIUM) && !process.env.CI
  ? `no browser at ${CHROMIUM}: install it with "apt-get install -y chromium" (with CI set this is a failure)`
  : false;

// An article whose text holds markup: it must show literally, never run.
const HOSTILE = `---
id: hostil
published: 2025-09-10
outlet: Prueba <b>negrita</b>
title: Prueba <script>alert("titulo")</script>
---
El presidente francés, Emmanuel Macron, se reunió el martes en París con el presidente brasileño, Luiz Inácio Lula da Silva, <script>alert("x")</script> y <img src=x onerror=alert(2)> para hablar del acuerdo comercial.
`;

interface Listed { id: string; article: string; type: string; story: string; evidence: { text: string; start: number; end: number } }
interface EventList { total: number; items: Listed[] }

describe('web UI', { skip }, () => {
  let ui: Awaited<ReturnType<typeof startUi>>;
  let browser: Browser;
  let inputs: string;
  const dialogs: string[] = [];
  const pageErrors: string[] = [];

  const api = async <T>(path: string): Promise<T> => {
    const r = await fetch(new URL(`api/${path}`, ui.url));
    assert.equal(r.status, 200, `GET /api/${path}`);
    return (await r.json()) as T;
  };

  const open = async (hash = ''): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(ui.url + hash);
    return page;
  };

  const total = (page: Page) => page.getByTestId('events-total').getAttribute('data-total');
  const rowIds = (page: Page) => page.getByTestId('event-row').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.id));
  const waitTotal = (page: Page, n: number) =>
    page.waitForFunction((want) => document.querySelector('[data-testid=events-total]')?.getAttribute('data-total') === String(want)
      && document.querySelector('[data-testid=events]')?.getAttribute('data-loading') === 'false', n);

  before(async () => {
    inputs = mkdtempSync(join(tmpdir(), 'atalaya-ui-in-'));
    writeFileSync(join(inputs, 'hostil.txt'), HOSTILE);
    ui = await startUi({ extraInputs: [inputs] });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await ui?.stop();
    if (inputs) rmSync(inputs, { recursive: true, force: true });
  });

  test('the dashboard lists the stories and draws the network, timeline and counts', async () => {
    const all = await api<EventList>('events?limit=500');
    const net = await api<{ nodes: unknown[] }>('network');
    const page = await open();
    await waitTotal(page, all.total);
    assert.deepEqual(await rowIds(page), all.items.slice(0, 50).map((e) => e.id));
    await page.waitForFunction((n) => document.querySelector('[data-testid=network-canvas]')?.getAttribute('data-nodes') === String(n) && !!document.querySelector('[data-testid=network-canvas] canvas'), net.nodes.length);
    await page.locator('.vis-item').first().waitFor();
    assert.ok(await page.locator('.vis-item').count() > 0);
    await page.locator('[data-testid=stats-plot] svg rect').first().waitFor();
    await page.close();
  });

  test('a type filter narrows the table to that type, lives in the URL and survives a reload', async () => {
    const all = await api<EventList>('events');
    const consult = await api<EventList>('events?type=CONSULT');
    assert.ok(consult.total > 0 && consult.total < all.total, 'the examples hold CONSULT stories and others');
    const page = await open();
    await waitTotal(page, all.total);
    await page.getByTestId('filter-type').selectOption('CONSULT');
    await waitTotal(page, consult.total);
    assert.deepEqual(await rowIds(page), consult.items.map((e) => e.id));
    const types = await page.getByTestId('event-row').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.type));
    assert.ok(types.length > 0 && types.every((t) => t === 'CONSULT'), types.join());
    assert.match(new URL(page.url()).hash, /[?&]type=CONSULT\b/);
    await page.reload();
    await waitTotal(page, consult.total);
    assert.equal(await page.getByTestId('filter-type').inputValue(), 'CONSULT');
    await page.getByTestId('filter-reset').click();
    await waitTotal(page, all.total);
    await page.close();
  });

  test('the actor filter autocompletes a name and keeps only that actor\'s stories', async () => {
    const macron = await api<EventList>('events?actor=emmanuel-macron');
    const all = await api<EventList>('events');
    assert.ok(macron.total > 0 && macron.total < all.total);
    const page = await open();
    await waitTotal(page, all.total);
    await page.getByTestId('filter-actor').fill('macron');
    const option = page.locator('[data-testid=filter-actor-option][data-id="emmanuel-macron"]');
    await option.click();
    await waitTotal(page, macron.total);
    assert.deepEqual(await rowIds(page), macron.items.map((e) => e.id));
    assert.match(new URL(page.url()).hash, /[?&]actor=emmanuel-macron\b/);
    assert.equal(await page.getByTestId('filter-actor-chosen').locator('.chip-text').textContent(), 'Emmanuel Macron');
    await page.close();
  });

  test('an event opens with its evidence marked inside the article text, and its story sources', async () => {
    const consult = await api<EventList>('events?type=CONSULT');
    const page = await open('#/?type=CONSULT');
    await waitTotal(page, consult.total);
    const row = page.getByTestId('event-row').first();
    const id = await row.getAttribute('data-id');
    assert.ok(id);
    await row.click();
    const mark = page.getByTestId('evidence');
    await mark.waitFor();
    const detail = await api<{ event: Listed; sources: { event: string }[] }>(`events/${id}`);
    const art = await api<{ article: { text: string } }>(`articles/${encodeURIComponent(detail.event.article)}`);
    const { start, end, text } = detail.event.evidence;
    assert.ok(end > start);
    assert.equal(await mark.textContent(), art.article.text.slice(start, end));
    assert.equal(await mark.textContent(), text);
    assert.equal(await page.getByTestId('article-text').textContent(), art.article.text);
    assert.equal(await page.getByTestId('story-source').count(), detail.sources.length);
    assert.equal(await page.getByTestId('evidence-mismatch').count(), 0);
    assert.match(new URL(page.url()).hash, new RegExp(`^#/event/${id}\\?type=CONSULT$`));
    await page.close();
  });

  test('markup in an article shows as text and never runs', async () => {
    const list = await api<EventList>('events?view=events&limit=500');
    const ev = list.items.find((e) => e.article === 'hostil');
    assert.ok(ev, 'the hostile article was coded into an event');
    assert.match(ev.evidence.text, /<img src=x onerror=alert\(2\)>/);
    const page = await open(`#/event/${ev.id}`);
    const mark = page.getByTestId('evidence');
    await mark.waitFor();
    assert.equal(await mark.textContent(), ev.evidence.text);
    const article = page.getByTestId('article-text');
    assert.match((await article.textContent()) ?? '', /<script>alert\("x"\)<\/script> y <img src=x onerror=alert\(2\)>/);
    assert.equal(await page.locator('[data-testid=event-view] img, [data-testid=event-view] script, [data-testid=event-view] b').count(), 0);
    assert.equal(await page.getByTestId('article-title').textContent(), 'Prueba <script>alert("titulo")</script>');
    // The dashboard shows the same evidence in the table and the timeline.
    await page.goto(`${ui.url}#/?q=onerror`);
    await page.getByTestId('event-row').first().waitFor();
    await page.locator('.vis-item').first().waitFor();
    assert.equal(await page.locator('#app img').count(), 0);
    await page.waitForTimeout(300); // an injected <img src=x onerror> would have fired by now
    assert.deepEqual(dialogs, []);
    await page.close();
  });

  test('the actor view shows roles, counterparts and counts; the language toggle switches labels', async () => {
    const detail = await api<{ actor: { name: string }; roles: unknown[]; counterparts: unknown[] }>('actors/emmanuel-macron');
    const page = await open('#/actor/emmanuel-macron');
    await page.getByTestId('actor-view').waitFor();
    assert.equal(await page.getByTestId('actor-name').textContent(), detail.actor.name);
    assert.equal(await page.getByTestId('counterpart-row').count(), detail.counterparts.length);
    assert.equal(await page.getByTestId('role-row').count(), detail.roles.length);
    await page.locator('[data-testid=actor-plot] svg rect').first().waitFor();
    assert.equal(await page.locator('[data-testid=actor-counterparts] h2').textContent(), 'Contrapartes');
    await page.getByTestId('lang-toggle').click();
    assert.equal(await page.locator('[data-testid=actor-counterparts] h2').textContent(), 'Counterparts');
    // The lang attribute is set by an effect after the labels render: wait for it rather than race it.
    await page.waitForFunction(() => document.documentElement.lang === 'en', undefined, { timeout: 5000 });
    await page.close();
  });

  test('no script error on any page', () => {
    assert.deepEqual(pageErrors, []);
  });
});
