import { describe, expect, it, vi } from 'vitest';
import { fieldOfMenuItem, installTeachMenu } from '../../../lib/background/context-menu';
import { createTranslator } from '../../../lib/i18n';
import { createContentHandlers, createUiHandlers } from '../../../lib/background/handlers';
import type { ContentContext } from '../../../lib/background/router';
import { PICKER_SCRIPT_FILE, teachSelection } from '../../../lib/background/teach-handlers';
import { updateSettings } from '../../../lib/db/settings';
import { PICKER_MESSAGE_KEYS } from '../../../lib/teach/texts';
import { validBookInput } from '../book/factories';
import { CRM_ORIGIN, EXTENSION_BASE_URL, makeBackground, makeFocus, makeSite, makeTabs } from '../factories';

const page: ContentContext = { tabId: 7, frameId: 0, origin: CRM_ORIGIN, url: `${CRM_ORIGIN}/contacts/42` };
const ui = { url: EXTENSION_BASE_URL };

async function enabledBackground(openTabs = [{ id: 7, url: `${CRM_ORIGIN}/contacts/42` }, { id: 9, url: 'https://elsewhere.example/' }]) {
  const bg = makeBackground({ tabs: makeTabs(openTabs) });
  await bg.db.sites.put(makeSite());
  return bg;
}

