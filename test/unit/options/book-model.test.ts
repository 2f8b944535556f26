// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import type { BookModelDeps } from '../../../lib/options/book-model';
import { createBookModel } from '../../../lib/options/book-model';
import { makeBookService, makeDb } from '../factories';
import { validBookInput } from '../book/factories';

/** The model over a real book service on a fresh database, as the options page uses it. */
function makeModel(overrides: Partial<BookModelDeps> = {}) {
  const service = makeBookService(makeDb());
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
  return { model: createBookModel(deps), deps };
}

describe('options book model', () => {
  it('loads the status, the book and the personal layer', async () => {
    const { model } = makeModel();
    await model.load();
    expect(model.status.value?.source).toBe('default');
    expect(model.book.value?.book.objections.length).toBeGreaterThan(20);
    expect(model.personal.value?.responses).toEqual({});
  });

  it('imports pasted JSON and shows every error of a broken one', async () => {
    const { model } = makeModel();
    await expect(model.importText(JSON.stringify(validBookInput({ title: 'Team' })))).resolves.toBe(true);
    expect(model.status.value?.book.title).toBe('Team');
    await expect(model.importText('{"schema": 2}')).resolves.toBe(false);
    expect(model.errors.value.length).toBeGreaterThan(1);
    expect(model.status.value?.book.title).toBe('Team');
  });

  it('asks for access to the book host before subscribing, and stops when refused', async () => {
    const configure = vi.fn<BookModelDeps['configure']>();
    const { model } = makeModel({ requestHostAccess: vi.fn(() => Promise.resolve(false)), configure });
    await expect(model.subscribe('https://books.example.com/team.json', '', 60)).resolves.toBe(false);
    expect(configure).not.toHaveBeenCalled();
    expect(model.errors.value[0]?.message).toContain('not granted');
  });

  it('adds and removes a personal answer, and keeps it out of the exported team book', async () => {
    const { model } = makeModel();
    await model.load();
    const objectionId = model.book.value!.book.objections[0]!.id;
    await expect(model.addPersonalResponse(objectionId, 'My way of answering', '')).resolves.toBe(true);
    expect(model.personal.value?.responses[objectionId]).toEqual([{ text: 'My way of answering' }]);
    expect(model.exportJson()).not.toContain('My way of answering');
    await model.removePersonalResponse(objectionId, 0);
    expect(model.personal.value?.responses[objectionId]).toBeUndefined();
  });

  it('turns a failing background into a visible error instead of a broken page', async () => {
    const { model } = makeModel({ sync: () => Promise.reject(new Error('worker restarting')) });
    await model.load();
    await model.sync();
    expect(model.errors.value).toEqual([{ path: '', message: 'worker restarting' }]);
    expect(model.busy.value).toBe(false);
  });
});
