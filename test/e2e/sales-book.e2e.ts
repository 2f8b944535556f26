import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionSession } from '../../scripts/lib/browser-session.mjs';
import { BookSettingsPage } from '../../scripts/lib/pages.mjs';
import { startDemoServer } from '../../scripts/serve-demo.mjs';
import { validBookInput } from '../unit/book/factories';
import { browsersUnderTest } from './browsers-under-test';

describe.each(browsersUnderTest())('sales book subscription in %s', (browserName) => {
  let demo: Awaited<ReturnType<typeof startDemoServer>>;
  let session: ExtensionSession;
  const booksDir = mkdtempSync(path.join(tmpdir(), 'touchbook-books-'));
  const publish = (content: string) => writeFileSync(path.join(booksDir, 'team.json'), content);

  beforeAll(async () => {
    demo = await startDemoServer({ extraRoutes: { '/books/': booksDir } });
    session = await launchWithExtension(browserName);
  });
  afterAll(async () => {
    await session?.close();
    await demo?.close();
    rmSync(booksDir, { recursive: true, force: true });
  });

  it('picks up the team book from a URL, and keeps it when a broken update is published', async () => {
    publish(JSON.stringify(validBookInput({ title: 'Acme team book', version: '3.1.0' })));
    const book = new BookSettingsPage(await session.openExtensionPage('options.html', { width: 900, height: 900 }));
    expect((await book.status()).source).toMatch(/built-in/i);

    await book.subscribe(`${demo.url}/books/team.json`);
    const subscribed = await book.status();
    expect(subscribed.title).toBe('Acme team book');
    expect(subscribed.version).toContain('3.1.0');
    expect(subscribed.errors).toEqual([]);

    publish('{ "schema": 1, "title": <b>broken</b>');
    await book.syncNow();
    const afterBrokenUpdate = await book.status();
    expect(afterBrokenUpdate.title).toBe('Acme team book');
    expect(afterBrokenUpdate.errors.length).toBeGreaterThan(0);
    // The page shows the error text as text: no element came out of the served markup.
    expect(await book.page.$('[data-testid="book-settings"] b')).toBeNull();
  });
});
