import { describe, expect, it, vi } from 'vitest';
import { BookSettings } from '../../../components/BookSettings';
import { createBookModel, type BookModelDeps } from '../../../lib/options/book-model';
import { validBookInput } from '../book/factories';
import { makeBookService, makeDb, t } from '../factories';
import { captureDownloads } from './downloads';
import { buttonByText, byTestId, mount, submit, typeInto } from './render';

/** Types into a text area as `typeInto` does into an input. */
function typeText(area: HTMLTextAreaElement, value: string) {
  area.value = value;
  area.dispatchEvent(new Event('input', { bubbles: true }));
}

/** The options page's book section over a real book service on a fresh database. */
async function renderBookSettings(policy: Record<string, unknown> = {}, overrides: Partial<BookModelDeps> = {}) {
  const service = makeBookService(makeDb(), { readManagedStorage: () => Promise.resolve(policy) });
  const deps: BookModelDeps = {
    status: () => service.status(),
    book: () => service.layeredBook(),
    sync: () => service.sync(),
    importText: (text) => service.importBook(text),
    forgetImported: () => service.forgetImported(),
    configure: (patch) => service.configure(patch),
    personal: () => service.personalLayer(),
    savePersonal: (layer) => service.savePersonalLayer(layer),
    requestHostAccess: vi.fn(() => Promise.resolve(true)),
    ...overrides,
  };
  const model = createBookModel(deps);
  await model.load();
  const container = mount(<BookSettings model={model} t={t} locale="en" />);
  const form = (title: string) => byTestId(container, 'book-settings').querySelector<HTMLFormElement>(`form[aria-labelledby="${title}"]`)!;
  return { container, model, deps, service, form };
}

