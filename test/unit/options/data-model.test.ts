import ICAL from 'ical.js';
import Papa from 'papaparse';
import { describe, expect, it, vi } from 'vitest';
import { handleBackupPort } from '../../../lib/background/backup-port';
import { validateBook } from '../../../lib/book/validate';
import type { FieldMapping } from '../../../lib/crm/mappings';
import { exportBackup, exportBackupParts } from '../../../lib/db/backup';
import type { TouchbookDb } from '../../../lib/db/database';
import type { UnmatchedObjectionRecord } from '../../../lib/db/schema';
import { readTouchRows } from '../../../lib/export/touch-rows';
import { createTranslator } from '../../../lib/i18n';
import { sendBackupFile, type RestoreUpdate } from '../../../lib/options/backup-upload';
import { createDataModel, type BackupProgress, type DataModelDeps } from '../../../lib/options/data-model';
import { deferred, EXTENSION_BASE_URL, makeClient, makeDb, makeSite, t } from '../factories';
import { validBookInput } from '../book/factories';
import { makeTouch } from '../lifecycle/factories';
import { connectBackupPorts } from './fake-port';

const ENGLISH = { t: createTranslator('en'), locale: 'en' };

type Sites = Array<{ origin: string; mappings: FieldMapping[] }>;

/** A CSV file as a spreadsheet reads it: rows of text cells. */
function readCsv(csv: string): string[][] {
  const result = Papa.parse<string[]>(csv, { skipEmptyLines: true });
  expect(result.errors).toEqual([]);
  return result.data;
}

function unmatchedRow(text: string, createdAt = Date.UTC(2026, 2, 2, 9, 30)): UnmatchedObjectionRecord {
  return { id: `${createdAt}-x`, text, clientId: 'client-1', bookId: 'touchbook-default-en', createdAt };
}

/** The options page's background, in memory; `importBackup` keeps the page's callback for the test to drive. */
function makeDeps(initial: { sites?: Sites; unmatched?: UnmatchedObjectionRecord[] } = {}, overrides: Partial<DataModelDeps> = {}) {
  let sites = initial.sites ?? [];
  let unmatched = initial.unmatched ?? [];
  const imports: Array<{ file: Blob; mode: 'merge' | 'replace'; onUpdate: (update: RestoreUpdate) => void }> = [];
  const deps = {
    exportBackup: vi.fn<DataModelDeps['exportBackup']>((onProgress) => exportBackupParts(makeDb(), 1_000, { onProgress })),
    importBackup: vi.fn<DataModelDeps['importBackup']>((file, mode, onUpdate) => void imports.push({ file, mode, onUpdate })),
    mappings: vi.fn<DataModelDeps['mappings']>(() => Promise.resolve(sites)),
    forgetMapping: vi.fn<DataModelDeps['forgetMapping']>((origin, field) => {
      sites = sites.map((site) => (site.origin === origin ? { ...site, mappings: site.mappings.filter((mapping) => mapping.field !== field) } : site));
      return Promise.resolve(null);
    }),
    unmatched: vi.fn<DataModelDeps['unmatched']>(() => Promise.resolve(unmatched)),
    clearUnmatched: vi.fn<DataModelDeps['clearUnmatched']>(() => {
      unmatched = [];
      return Promise.resolve(null);
    }),
    touchRows: vi.fn<DataModelDeps['touchRows']>(() => Promise.resolve([])),
    settings: vi.fn<DataModelDeps['settings']>(() => Promise.resolve({ timeZone: 'Europe/Kyiv', managerName: 'Oleg', companyName: 'Acme Vans' })),
    ...overrides,
  };
  return { deps, imports };
}