describe('teaching fields', () => {
  it('stores a taught field on the site and tells the open pages of that CRM to read again', async () => {
    const bg = await enabledBackground();
    const mappings = await createContentHandlers(bg.deps)['cs/teach'](
      { type: 'cs/teach', mapping: { field: 'phones', selector: '[data-field="phone"]' } },
      page,
    );
    expect(mappings).toEqual([{ field: 'phones', selector: '[data-field="phone"]' }]);
    expect((await bg.db.sites.get(CRM_ORIGIN))?.mappings).toEqual(mappings);
    expect(bg.tabs.sent).toEqual([{ tabId: 7, message: { type: 'bg/mappings.changed' } }]);
  });

  it('teaching the same field again replaces the old place', async () => {
    const bg = await enabledBackground();
    const teach = createContentHandlers(bg.deps)['cs/teach'];
    await teach({ type: 'cs/teach', mapping: { field: 'name', selector: 'h1' } }, page);
    const mappings = await teach({ type: 'cs/teach', mapping: { field: 'name', label: 'Full name' } }, page);
    expect(mappings).toEqual([{ field: 'name', label: 'Full name' }]);
  });

  it('refuses to teach on a site that is not enabled', async () => {
    const bg = makeBackground();
    await expect(
      createContentHandlers(bg.deps)['cs/teach']({ type: 'cs/teach', mapping: { field: 'name', selector: 'h1' } }, page),
    ).rejects.toThrow('not enabled');
  });

  it('gives a page the team mappings from the book, overridden by the manager’s own', async () => {
    const bg = await enabledBackground();
    await bg.deps.books.importBook(
      JSON.stringify(
        validBookInput({
          fieldMappings: { [CRM_ORIGIN]: [{ field: 'phone', selector: '.team-phone' }, { field: 'company', label: 'Org' }] },
        }),
      ),
    );
    await bg.db.sites.put(makeSite({ mappings: [{ field: 'phones', selector: '.my-phone' }] }));
    const mappings = await createContentHandlers(bg.deps)['cs/mappings.get']({ type: 'cs/mappings.get' }, page);
    expect(mappings).toEqual([
      { field: 'company', label: 'Org' },
      { field: 'phones', selector: '.my-phone' },
    ]);
  });

  it('injects the picker into the tab the panel follows', async () => {
    const bg = await enabledBackground();
    await bg.focus.set(makeFocus({ tabId: 7 }));
    const reply = await createUiHandlers(bg.deps)['ui/teach.start']({ type: 'ui/teach.start', tabId: null }, ui);
    expect(reply).toEqual({ tabId: 7 });
    expect(bg.scripting.calls.at(-1)).toEqual({
      method: 'executeScript',
      args: { target: { tabId: 7 }, files: [PICKER_SCRIPT_FILE] },
    });
  });

  it('forgets one taught field and leaves the others', async () => {
    const bg = await enabledBackground();
    await bg.db.sites.put(makeSite({ mappings: [{ field: 'phones', selector: '#p' }, { field: 'name', selector: 'h2' }] }));
    const left = await createUiHandlers(bg.deps)['ui/mappings.forget']({ type: 'ui/mappings.forget', origin: CRM_ORIGIN, field: 'phones' }, ui);
    expect(left).toEqual([{ field: 'name', selector: 'h2' }]);
  });

  it('teaches selected text from the context menu: the injected picker learns the field once', async () => {
    const bg = await enabledBackground();
    await teachSelection(bg.deps, 7, 3, 'phones');
    expect(bg.scripting.calls.at(-1)).toEqual({
      method: 'executeScript',
      args: { target: { tabId: 7, frameIds: [3] }, files: [PICKER_SCRIPT_FILE] },
    });
    const context = createContentHandlers(bg.deps)['cs/teach.context'];
    await expect(context({ type: 'cs/teach.context' }, page)).resolves.toMatchObject({ language: 'en', selectionField: 'phones', pickField: null });
    await expect(context({ type: 'cs/teach.context' }, page)).resolves.toMatchObject({ language: 'en', selectionField: null, pickField: null });
  });

  it("hands the picker its words in the manager's language, and only those", async () => {
    const bg = await enabledBackground();
    await updateSettings(bg.db, { uiLanguage: 'uk' });
    const context = await createContentHandlers(bg.deps)['cs/teach.context']({ type: 'cs/teach.context' }, page);
    expect(context.language).toBe('uk');
    expect(context.messages.teachDone).toBe('Готово');
    expect(Object.keys(context.messages)).toHaveLength(PICKER_MESSAGE_KEYS.length);
  });

  it('"Teach the name" from the panel: the injected picker asks for that field once', async () => {
    const bg = await enabledBackground();
    const start = createUiHandlers(bg.deps)['ui/teach.start'];
    await expect(start({ type: 'ui/teach.start', tabId: 7, field: 'name' }, ui)).resolves.toEqual({ tabId: 7 });
    expect(bg.scripting.calls.at(-1)).toEqual({ method: 'executeScript', args: { target: { tabId: 7 }, files: [PICKER_SCRIPT_FILE] } });
    const context = createContentHandlers(bg.deps)['cs/teach.context'];
    await expect(context({ type: 'cs/teach.context' }, page)).resolves.toMatchObject({ language: 'en', selectionField: null, pickField: 'name' });
    await expect(context({ type: 'cs/teach.context' }, page)).resolves.toMatchObject({ language: 'en', selectionField: null, pickField: null });
    // "Teach a field" without one forgets a request that was never picked up.
    await start({ type: 'ui/teach.start', tabId: 7, field: 'phones' }, ui);
    await start({ type: 'ui/teach.start', tabId: 7 }, ui);
    await expect(context({ type: 'cs/teach.context' }, page)).resolves.toMatchObject({ pickField: null });
  });
});

describe('teach context menu', () => {
  it('shows only on enabled sites, in the UI language, and maps clicks back to fields', async () => {
    const created: Array<{ id: string; title: string; documentUrlPatterns: string[] }> = [];
    const menus = {
      removeAll: vi.fn(() => Promise.resolve()),
      create: vi.fn((item: { id: string; title: string; documentUrlPatterns: string[] }) => created.push(item)),
    };
    await installTeachMenu(menus as never, [], createTranslator('en'));
    expect(created).toEqual([]);
    await installTeachMenu(menus as never, ['https://crm.example.com/*'], createTranslator('uk'));
    expect(created.map((item) => item.title)).toEqual([
      'Touchbook: це ім\'я клієнта',
      'Touchbook: це телефон клієнта',
      'Touchbook: це ел. пошта клієнта',
    ]);
    expect(created.every((item) => item.documentUrlPatterns[0] === 'https://crm.example.com/*')).toBe(true);
    expect(fieldOfMenuItem(created[1]!.id)).toBe('phones');
    expect(fieldOfMenuItem('someone-elses-item')).toBeNull();
  });
});
