// `npm start`: builds the extension, serves the bundled demo CRM on 127.0.0.1, and opens a browser
// with Touchbook loaded on a demo client card, the side panel beside it. Without a display (or
// with --headless) it writes screenshots into demo-output/ instead and exits.
//
//   npm start                       Chromium
//   npm start -- --browser firefox  Firefox ESR
//   npm start -- --headless         screenshots only
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { browserAvailable, EXECUTABLES, launchWithExtension } from './lib/browser-session.mjs';
import { CrmPage, OptionsPage, SidePanelPage } from './lib/pages.mjs';
import { BROWSER_PACKAGES, run } from './lib/run.mjs';
import { startDemoServer } from './serve-demo.mjs';

const { values } = parseArgs({
  options: {
    browser: { type: 'string', default: 'chromium' },
    headless: { type: 'boolean', default: false },
    client: { type: 'string', default: 'c-101' },
    port: { type: 'string', default: '0' },
  },
});
const browserName = values.browser === 'firefox' ? 'firefox' : 'chromium';
const headless = values.headless || !(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const outputDir = path.resolve('demo-output');

if (!browserAvailable(browserName)) {
  console.error(`${EXECUTABLES[browserName]} not found: sudo apt-get install -y ${BROWSER_PACKAGES[browserName]}`);
  process.exit(1);
}

console.log('Building the extension…');
if ((await run('npm', ['run', '--silent', 'build:demo'])) !== 0) process.exit(1);

const demo = await startDemoServer({ port: Number(values.port) });
console.log(`Demo CRM: ${demo.url}`);
const session = await launchWithExtension(browserName, { headless });
const stop = async () => {
  await session.close();
  await demo.close();
};

try {
  // What a new user does: enable the CRM and write their name and company in the options page,
  // then open a client card.
  const options = new OptionsPage(await session.openExtensionPage('options.html', { width: 900, height: 700 }));
  await options.enableSite(demo.url);
  await options.setProfile({ managerName: 'Daniel Novak', companyName: 'Harbourside Motors' });
  const crm = new CrmPage(await session.browser.newPage());
  await crm.page.setViewport({ width: 1280, height: 800 });
  await crm.openClient(demo.url, values.client);
  const panel = new SidePanelPage(await session.openExtensionPage('sidepanel.html', { width: 420, height: 800 }));
  const shown = await panel.waitForClient(await crm.page.$eval('.record-name', (node) => node.textContent ?? ''));
  console.log(`Side panel shows ${shown.name} (${[...shown.emails, ...shown.phones].join(', ')})`);
  const popup = await session.openExtensionPage('popup.html', { width: 380, height: 600 });
  // The figures the card's purchases and planned touches already give.
  const insights = await session.openExtensionPage('insights.html', { width: 1100, height: 900 });
  await insights.waitForSelector('[data-testid="headlines"], [data-testid="empty-state"]', { timeout: 15_000 });

  if (headless) {
    mkdirSync(outputDir, { recursive: true });
    const shots = [
      ['crm.png', crm.page],
      ['sidepanel.png', panel.page],
      ['popup.png', popup],
      ['options.png', options.page],
      ['insights.png', insights],
    ];
    for (const [file, page] of shots) {
      await page.bringToFront();
      const viewport =
        file === 'crm.png' ? { width: 1280, height: 800 } : file === 'insights.png' ? { width: 1100, height: 900 } : { width: 420, height: file === 'sidepanel.png' ? 800 : 640 };
      await page.setViewport(viewport);
      await page.screenshot({ path: path.join(outputDir, file) });
    }
    const files = shots.map(([file]) => String(file));
    // The combined picture is a convenience: the screenshots above are already written.
    await composeOverview(await session.browser.newPage(), path.join(outputDir, 'crm.png'), path.join(outputDir, 'sidepanel.png')).then(
      () => files.push('overview.png'),
      (error) => console.warn('could not compose overview.png:', error instanceof Error ? error.message : error),
    );
    console.log(`No display: screenshots written to ${outputDir}/ (${files.join(', ')})`);
    await stop();
  } else {
    await crm.page.bringToFront();
    console.log('Touchbook is running. Close the browser or press Ctrl+C to stop.');
    session.browser.on('disconnected', () => void demo.close().then(() => process.exit(0)));
    process.on('SIGINT', () => void stop().then(() => process.exit(0)));
  }
} catch (error) {
  console.error('npm start failed:', error);
  await stop();
  process.exit(1);
}

/**
 * One picture of the product as a person sees it: the CRM card with the side panel beside it.
 * @param {import('puppeteer-core').Page} page
 * @param {string} crmShot
 * @param {string} panelShot
 */
async function composeOverview(page, crmShot, panelShot) {
  const dataUrl = (/** @type {string} */ file) => `data:image/png;base64,${readFileSync(file).toString('base64')}`;
  await page.setViewport({ width: 1280 + 420, height: 800 });
  await page.setContent(
    `<body style="margin:0;display:flex;background:#d9dce1"><img src="${dataUrl(crmShot)}" width="1280" height="800">` +
      `<img src="${dataUrl(panelShot)}" width="420" height="800" style="border-left:1px solid #9aa0a6"></body>`,
    { waitUntil: 'domcontentloaded' },
  );
  await page.$$eval('img', (images) => Promise.all(images.map((image) => image.decode())));
  await page.screenshot({ path: path.join(outputDir, 'overview.png') });
}