describe('options data model: restoring a backup', () => {
  const file = (text: string) => new Blob([text], { type: 'application/json' });

  it('says a file that does not start like JSON is not JSON, and sends nothing', async () => {
    const { deps } = makeDeps();
    const model = createDataModel(deps, ENGLISH);
    await model.importBackup(file('PK\u0003\u0004 a zip file'), 'merge');
    expect(model.result.value).toEqual({ ok: false, text: 'Nothing was changed: not a JSON file' });
    expect(model.progress.value).toBeNull();
    expect(deps.importBackup).not.toHaveBeenCalled();
  });

  it('sends the file with the mode, shows each step of the progress, then the number restored', async () => {
    const { deps, imports } = makeDeps({ sites: [{ origin: 'https://crm.example.com', mappings: [{ field: 'phones', selector: '#phone' }] }] });
    const model = createDataModel(deps, ENGLISH);
    let finished = false;
    const chosen = file('{"format":"touchbook-backup","tables":{}}');
    const importing = model.importBackup(chosen, 'replace').then(() => (finished = true));

    await vi.waitFor(() => expect(imports).toHaveLength(1));
    expect(imports[0]).toMatchObject({ file: chosen, mode: 'replace' });
    expect(model.progress.value).toEqual({ phase: 'upload', done: 0, total: chosen.size });

    const { onUpdate } = imports[0]!;
    onUpdate({ kind: 'progress', phase: 'upload', done: chosen.size, total: chosen.size });
    expect(model.progress.value).toEqual({ phase: 'upload', done: chosen.size, total: chosen.size });
    onUpdate({ kind: 'progress', phase: 'write', done: 3, total: 10 });
    expect(model.progress.value).toEqual({ phase: 'write', done: 3, total: 10 });
    onUpdate({ kind: 'written', summary: { written: {} as never, total: 10, skipped: [] } });
    onUpdate({ kind: 'progress', phase: 'plan', done: 1, total: 2 });
    expect(model.progress.value).toEqual({ phase: 'plan', done: 1, total: 2 });
    expect(model.result.value).toBeNull();

    onUpdate({ kind: 'done', summary: { written: {} as never, total: 10, skipped: [] } });
    expect(model.progress.value).toBeNull();
    expect(model.result.value).toEqual({ ok: true, text: 'Restored 10 records.', skipped: [] });
    await importing;
    expect(finished).toBe(true);
    // Restored sites bring their taught fields: the lists are read again.
    expect(deps.mappings).toHaveBeenCalledTimes(1);
    expect(model.mappings.value).toHaveLength(1);
  });

  it("shows the background's error and ends the progress", async () => {
    const { deps, imports } = makeDeps();
    const model = createDataModel(deps, ENGLISH);
    const importing = model.importBackup(file('{}'), 'merge');
    await vi.waitFor(() => expect(imports).toHaveLength(1));
    imports[0]!.onUpdate({ kind: 'progress', phase: 'write', done: 0, total: 4 });
    imports[0]!.onUpdate({ kind: 'error', error: 'this is not a Touchbook backup' });
    await importing;
    expect(model.progress.value).toBeNull();
    expect(model.result.value).toEqual({ ok: false, text: 'Nothing was changed: this is not a Touchbook backup' });
  });

  it('a worker stopped before the restore was written: an error in the manager\'s language, never endless progress', async () => {
    const { deps, imports } = makeDeps();
    const model = createDataModel(deps, { t: createTranslator('uk'), locale: 'uk' });
    const importing = model.importBackup(file('{}'), 'merge');
    await vi.waitFor(() => expect(imports).toHaveLength(1));
    imports[0]!.onUpdate({ kind: 'progress', phase: 'write', done: 500, total: 200_000 });
    imports[0]!.onUpdate({ kind: 'interrupted', written: false });
    await importing;
    expect(model.progress.value).toBeNull();
    expect(model.result.value).toEqual({
      ok: false,
      text: `Нічого не змінено: ${createTranslator('uk')('backupInterrupted')}`,
    });
  });

  it('a worker stopped after the restore was written: the count, and that the re-plan finishes later', async () => {
    const { deps, imports } = makeDeps();
    const model = createDataModel(deps, ENGLISH);
    const importing = model.importBackup(file('{}'), 'merge');
    await vi.waitFor(() => expect(imports).toHaveLength(1));
    imports[0]!.onUpdate({ kind: 'written', summary: { written: {} as never, total: 7, skipped: [] } });
    imports[0]!.onUpdate({ kind: 'progress', phase: 'plan', done: 1, total: 9 });
    imports[0]!.onUpdate({ kind: 'interrupted', written: true });
    await importing;
    expect(model.progress.value).toBeNull();
    expect(model.result.value).toEqual({ ok: true, text: 'Restored 7 records.', skipped: [], note: t('backupPlanInterrupted') });
  });

  it('a new import clears the result of the last one', async () => {
    const { deps, imports } = makeDeps();
    const model = createDataModel(deps, ENGLISH);
    await model.importBackup(file('not json'), 'merge');
    expect(model.result.value).not.toBeNull();
    void model.importBackup(file('{}'), 'merge');
    expect(model.result.value).toBeNull();
    await vi.waitFor(() => expect(imports).toHaveLength(1));
    imports[0]!.onUpdate({ kind: 'error', error: 'x' });
  });

  /** A model whose restore goes through the real page half, the port and the background half. */
  function throughThePort(target: TouchbookDb, afterImport = vi.fn(() => Promise.resolve()), sliceBytes = 1_000) {
    const ports: Array<ReturnType<typeof connectBackupPorts>> = [];
    const { deps } = makeDeps(
      {},
      {
        importBackup: (chosen, mode, onUpdate) => {
          const pair = connectBackupPorts();
          ports.push(pair);
          handleBackupPort(pair.background, { db: target, extensionBaseUrl: EXTENSION_BASE_URL, afterImport });
          sendBackupFile(pair.page, chosen, mode, onUpdate, { sliceBytes });
        },
        mappings: async () => (await target.sites.toArray()).map((site) => ({ origin: site.origin, mappings: site.mappings ?? [] })),
      },
    );
    return { deps, ports, afterImport };
  }

  it('restores into the database through the real backup port, in slices, end to end', async () => {
    const source = makeDb();
    await source.clients.bulkPut(Array.from({ length: 30 }, (_, index) => makeClient({ id: `client-${index}`, name: `Клієнт ${index} — Ωμέγα` })));
    await source.sites.put(makeSite({ mappings: [{ field: 'emails', label: 'E-mail' }] }));
    const text = JSON.stringify(await exportBackup(source, 2_000));
    const target = makeDb();
    const { deps, ports, afterImport } = throughThePort(target);
    const model = createDataModel(deps, ENGLISH);
    const seen: Array<BackupProgress | null> = [];
    const stop = model.progress.subscribe((value) => seen.push(value));

    const chosen = file(text);
    await model.importBackup(chosen, 'merge');
    stop();
    expect(model.result.value).toEqual({ ok: true, text: 'Restored 31 records.', skipped: [] });
    // Many slices, each well under the limit; the text arrives whole although slices cut characters in two.
    const chunks = ports[0]!.sentByPage.filter((message) => message.kind === 'chunk');
    expect(chunks.length).toBe(Math.ceil(chosen.size / 1_000));
    expect(chunks.map((message) => message.text).join('')).toBe(text);
    expect(seen).toContainEqual({ phase: 'upload', done: chosen.size, total: chosen.size });
    expect(seen).toContainEqual({ phase: 'write', done: 31, total: 31 });
    expect(seen.at(-1)).toBeNull();
    expect(afterImport).toHaveBeenCalledTimes(1);
    await expect(target.clients.get('client-29')).resolves.toMatchObject({ name: 'Клієнт 29 — Ωμέγα' });
    expect(model.mappings.value).toEqual([{ origin: 'https://crm.example.com', mappings: [{ field: 'emails', label: 'E-mail' }] }]);
  });

  it('the worker dying in the middle of the write: the page says so and the old data is all there', async () => {
    const target = makeDb();
    await target.clients.put(makeClient({ id: 'kept', name: 'Kept' }));
    const touches = Array.from({ length: 3_000 }, (_, index) => makeTouch({ id: `new-${index}`, clientId: 'client-1' }));
    const text = JSON.stringify({ format: 'touchbook-backup', version: 1, exportedAt: 1, tables: { clients: [makeClient()], events: [], touches, answers: [], books: [], sites: [], settings: [] } });
    const { deps, ports } = throughThePort(target, undefined, 64 * 1024);
    const model = createDataModel(deps, ENGLISH);
    const stop = model.progress.subscribe((value) => {
      if (value?.phase === 'write' && value.done > 500) ports[0]!.workerDies();
    });
    await model.importBackup(file(text), 'replace');
    stop();
    expect(model.result.value).toEqual({ ok: false, text: `Nothing was changed: ${t('backupInterrupted')}` });
    expect(model.progress.value).toBeNull();
    await expect(target.touches.count()).resolves.toBe(0);
    await expect(target.clients.toCollection().primaryKeys()).resolves.toEqual(['kept']);
  });

  it('reports what the background left out of the restore, and why', async () => {
    const source = makeDb();
    await source.clients.put(makeClient());
    const backup = JSON.parse(JSON.stringify(await exportBackup(source, 2_000))) as { tables: Record<string, unknown[]> };
    backup.tables.events = [{ id: 'e-ghost', clientId: 'ghost', type: 'purchase', at: 1, data: {}, source: 'crm', createdAt: 1 }];
    const { deps } = throughThePort(makeDb());
    const model = createDataModel(deps, ENGLISH);
    await model.importBackup(file(JSON.stringify(backup)), 'replace');
    expect(model.result.value).toEqual({
      ok: true,
      text: 'Restored 1 records.',
      skipped: [{ table: 'events', reason: 'missing-client', count: 1, examples: ['e-ghost: client ghost'] }],
    });
  });
});

