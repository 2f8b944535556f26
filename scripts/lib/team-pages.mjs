/**
 * Page objects for the team view: the team section of the options page and the lead's page.
 * @typedef {import('puppeteer-core').Page} Page
 */
import { waitFor } from './pages.mjs';

export class TeamSettingsSection {
  /** @param {Page} page the options page */
  constructor(page) {
    this.page = page;
  }

  /**
   * Fills the team section and saves it.
   * @param {{ url: string, managerId?: string, managerName?: string, user?: string, password?: string, enabled?: boolean, shareClientOutcomes?: boolean }} settings
   */
  async configure({ url, managerId = '', managerName = '', user = '', password = '', enabled = true, shareClientOutcomes = false }) {
    const form = '[data-testid="team-settings"]';
    await waitFor(async () => (await this.page.$(form)) !== null, { what: 'the team settings' });
    const fill = async (/** @type {string} */ name, /** @type {string} */ value) => {
      await this.page.$eval(`${form} [name="${name}"]`, (input, text) => {
        const element = /** @type {HTMLInputElement} */ (input);
        element.value = text;
        element.dispatchEvent(new Event('input', { bubbles: true }));
      }, value);
    };
    await fill('url', url);
    await fill('managerId', managerId);
    await fill('managerName', managerName);
    await fill('user', user);
    await fill('password', password);
    for (const [name, wanted] of /** @type {const} */ ([['enabled', enabled], ['shareClientOutcomes', shareClientOutcomes]])) {
      const checked = await this.page.$eval(`${form} [name="${name}"]`, (input) => /** @type {HTMLInputElement} */ (input).checked);
      if (checked !== wanted) await this.page.click(`${form} [name="${name}"]`);
    }
    await this.page.click('[data-testid="team-save"]');
    // Polled from Node: Firefox's extension-page CSP refuses the functions waitForFunction builds.
    await waitFor(
      async () => (await this.page.$$eval('[data-testid="team-settings"] [role="status"]', (nodes) => nodes.map((node) => node.textContent))).includes('Saved.'),
      { what: 'the team settings saved' },
    );
  }

  /** Until "Sync now" can be clicked (it is disabled while a sync runs). */
  async waitForSyncButton(timeoutMs = 20_000) {
    await waitFor(async () => (await this.page.$('[data-testid="team-sync"]:not([disabled])')) !== null, { what: '"Sync now" enabled', timeoutMs });
  }

  /** @returns {Promise<string>} */
  status() {
    return this.page.$eval('[data-testid="team-status"]', (node) => node.textContent ?? '');
  }

  /**
   * Clicks "Sync now" and waits until the status line changes to one that `accept` takes.
   * @param {(status: string) => boolean} accept
   */
  async syncNow(accept, timeoutMs = 20_000) {
    await this.waitForSyncButton(timeoutMs);
    await this.page.click('[data-testid="team-sync"]');
    await this.waitForSyncButton(timeoutMs);
    const status = await this.status();
    if (!accept(status)) throw new Error(`unexpected team status after sync: ${status}`);
    return status;
  }
}

export class TeamPage {
  /** @param {Page} page team.html */
  constructor(page) {
    this.page = page;
  }

  async refresh() {
    await this.page.click('[data-testid="team-refresh"]');
  }

  /** @returns {Promise<Record<string, Record<string, string>>>} manager id -> column -> text */
  managers() {
    return this.page.$$eval('[data-testid="team-managers"] tbody tr', (rows) =>
      Object.fromEntries(
        rows.map((row) => [
          row.getAttribute('data-manager') ?? '',
          Object.fromEntries(
            [...row.querySelectorAll('th, td')].map((cell) => [cell.getAttribute('data-col') ?? 'name', cell.textContent ?? '']),
          ),
        ]),
      ),
    );
  }

  /** @returns {Promise<Array<{ text: string, heard: string }>>} */
  objections() {
    return this.page.$$eval('[data-testid="team-objections"] li', (items) =>
      items.map((item) => ({ text: item.querySelector('strong')?.textContent ?? '', heard: item.querySelector('.tb-muted')?.textContent ?? '' })),
    );
  }

  /** @returns {Promise<Array<{ record: string, managers: string, last: string }>>} the shared clients' table */
  sharedClients() {
    return this.page.$$eval('[data-testid="team-clients"] tbody tr', (rows) =>
      rows.map((row) => ({
        record: row.getAttribute('data-record') ?? '',
        managers: row.querySelector('[data-col="managers"]')?.textContent ?? '',
        last: row.querySelector('[data-col="last"]')?.textContent ?? '',
      })),
    );
  }

  /** Clicks "Copy a book entry" on an objection and returns the drafted JSON shown on the page. */
  async draftEntry(/** @type {number} */ index) {
    const buttons = await this.page.$$('[data-testid="team-objections"] li button');
    await buttons[index]?.click();
    await waitFor(async () => (await this.page.$('[data-testid="team-draft"] textarea')) !== null, { what: 'the drafted book entry' });
    return this.page.$eval('[data-testid="team-draft"] textarea', (area) => /** @type {HTMLTextAreaElement} */ (area).value);
  }
}
