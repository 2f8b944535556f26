// In real Chromium with the built extension: time from a cold browser start to the side panel
// showing the client, and from a CRM record change (pushState) to the panel showing the new one.
import { browserAvailable, launchWithExtension } from '../lib/browser-session.mjs';
import { CrmPage, OptionsPage, SidePanelPage } from '../lib/pages.mjs';
import { run as exec } from '../lib/run.mjs';
import { startDemoServer } from '../serve-demo.mjs';

const NAVIGATIONS = 20;

export async function run() {
  if (!browserAvailable('chromium')) throw new Error('chromium is not installed');
  if ((await exec('npm', ['run', '--silent', 'build:demo'])) !== 0) throw new Error('build failed');
  const demo = await startDemoServer();
  const started = performance.now();
  const session = await launchWithExtension('chromium');
  try {
    const options = new OptionsPage(await session.openExtensionPage('options.html'));
    await options.enableSite(demo.url);
    const crm = new CrmPage(await session.browser.newPage());
    await crm.openClient(demo.url, 'c-101');
    const panel = new SidePanelPage(await session.openExtensionPage('sidepanel.html'));
    await panel.waitForClient(await crm.page.$eval('.record-name', (node) => node.textContent ?? ''));
    const coldStart = performance.now() - started;

    await crm.page.bringToFront();
    const latencies = [];
    for (let index = 0; index < NAVIGATIONS; index++) {
      const before = performance.now();
      await crm.goToNextClient().catch(async () => crm.openClient(demo.url, 'c-101')); // wrap at the last client
      const name = await crm.page.$eval('.record-name', (node) => node.textContent ?? '');
      await panel.waitForClient(name);
      latencies.push(performance.now() - before);
    }
    latencies.sort((a, b) => a - b);
    const percentile = (/** @type {number} */ p) => latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)] ?? NaN;
    return [
      { name: 'cold start to side panel showing the client (Chromium)', value: coldStart, unit: 'ms', note: 'launch, enable site, open card, open panel' },
      { name: `CRM navigation to panel update, p50 of ${NAVIGATIONS} (Chromium)`, value: percentile(50), unit: 'ms' },
      { name: `CRM navigation to panel update, p95 of ${NAVIGATIONS} (Chromium)`, value: percentile(95), unit: 'ms', budget: 300 },
    ];
  } finally {
    await session.close();
    await demo.close();
  }
}