describe('options data model: saving a backup', () => {
  it('gives the pieces of the file, which make the JSON document ending with a newline, with progress', async () => {
    const source = makeDb();
    await source.clients.bulkPut([makeClient(), makeClient({ id: 'client-2' })]);
    const { deps } = makeDeps({}, { exportBackup: (onProgress) => exportBackupParts(source, 1_000, { pageSize: 1, onProgress }) });
    const model = createDataModel(deps, ENGLISH);
    const seen: Array<BackupProgress | null> = [];
    const stop = model.progress.subscribe((value) => seen.push(value));
    const parts = await model.exportBackup();
    stop();
    const text = parts!.join('');
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toMatchObject({ format: 'touchbook-backup', version: 1, exportedAt: 1_000, tables: { clients: [{ id: 'client-1' }, { id: 'client-2' }] } });
    expect(seen).toContainEqual({ phase: 'export', done: 1, total: 2 });
    expect(seen).toContainEqual({ phase: 'export', done: 2, total: 2 });
    expect(model.progress.value).toBeNull();
  });

  it('says why a backup could not be saved', async () => {
    const { deps } = makeDeps({}, { exportBackup: () => Promise.reject(new Error('QuotaExceededError')) });
    const model = createDataModel(deps, ENGLISH);
    await expect(model.exportBackup()).resolves.toBeNull();
    expect(model.result.value).toEqual({ ok: false, text: 'The backup could not be saved: QuotaExceededError' });
    expect(model.progress.value).toBeNull();
  });
});