describe('BookSettings', () => {
  it('renders nothing before the status is known', () => {
    const model = createBookModel({ status: () => new Promise(() => undefined) } as unknown as BookModelDeps);
    expect(mount(<BookSettings model={model} t={t} locale="en" />).innerHTML).toBe('');
  });

  it('shows the default book, its version, and the tools to change it', async () => {
    const { container, form } = await renderBookSettings();
    expect(byTestId(container, 'book-source').textContent).toBe(t('bookSourceDefault'));
    expect(byTestId(container, 'book-title').textContent).toBe('Touchbook starter sales book');
    expect(byTestId(container, 'book-version').textContent).toMatch(/^version 1\.0\.0, updated /);
    expect(container.querySelector('[data-testid="book-sync"]')).toBeNull();
    expect(form('subscribe-title')).not.toBeNull();
    expect(form('import-title')).not.toBeNull();
    expect(container.querySelector('[data-testid="book-errors"]')).toBeNull();
  });

  it('imports a pasted book, then clears the paste', async () => {
    const { container, form, model } = await renderBookSettings();
    const textarea = form('import-title').querySelector('textarea')!;
    const importButton = buttonByText(form('import-title'), t('bookImport'));
    expect(importButton.disabled).toBe(true);
    typeText(textarea, JSON.stringify(validBookInput({ title: 'Team book 2026' })));
    await vi.waitFor(() => expect(importButton.disabled).toBe(false));
    submit(form('import-title'));
    await vi.waitFor(() => expect(byTestId(container, 'book-title').textContent).toBe('Team book 2026'));
    expect(byTestId(container, 'book-source').textContent).toBe(t('bookSourceImported'));
    expect(model.errors.value).toEqual([]);
    await vi.waitFor(() => expect(form('import-title').querySelector('textarea')!.value).toBe(''));
    expect(buttonByText(form('import-title'), t('bookUseDefault'))).toBeTruthy();
  });

  it('lists every error of a broken book, as text, and keeps the paste to fix', async () => {
    const { container, form } = await renderBookSettings();
    const broken = JSON.stringify(validBookInput({ title: '', programmes: [{ id: '<img src=x onerror=alert(1)>' }] }));
    typeText(form('import-title').querySelector('textarea')!, broken);
    await vi.waitFor(() => expect(buttonByText(form('import-title'), t('bookImport')).disabled).toBe(false));
    submit(form('import-title'));
    const errors = await vi.waitFor(() => byTestId(container, 'book-errors'));
    expect(errors.querySelectorAll('li').length).toBeGreaterThan(1);
    expect(errors.querySelector('code')!.textContent).toMatch(/^(title|programmes)/);
    expect(errors.querySelector('img')).toBeNull();
    expect(form('import-title').querySelector('textarea')!.value).toBe(broken);
    expect(byTestId(container, 'book-title').textContent).toBe('Touchbook starter sales book');
  });

  it('asks for the book host before subscribing, and shows why a subscription failed', async () => {
    const { container, form, deps } = await renderBookSettings();
    typeInto(form('subscribe-title').querySelector('input[name="book-url"]')!, 'https://books.example.com/team.json');
    submit(form('subscribe-title'));
    expect(deps.requestHostAccess).toHaveBeenCalledWith('https://books.example.com/team.json');
    await vi.waitFor(() => expect(byTestId(container, 'book-source').textContent).toBe(t('bookSourceSubscription', { url: 'https://books.example.com/team.json' })));
    await vi.waitFor(() => expect(container.querySelector('[data-testid="book-errors"]')?.textContent).toContain('no network in unit tests'));
    expect(byTestId(container, 'book-sync')).toBeTruthy();
  });

  it('a policy that locks the book hides the tools that would change it', async () => {
    const { container, service, model } = await renderBookSettings({ inlineBook: JSON.stringify(validBookInput({ title: 'Head office book' })), locked: true });
    expect(byTestId(container, 'book-source').textContent).toBe(t('bookSourceManaged'));
    expect(container.textContent).toContain(t('bookNotYetDelivered'));
    await service.sync(); // what the sync alarm does
    await model.load();
    await vi.waitFor(() => expect(byTestId(container, 'book-title').textContent).toBe('Head office book'));
    expect(container.textContent).not.toContain(t('bookNotYetDelivered'));
    expect(container.textContent).toContain(t('bookLocked'));
    expect(container.querySelector('form[aria-labelledby="subscribe-title"], form[aria-labelledby="import-title"]')).toBeNull();
  });

  it('previews what the book holds', async () => {
    const { container, model } = await renderBookSettings();
    const preview = byTestId(container, 'book-preview');
    const book = model.book.value!.book;
    expect(preview.textContent).toContain(t('bookCountObjections', { count: book.objections.length }));
    expect(preview.textContent).toContain('3.14 Cold calls');
  });

  it('adds and removes a personal answer to an objection', async () => {
    const { container, model } = await renderBookSettings();
    const personal = container.querySelector<HTMLElement>('section[aria-labelledby="personal-title"]')!;
    expect(personal.textContent).toContain(t('bookPersonalNone'));
    const select = personal.querySelector('select')!;
    select.value = 'price-too-expensive';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    typeText(personal.querySelector('textarea')!, 'Let us compare the cost per year, not the price.');
    await vi.waitFor(() => expect(buttonByText(personal, t('bookPersonalAdd')).disabled).toBe(false));
    submit(personal.querySelector('form')!);

    const list = await vi.waitFor(() => byTestId(container, 'personal-answers'));
    expect(list.textContent).toContain("It's too expensive: Let us compare the cost per year, not the price.");
    buttonByText(list, t('bookPersonalRemove')).click();
    await vi.waitFor(() => expect(container.querySelector('[data-testid="personal-answers"]')).toBeNull());
    expect(model.personal.value?.responses).toEqual({});
  });

  it('writes, edits and removes a note of my own under a section of the book', async () => {
    const { container, model, service } = await renderBookSettings();
    const notes = container.querySelector<HTMLElement>('section[aria-labelledby="notes-title"]')!;
    expect(notes.textContent).toContain(t('bookNotesNone'));
    const select = notes.querySelector('select')!;
    select.value = 'cold-calls';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    typeText(notes.querySelector('textarea')!, 'Call before 11: the owners are out after lunch.');
    await vi.waitFor(() => expect(buttonByText(notes, t('bookNotesSave')).disabled).toBe(false));
    submit(notes.querySelector('form')!);

    const list = await vi.waitFor(() => byTestId(container, 'personal-notes'));
    const coldCalls = model.book.value!.book.sections.find((section) => section.id === 'cold-calls')!;
    expect(list.textContent).toContain(`${coldCalls.title}: Call before 11: the owners are out after lunch.`);
    // The side panel shows it under the section: it is in the layered book.
    expect((await service.layeredBook()).notes).toEqual({ 'cold-calls': 'Call before 11: the owners are out after lunch.' });

    // Choosing the section again starts from the note, to edit it.
    select.value = 'cold-calls';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(notes.querySelector('textarea')!.value).toBe('Call before 11: the owners are out after lunch.'));

    buttonByText(list, t('bookPersonalRemove')).click();
    await vi.waitFor(() => expect(container.querySelector('[data-testid="personal-notes"]')).toBeNull());
    expect(model.personal.value?.notes).toEqual({});
  });

  it("exports the team book without the manager's own answers", async () => {
    const files = captureDownloads();
    const { form, model } = await renderBookSettings();
    await model.addPersonalResponse('price-too-expensive', 'My private line', '');
    buttonByText(form('import-title'), t('bookExport')).click();
    expect(files.map((file) => [file.name, file.type])).toEqual([['touchbook-default-en.json', 'application/json']]);
    const text = await files[0]!.text();
    expect(JSON.parse(text)).toMatchObject({ id: 'touchbook-default-en', title: 'Touchbook starter sales book' });
    expect(text).not.toContain('My private line');
  });
});
