import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer-core';

/**
 * Launches Debian's Chromium or Firefox ESR with the built extension and gives both the same
 * shape, so every end-to-end test, `npm start` and the benchmarks run unchanged in each browser.
 * No test tool downloads a browser here: these are the system packages
 * (`apt-get install chromium firefox-esr`).
 *
 * @typedef {'chromium' | 'firefox'} BrowserName
 * @typedef {import('puppeteer-core').Browser} Browser
 * @typedef {import('puppeteer-core').Page} Page
 * @typedef {{
 *   name: BrowserName,
 *   browser: Browser,
 *   baseUrl: string,
 *   openExtensionPage: (pagePath: string, window?: { width?: number, height?: number }) => Promise<Page>,
 *   close: () => Promise<void>,
 * }} ExtensionSession
 *   `baseUrl` is `chrome-extension://<id>/` or `moz-extension://<uuid>/`; `openExtensionPage` opens
 *   an extension page (e.g. 'sidepanel.html') in a window of its own and returns it once loaded.
 */

/** @type {Record<BrowserName, string>} */
export const EXECUTABLES = {
  chromium: process.env.TOUCHBOOK_CHROMIUM ?? '/usr/bin/chromium',
  firefox: process.env.TOUCHBOOK_FIREFOX ?? '/usr/bin/firefox-esr',
};

/** The demo build: the shipped extension plus a granted host permission for 127.0.0.1. */
/** @type {Record<BrowserName, string>} */
export const DEMO_BUILDS = {
  chromium: path.resolve('.output-demo/chrome-mv3'),
  firefox: path.resolve('.output-demo/firefox-mv3'),
};

/** @param {BrowserName} name */
export function browserAvailable(name) {
  return existsSync(EXECUTABLES[name]);
}

/**
 * @param {BrowserName} name
 * @param {{ headless?: boolean, downloadDir?: string }} [options] `downloadDir`: files the pages
 *   download are saved there without asking (tests that check an export read them back).
 * @returns {Promise<ExtensionSession>}
 */
export async function launchWithExtension(name, { headless = true, downloadDir } = {}) {
  const extensionDir = DEMO_BUILDS[name];
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`${extensionDir} is missing: run \`npm run build:e2e\` first`);
  }
  const profile = mkdtempSync(path.join(tmpdir(), `touchbook-${name}-`));
  const browser =
    name === 'chromium'
      ? await puppeteer.launch({
          executablePath: EXECUTABLES.chromium,
          headless,
          pipe: true,
          enableExtensions: [extensionDir],
          userDataDir: profile,
          ...(downloadDir ? { downloadBehavior: { policy: 'allow', downloadPath: downloadDir } } : {}),
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--window-size=1280,900',
          ],
        })
      : await puppeteer.launch({
          browser: 'firefox',
          executablePath: EXECUTABLES.firefox,
          headless,
          userDataDir: profile,
          ...(downloadDir ? { downloadBehavior: { policy: 'allow', downloadPath: downloadDir } } : {}),
          extraPrefsFirefox: { 'extensions.manifestV3.enabled': true, ...FIREFOX_AUTOMATION_CSP, ...(downloadDir ? firefoxDownloadPrefs(downloadDir) : {}) },
        });

  try {
    if (name === 'firefox') await browser.installExtension(extensionDir);
    // The extension opens its options page on install (onboarding); that page is our way in,
    // because Firefox will not let automation navigate a tab to a moz-extension:// URL.
    const options = await waitForPage(browser, (url) => /^(chrome|moz)-extension:\/\/[^/]+\/options\.html/.test(url));
    const baseUrl = new URL('/', await currentUrl(options)).href;

    /** @type {ExtensionSession['openExtensionPage']} */
    const openExtensionPage = async (pagePath, { width = 420, height = 900 } = {}) => {
      const target = new URL(pagePath, baseUrl).href;
      const alreadyOpen = new Set(await browser.pages());
      // A window of its own, like a real side panel: the CRM tab stays visible (Touchbook does
      // not read hidden tabs) while the extension page is looked at.
      await options.evaluate(
        (url, size) => {
          // @ts-expect-error: runs in the extension page, where `browser` or `chrome` exists
          const api = globalThis.browser ?? globalThis.chrome;
          void api.windows.create({ url, focused: true, ...size });
        },
        target,
        { width, height },
      );
      const page = await waitForPage(browser, (url) => url === target, { exclude: alreadyOpen });
      await page.bringToFront(); // background tabs get no animation frames, which locators wait for
      return page;
    };

    /** @type {ExtensionSession} */
    const session = {
      name,
      browser,
      baseUrl,
      openExtensionPage,
      close: async () => {
        await browser.close().catch(() => undefined);
        rmSync(profile, { recursive: true, force: true });
      },
    };
    return session;
  } catch (error) {
    await browser.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Firefox saves into the folder without a dialog with these. Puppeteer's `downloadBehavior`
 * alone is not enough there: Firefox ESR 153 over WebDriver BiDi saved nothing without them.
 * @param {string} dir
 */
function firefoxDownloadPrefs(dir) {
  return {
    'browser.download.folderList': 2,
    'browser.download.dir': dir,
    'browser.download.useDownloadDir': true,
    'browser.download.always_ask_before_handling_new_types': false,
    'browser.download.manager.showWhenStarting': false,
    'browser.helperApps.neverAsk.saveToDisk': 'text/calendar,text/csv,application/json',
  };
}

/** Firefox over WebDriver BiDi may report a freshly opened extension tab as about:blank. */
/** @param {Page} page */
async function currentUrl(page) {
  const reported = page.url();
  if (reported !== 'about:blank') return reported;
  return page.evaluate(() => location.href).catch(() => reported);
}

/**
 * Puppeteer waits (waitForFunction, waitForSelector, locators) build their predicate in the page
 * with Function(); Firefox ESR 140.12 applies the extension pages' CSP to that too and every wait
 * on an extension page fails with "call to Function() blocked by CSP". The test profile's
 * extension CSP allows eval so the driver can wait; Chromium runs the same tests under the
 * shipped CSP, which the manifest does not relax.
 */
const FIREFOX_AUTOMATION_CSP = {
  'extensions.webextensions.base-content-security-policy.v3': "script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'; upgrade-insecure-requests;",
  'extensions.webextensions.default-content-security-policy.v3': "script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'; upgrade-insecure-requests;",
};

/** Polls the open tabs until one has a URL that satisfies `matches`, and waits for it to load. */
/**
 * @param {Browser} browser
 * @param {(url: string) => boolean} matches
 * @param {{ timeoutMs?: number, exclude?: Set<Page> }} [options]
 * @returns {Promise<Page>}
 */
export async function waitForPage(browser, matches, { timeoutMs = 15_000, exclude = new Set() } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const page of await browser.pages()) {
      if (!exclude.has(page) && matches(await currentUrl(page))) {
        await page.waitForFunction(() => document.readyState === 'complete', { timeout: 10_000 });
        return page;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const seen = (await browser.pages()).map((page) => page.url()).join(', ');
  throw new Error(`no tab matched within ${timeoutMs} ms (open: ${seen})`);
}