describe('options data model: taught fields', () => {
  const sites: Sites = [
    {
      origin: 'https://crm.example.com',
      mappings: [
        { field: 'phones', selector: '#contact > .phone' },
        { field: 'emails', label: 'E-mail' },
        { field: 'name', selector: 'h1.record-title', label: 'Name' },
      ],
    },
    { origin: 'http://127.0.0.1:5173', mappings: [{ field: 'nextContact', label: 'Next call' }] },
    { origin: 'https://nothing-taught.example.com', mappings: [] },
  ];

  it('exports them as a fieldMappings block that a sales book accepts', async () => {
    const { deps } = makeDeps({ sites });
    const model = createDataModel(deps, ENGLISH);
    await model.load();
    const exported = model.mappingsForBook();
    expect(exported.endsWith('}\n')).toBe(true);
    const { fieldMappings } = JSON.parse(exported) as { fieldMappings: unknown };

    const result = validateBook({ ...validBookInput(), fieldMappings });
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(result.ok && result.book.fieldMappings).toEqual({
      'https://crm.example.com': [
        { field: 'phone', selector: '#contact > .phone' },
        { field: 'email', label: 'E-mail' },
        { field: 'name', selector: 'h1.record-title', label: 'Name' },
      ],
      'http://127.0.0.1:5173': [{ field: 'nextContact', label: 'Next call' }],
    });
  });

  it('forgets one field of one site and shows the list again', async () => {
    const { deps } = makeDeps({ sites });
    const model = createDataModel(deps, ENGLISH);
    await model.load();
    await model.forgetMapping('https://crm.example.com', 'emails');
    expect(deps.forgetMapping).toHaveBeenCalledWith('https://crm.example.com', 'emails');
    expect(model.mappings.value[0]?.mappings.map((mapping) => mapping.field)).toEqual(['phones', 'name']);
  });
});

describe('options data model: unanswered objections', () => {
  it('exports them as CSV that reads back as what the client said: quotes, commas, line breaks', async () => {
    const { deps } = makeDeps({
      unmatched: [
        unmatchedRow('He said "too pricey", then left', Date.UTC(2026, 2, 2, 9, 30)),
        unmatchedRow('Перший рядок\nдругий рядок', Date.UTC(2026, 2, 3, 10, 0)),
      ],
    });
    const model = createDataModel(deps, ENGLISH);
    await model.load();
    expect(readCsv(model.unmatchedAsCsv())).toEqual([
      ['date', 'text'],
      ['2026-03-02T09:30:00.000Z', 'He said "too pricey", then left'],
      ['2026-03-03T10:00:00.000Z', 'Перший рядок\nдругий рядок'],
    ]);
  });

  it('an empty list is just the header', () => {
    const { deps } = makeDeps();
    expect(readCsv(createDataModel(deps, ENGLISH).unmatchedAsCsv())).toEqual([['date', 'text']]);
  });

  it('clears the list and reads it again', async () => {
    const { deps } = makeDeps({ unmatched: [unmatchedRow('Too slow')] });
    const model = createDataModel(deps, ENGLISH);
    await model.load();
    expect(model.unmatched.value).toHaveLength(1);
    await model.clearUnmatched();
    expect(deps.clearUnmatched).toHaveBeenCalledTimes(1);
    expect(model.unmatched.value).toEqual([]);
  });

  it('loads the taught fields and the unanswered objections together', async () => {
    const mappings = deferred<Sites>();
    const { deps } = makeDeps({ unmatched: [unmatchedRow('Too slow')] }, { mappings: () => mappings.promise });
    const model = createDataModel(deps, ENGLISH);
    const loading = model.load();
    expect(deps.unmatched).toHaveBeenCalledTimes(1);
    mappings.resolve([]);
    await loading;
    expect(model.unmatched.value.map((row) => row.text)).toEqual(['Too slow']);
  });

  it('keeps client words from running as spreadsheet formulas in the CSV', async () => {
    const { deps } = makeDeps({ unmatched: [unmatchedRow('=HYPERLINK("x")'), unmatchedRow('-1+1'), unmatchedRow('too expensive')] });
    const model = createDataModel(deps, ENGLISH);
    await model.load();
    expect(readCsv(model.unmatchedAsCsv()).map((row) => row[1])).toEqual(['text', `'=HYPERLINK("x")`, `'-1+1`, 'too expensive']);
  });
});

