import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { tempFolder } from '../support/temp-folder.js';

/**
 * `ptlint check examples --format html` opened in Debian's headless Chromium: it renders (a screenshot that is not
 * blank, in the report's colours), its script runs without console errors, and it asks nothing of the network.
 */
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const repoRoot = join(import.meta.dirname, '..', '..');
const exampleFiles = readdirSync(join(repoRoot, 'examples'), { recursive: true }).filter((name) => String(name).endsWith('.yaml'));

let browser: Browser;
let page: Page;
let screenshot: PNG;
const consoleErrors: string[] = [];
const requests: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}; install it with \`bash scripts/browser-setup.sh\` (apt-get install -y chromium) and run the tests again`);
  }
  const folder = await tempFolder({});
  const run = await runCli(['check', 'examples', '--format', 'html', '--output', join(folder, 'report.html')], repoRoot);
  expect(run.stderr).toBe('');
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(pathToFileURL(join(folder, 'report.html')).href, { waitUntil: 'load' });
  screenshot = PNG.sync.read(await page.screenshot({ fullPage: false }));
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

/** Pixels within `tolerance` of an RGB colour. */
function pixelsNear(image: PNG, [red, green, blue]: readonly number[], tolerance: number): number {
  let count = 0;
  for (let offset = 0; offset < image.data.length; offset += 4) {
    const distance = Math.abs(image.data[offset] - red) + Math.abs(image.data[offset + 1] - green) + Math.abs(image.data[offset + 2] - blue);
    if (distance <= tolerance) count += 1;
  }
  return count;
}

describe('the HTML report in headless Chromium', () => {
  it('renders a screenshot that is not blank', () => {
    const pixels = screenshot.width * screenshot.height;
    const white = pixelsNear(screenshot, [255, 255, 255], 24);
    expect((pixels - white) / pixels).toBeGreaterThan(0.05);
  });

  it('draws the summary in the report colours (the red of failed filings, the chart bars)', () => {
    expect(pixelsNear(screenshot, [0xc6, 0x28, 0x28], 30)).toBeGreaterThan(500);
    expect(pixelsNear(screenshot, [0xef, 0x8f, 0x00], 30)).toBeGreaterThan(500);
  });

  it('logs no console errors', () => {
    expect(consoleErrors).toEqual([]);
  });

  it('requests nothing but the page itself', () => {
    expect(requests.filter((url) => !url.startsWith('file:') && !url.startsWith('data:'))).toEqual([]);
  });

  it('shows every linted file', async () => {
    expect(await page.locator('section.file').count()).toBe(exampleFiles.length);
  });

  it('hides findings of a severity when its box is unticked (the script runs)', async () => {
    const visibleWarnings = () => page.locator('li.finding[data-severity="warning"]:visible').count();
    expect(await visibleWarnings()).toBeGreaterThan(0);
    await page.locator('input[data-severity-toggle][value="warning"]').uncheck();
    expect(await visibleWarnings()).toBe(0);
    await page.locator('input[data-severity-toggle][value="warning"]').check();
    expect(await visibleWarnings()).toBeGreaterThan(0);
  });

  it('quotes the offending text and links each rule to its page', async () => {
    expect(await page.locator('pre.quote mark').allTextContents()).toContain('明显');
    const href = await page.locator('a.rule-link', { hasText: 'vague-target' }).first().getAttribute('href');
    expect(href).toBe(pathToFileURL(join(repoRoot, 'docs', 'rules', 'vague-target.md')).href);
  });
});
