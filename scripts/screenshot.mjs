// Writes docs/screenshot.png: the dashboard (network, counts, timeline, table) over a fresh store
// of examples/, as `atalaya ingest` + `atalaya serve` + headless chromium show it.
// Usage: node scripts/screenshot.mjs [out.png]   (needs the build and /usr/bin/chromium)
import { join } from 'node:path';
import { launchChromium, ROOT, startUi } from './web-harness.mjs';

const out = process.argv[2] ?? join(ROOT, 'docs/screenshot.png');
const ui = await startUi();
let browser;
try {
  browser = await launchChromium(['--lang=es-ES']);
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'es-ES', deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(ui.url);
  await page.getByTestId('event-row').first().waitFor();
  await page.locator('[data-testid=network-canvas] canvas').first().waitFor();
  await page.locator('.vis-item').first().waitFor();
  await page.locator('[data-testid=stats-plot] svg').first().waitFor();
  await page.waitForTimeout(500); // layout and fonts settle
  await page.screenshot({ path: out });
  process.stderr.write(`wrote ${out}\n`);
} finally {
  await browser?.close();
  await ui.stop();
}
