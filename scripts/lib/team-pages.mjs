/**
 * Page objects for the team view: the team section of the options page and the lead's page.
 * @typedef {import('puppeteer-core').Page} Page
 */

export class TeamSettingsSection {
  /** @param {Page} page the options page */
  constructor(page) {
    this.page = page;
  }

  /**
   * Fills the team section and saves it.
   * @param {{ url: string, managerId?: string, managerName?: string, user?: string, password?: string, enabled?: boolean }} settings
   */
  async configure({ url, managerId = '', managerName = '', user = '', password = '', enabled = true }) {
    const form = '[data-testid="team-settings"]';
    await this.page.waitForSelector(form, { timeout: 10_000 });
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
    const checked = await this.page.$eval(`${form} [name="enabled"]`, (input) => /** @type {HTMLInputElement} */ (input).checked);
    if (checked !== enabled) await this.page.click(`${form} [name="enabled"]`);
    await this.page.click('[data-testid="team-save"]');
    await this.page.waitForFunction(() => [...document.querySelectorAll('[data-testid="team-settings"] [role="status"]')].some((node) => node.textContent === 'Saved.'), {
      timeout: 10_000,
    });
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
    await this.page.waitForSelector('[data-testid="team-sync"]:not([disabled])', { timeout: timeoutMs });
    await this.page.click('[data-testid="team-sync"]');
    await this.page.waitForSelector('[data-testid="team-sync"]:not([disabled])', { timeout: timeoutMs });
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

  /** Clicks "Copy a book entry" on an objection and returns the drafted JSON shown on the page. */
  async draftEntry(/** @type {number} */ index) {
    const buttons = await this.page.$$('[data-testid="team-objections"] li button');
    await buttons[index]?.click();
    await this.page.waitForSelector('[data-testid="team-draft"] textarea', { timeout: 5_000 });
    return this.page.$eval('[data-testid="team-draft"] textarea', (area) => /** @type {HTMLTextAreaElement} */ (area).value);
  }
}