describe('options data model: touch exports', () => {
  const NOW = Date.UTC(2026, 2, 1, 22, 30); // already 2 March in Kyiv

  async function withTouches() {
    const db = makeDb();
    await db.clients.put(makeClient({ id: 'anna', name: 'Анна Петренко', company: null }));
    await db.touches.bulkPut([
      makeTouch({ id: 'anna:after-purchase:follow-up:p1', clientId: 'anna', state: 'planned', dueAt: Date.UTC(2026, 2, 3, 7), goal: 'Follow up' }),
      makeTouch({ id: 'anna:after-purchase:review:p1', clientId: 'anna', state: 'done', outcome: 'reached', dueAt: Date.UTC(2026, 1, 20, 7), goal: 'Ask for a review' }),
    ]);
    return makeDeps({}, { touchRows: (which) => readTouchRows(db, which), now: () => NOW });
  }

  it('exports the pending touches as a calendar file named with the manager day', async () => {
    const { deps } = await withTouches();
    const model = createDataModel(deps, { t: createTranslator('uk'), locale: 'uk' });
    const file = await model.plannedTouchesAsIcs();
    expect(file).toMatchObject({ name: 'touchbook-planned-touches-2026-03-02.ics', type: 'text/calendar', count: 1 });
    const calendar = new ICAL.Component(ICAL.parse(file!.text));
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Touchbook: заплановані дотики');
    expect(calendar.getFirstPropertyValue('x-wr-timezone')).toBe('Europe/Kyiv');
    const events = calendar.getAllSubcomponents('vevent').map((event) => new ICAL.Event(event));
    expect(events.map((event) => [event.uid, event.summary])).toEqual([['anna:after-purchase:follow-up:p1@touchbook', 'Follow up — Анна Петренко']]);
    expect(model.exportResult.value).toEqual({ ok: true, text: 'Збережено дотиків: 1, файл touchbook-planned-touches-2026-03-02.ics.' });
  });

  it('exports every touch, history included, as a spreadsheet', async () => {
    const { deps } = await withTouches();
    const model = createDataModel(deps, { t: createTranslator('en'), locale: 'en' });
    const file = await model.touchesAsCsv();
    expect(file).toMatchObject({ name: 'touchbook-touches-2026-03-02.csv', type: 'text/csv', count: 2 });
    expect(readCsv(file!.text).map((row) => [row[2], row[6], row[7]])).toEqual([
      ['Touch', 'Status', 'Outcome'],
      ['Ask for a review', 'Done', 'Reached'],
      ['Follow up', 'Planned', ''],
    ]);
  });

  it('uses this computer zone when the manager set none', async () => {
    const { deps } = makeDeps({}, { settings: () => Promise.resolve({ timeZone: null, managerName: null, companyName: null }) });
    const file = await createDataModel(deps, ENGLISH).plannedTouchesAsIcs();
    expect(file!.text).toContain(`X-WR-TIMEZONE:${Intl.DateTimeFormat().resolvedOptions().timeZone}`);
  });

  it('says why when the touches cannot be read, and gives no file', async () => {
    const { deps } = makeDeps({}, { touchRows: () => Promise.reject(new Error('database closed')) });
    const model = createDataModel(deps, ENGLISH);
    await expect(model.touchesAsCsv()).resolves.toBeNull();
    expect(model.exportResult.value).toEqual({ ok: false, text: 'Could not export: database closed' });
  });
});
