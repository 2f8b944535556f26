import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

/**
 * Launches Debian's Chromium or Firefox ESR with the built extension and gives both the same
 * shape, so every end-to-end test runs unchanged in each browser. No test tool downloads a
 * browser here: these are the system packages (`apt-get install chromium firefox-esr`).
 */
export type BrowserName = 'chromium' | 'firefox';

export const EXECUTABLES: Record<BrowserName, string> = {
  chromium: process.env.TOUCHBOOK_CHROMIUM ?? '/usr/bin/chromium',
  firefox: process.env.TOUCHBOOK_FIREFOX ?? '/usr/bin/firefox-esr',
};

export const E2E_BUILDS: Record<BrowserName, string> = {
  chromium: path.resolve('.output-e2e/chrome-mv3'),
  firefox: path.resolve('.output-e2e/firefox-mv3'),
};

export interface ExtensionSession {
  name: BrowserName;
  browser: Browser;
  /** `chrome-extension://<id>/` or `moz-extension://<uuid>/`. */
  baseUrl: string;
  /** Opens an extension page (e.g. 'sidepanel.html') in a new tab and returns it once loaded. */
  openExtensionPage: (pagePath: string) => Promise<Page>;
  close: () => Promise<void>;
}

export function browserAvailable(name: BrowserName): boolean {
  return existsSync(EXECUTABLES[name]);
}

export async function launchWithExtension(name: BrowserName): Promise<ExtensionSession> {
  const extensionDir = E2E_BUILDS[name];
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`${extensionDir} is missing: run \`npm run build:e2e\` first`);
  }
  const profile = mkdtempSync(path.join(tmpdir(), `touchbook-${name}-`));
  const browser =
    name === 'chromium'
      ? await puppeteer.launch({
          executablePath: EXECUTABLES.chromium,
          headless: true,
          pipe: true,
          enableExtensions: [extensionDir],
          userDataDir: profile,
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
          headless: true,
          userDataDir: profile,
          extraPrefsFirefox: { 'extensions.manifestV3.enabled': true },
        });

  try {
    if (name === 'firefox') await browser.installExtension(extensionDir);
    // The extension opens its options page on install (onboarding); that page is our way in,
    // because Firefox will not let automation navigate a tab to a moz-extension:// URL.
    const options = await waitForPage(browser, (url) => /^(chrome|moz)-extension:\/\/[^/]+\/options\.html/.test(url));
    const baseUrl = new URL('/', await currentUrl(options)).href;

    const openExtensionPage = async (pagePath: string) => {
      const target = new URL(pagePath, baseUrl).href;
      const alreadyOpen = new Set(await browser.pages());
      // A window of its own, like a real side panel: the CRM tab stays visible (Touchbook does
      // not read hidden tabs) while the extension page is looked at.
      await options.evaluate((url) => {
        const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
        void api.windows.create({ url, focused: true, width: 420, height: 900 });
      }, target);
      const page = await waitForPage(browser, (url) => url === target, { exclude: alreadyOpen });
      await page.bringToFront(); // background tabs get no animation frames, which locators wait for
      return page;
    };

    const session: ExtensionSession = {
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

/** Firefox over WebDriver BiDi may report a freshly opened extension tab as about:blank. */
async function currentUrl(page: Page): Promise<string> {
  const reported = page.url();
  if (reported !== 'about:blank') return reported;
  return page.evaluate(() => location.href).catch(() => reported);
}

/** Polls the open tabs until one has a URL that satisfies `matches`, and waits for it to load. */
export async function waitForPage(
  browser: Browser,
  matches: (url: string) => boolean,
  { timeoutMs = 15_000, exclude = new Set<Page>() }: { timeoutMs?: number; exclude?: Set<Page> } = {},
): Promise<Page> {
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
