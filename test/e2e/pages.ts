import type { Page } from 'puppeteer-core';

/** Page objects: what a person does on each screen, so tests read as a walk through the product. */

export class OptionsPage {
  constructor(readonly page: Page) {}

  async enableSite(origin: string): Promise<void> {
    await this.page.locator('#site-origin').fill(origin);
    await this.page.locator('[data-testid="enable-site"]').click();
    await this.page.waitForFunction(
      (expected) =>
        [...document.querySelectorAll('[data-testid="site-origin"]')].some((node) => node.textContent === expected),
      { timeout: 10_000 },
      origin,
    );
  }

  enabledSites(): Promise<string[]> {
    return this.page.$$eval('[data-testid="site-origin"]', (nodes) => nodes.map((node) => node.textContent ?? ''));
  }

  async disableSite(origin: string): Promise<void> {
    await this.page.$$eval(
      '[data-testid="site-list"] li',
      (items, expected) => {
        const item = items.find((node) => node.querySelector('[data-testid="site-origin"]')?.textContent === expected);
        item?.querySelector('button')?.click();
      },
      origin,
    );
    await this.page.waitForFunction(
      (expected) =>
        ![...document.querySelectorAll('[data-testid="site-origin"]')].some((node) => node.textContent === expected),
      { timeout: 10_000 },
      origin,
    );
  }
}

export class CrmPage {
  constructor(readonly page: Page) {}

  async openClient(baseUrl: string, clientId: string): Promise<void> {
    await this.page.goto(`${baseUrl}/clients/${clientId}`, { waitUntil: 'load' });
    await this.page.waitForSelector(`#record[data-record-id="${clientId}"]`);
  }

  /** Follows the card's "Next client" link: the demo CRM switches records with pushState only. */
  async goToNextClient(): Promise<void> {
    const before = await this.recordId();
    await this.page.locator('a[rel="next"]').click();
    await this.page.waitForFunction(
      (previous) => document.querySelector('#record')?.getAttribute('data-record-id') !== previous,
      {},
      before,
    );
  }

  recordId(): Promise<string | null> {
    return this.page.$eval('#record', (node) => node.getAttribute('data-record-id'));
  }
}

export class SidePanelPage {
  constructor(readonly page: Page) {}

  /** Waits until the panel shows a client with this name, and returns what it shows. */
  async waitForClient(name: string, timeoutMs = 10_000) {
    await this.page.waitForFunction(
      (expected) => document.querySelector('[data-testid="client-name"]')?.textContent === expected,
      { timeout: timeoutMs },
      name,
    );
    return this.page.evaluate(() => ({
      name: document.querySelector('[data-testid="client-name"]')?.textContent ?? null,
      emails: [...document.querySelectorAll('[data-testid="client-email"]')].map((node) => node.textContent ?? ''),
      phones: [...document.querySelectorAll('[data-testid="client-phone"]')].map((node) => node.textContent ?? ''),
    }));
  }

  emptyStateText(): Promise<string | null> {
    return this.page.$eval('[data-testid="empty-state"]', (node) => node.textContent).catch(() => null);
  }
}

export class PopupPage {
  constructor(readonly page: Page) {}

  headings(): Promise<string[]> {
    return this.page.$$eval('h2', (nodes) => nodes.map((node) => node.textContent ?? ''));
  }
}
