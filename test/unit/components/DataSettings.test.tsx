import { describe, expect, it, vi } from 'vitest';
import { DataSettings } from '../../../components/DataSettings';
import type { FieldMapping } from '../../../lib/crm/mappings';
import { exportBackupParts } from '../../../lib/db/backup';
import type { RestoreUpdate } from '../../../lib/options/backup-upload';
import type { UnmatchedObjectionRecord } from '../../../lib/db/schema';
import { createDataModel, type DataModelDeps } from '../../../lib/options/data-model';
import { makeClient, makeDb, t } from '../factories';
import { makeTouch } from '../lifecycle/factories';
import { captureDownloads } from './downloads';
import { buttonByText, byTestId, mount } from './render';
import { createTranslator } from '../../../lib/i18n';

const ENGLISH = { t: createTranslator('en'), locale: 'en' };

type Sites = Array<{ origin: string; mappings: FieldMapping[] }>;

async function renderData(initial: { sites?: Sites; unmatched?: UnmatchedObjectionRecord[] } = {}) {
  let sites = initial.sites ?? [];
  let unmatched = initial.unmatched ?? [];
  const imports: Array<{ file: Blob; mode: string; onUpdate: (update: RestoreUpdate) => void }> = [];
  const source = makeDb();
  await source.clients.put(makeClient());
  const deps = {
    exportBackup: vi.fn<DataModelDeps['exportBackup']>((onProgress) => exportBackupParts(source, Date.UTC(2026, 2, 2), { onProgress })),
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
  };
  const model = createDataModel(deps, ENGLISH);
  await model.load();
  const container = mount(<DataSettings model={model} t={t} />);
  const fileInput = () => byTestId(container, 'backup-file') as HTMLInputElement;
  /** Picks a file in the "Restore from a file" field. */
  const chooseFile = (text: string) => {
    const input = fileInput();
    Object.defineProperty(input, 'files', { value: [new File([text], 'backup.json', { type: 'application/json' })], configurable: true });
    input.dispatchEvent(new Event('change', { bubbles: true }));
  };
  return { container, model, deps, imports, chooseFile, fileInput };
}

describe('DataSettings: backup', () => {
  it("saves a backup named with today's date", async () => {
    const files = captureDownloads();
    const { container } = await renderData();
    buttonByText(byTestId(container, 'backup'), t('backupExport')).click();
    await vi.waitFor(() => expect(files).toHaveLength(1));
    expect(files[0]!.name).toMatch(/^touchbook-backup-\d{4}-\d{2}-\d{2}\.json$/);
    expect(JSON.parse(await files[0]!.text())).toMatchObject({ format: 'touchbook-backup', tables: { clients: [{ id: 'client-1' }] } });
  });

  it('restores a chosen file, merging by default, with progress and then the count', async () => {
    const { container, imports, chooseFile, fileInput } = await renderData();
    chooseFile('{"format":"touchbook-backup"}');
    await vi.waitFor(() => expect(imports).toHaveLength(1));
    expect(imports[0]).toMatchObject({ mode: 'merge' });
    await expect(imports[0]!.file.text()).resolves.toBe('{"format":"touchbook-backup"}');

    imports[0]!.onUpdate({ kind: 'progress', phase: 'upload', done: 10, total: 29 });
    await vi.waitFor(() => expect(byTestId(container, 'backup-progress').textContent).toBe('Reading the file'));
    imports[0]!.onUpdate({ kind: 'progress', phase: 'write', done: 2, total: 5 });
    await vi.waitFor(() => expect(container.querySelector('progress')?.getAttribute('value')).toBe('2'));
    expect(container.querySelector('progress')!.getAttribute('max')).toBe('5');
    expect(byTestId(container, 'backup-progress').textContent).toBe('Restoring');
    expect(byTestId(container, 'backup-progress').dataset).toMatchObject({ phase: 'write', done: '2', total: '5' });
    expect(fileInput().disabled).toBe(true);
    expect(byTestId(container, 'backup-export').hasAttribute('disabled')).toBe(true);
    imports[0]!.onUpdate({ kind: 'progress', phase: 'plan', done: 1, total: 3 });
    await vi.waitFor(() => expect(byTestId(container, 'backup-progress').textContent).toBe('Planning touches for the restored clients'));

    imports[0]!.onUpdate({ kind: 'done', summary: { written: {} as never, total: 5, skipped: [] } });
    await vi.waitFor(() => expect(byTestId(container, 'backup-result').textContent).toBe('Restored 5 records.'));
    expect(container.querySelector('progress')).toBeNull();
    expect(fileInput().disabled).toBe(false);
  });

  it('a background stopped mid-restore ends the progress with a clear error, not a bar that never finishes', async () => {
    const { container, imports, chooseFile, fileInput } = await renderData();
    chooseFile('{}');
    await vi.waitFor(() => expect(imports).toHaveLength(1));
    imports[0]!.onUpdate({ kind: 'progress', phase: 'write', done: 1_000, total: 200_000 });
    await vi.waitFor(() => expect(container.querySelector('progress')).not.toBeNull());
    imports[0]!.onUpdate({ kind: 'interrupted', written: false });
    await vi.waitFor(() => expect(byTestId(container, 'backup-result').textContent).toBe(`Nothing was changed: ${t('backupInterrupted')}`));
    expect(byTestId(container, 'backup-result').className).toBe('tb-error');
    expect(container.querySelector('progress')).toBeNull();
    expect(fileInput().disabled).toBe(false);
  });

  it('restores in replace mode when chosen', async () => {
    const { container, imports, chooseFile } = await renderData();
    const replace = [...byTestId(container, 'backup').querySelectorAll<HTMLInputElement>('input[name="backup-mode"]')][1]!;
    replace.click();
    await vi.waitFor(() => expect(replace.checked).toBe(true));
    chooseFile('{}');
    await vi.waitFor(() => expect(imports[0]?.mode).toBe('replace'));
  });

  it('says nothing was changed when the file is not JSON or the background refuses it', async () => {
    const { container, imports, chooseFile, deps } = await renderData();
    chooseFile('this is not json');
    await vi.waitFor(() => expect(byTestId(container, 'backup-result').textContent).toBe('Nothing was changed: not a JSON file'));
    expect(byTestId(container, 'backup-result').className).toBe('tb-error');
    expect(deps.importBackup).not.toHaveBeenCalled();

    chooseFile('{"format":"other"}');
    await vi.waitFor(() => expect(imports).toHaveLength(1));
    imports[0]!.onUpdate({ kind: 'error', error: '<b>this is not a Touchbook backup</b>' });
    await vi.waitFor(() => expect(byTestId(container, 'backup-result').textContent).toBe('Nothing was changed: <b>this is not a Touchbook backup</b>'));
    expect(container.querySelector('[data-testid="backup-result"] b')).toBeNull();
  });
});

describe('DataSettings: what a restore left out', () => {
  it('lists each kind of skipped row with its count, reason and examples, as text', async () => {
    const { container, imports, chooseFile } = await renderData();
    chooseFile('{}');
    await vi.waitFor(() => expect(imports).toHaveLength(1));
    imports[0]!.onUpdate({
      kind: 'done',
      summary: {
        written: {} as never,
        total: 7,
        skipped: [
          { table: 'touches', reason: 'missing-client', count: 3, examples: ['t-1: client ghost', 't-2: client ghost'] },
          { table: 'clients', reason: 'unsafe-url', count: 1, examples: ['c-1: javascript:<img src=x onerror=alert(1)>'] },
          { table: 'books', reason: 'policy-controlled', count: 1, examples: ['managed: locked'] },
        ],
      },
    });
    await vi.waitFor(() => expect(byTestId(container, 'backup-result').textContent).toBe('Restored 7 records.'));
    const items = [...byTestId(container, 'backup-skipped').querySelectorAll('li')].map((item) => item.textContent);
    expect(items).toEqual([
      `Touches: 3, ${t('backupSkipMissingClient')} (${t('backupSkippedExamples', { examples: 't-1: client ghost; t-2: client ghost' })})`,
      `Clients: 1, ${t('backupSkipUnsafeUrl')} (${t('backupSkippedExamples', { examples: 'c-1: javascript:<img src=x onerror=alert(1)>' })})`,
      `Sales book: 1, ${t('backupSkipPolicyControlled')} (${t('backupSkippedExamples', { examples: 'managed: locked' })})`,
    ]);
    expect(byTestId(container, 'backup-skipped').querySelector('img')).toBeNull();
  });

  it('shows no list when nothing was left out', async () => {
    const { container, imports, chooseFile } = await renderData();
    chooseFile('{}');
    await vi.waitFor(() => expect(imports).toHaveLength(1));
    imports[0]!.onUpdate({ kind: 'done', summary: { written: {} as never, total: 2, skipped: [] } });
    await vi.waitFor(() => expect(byTestId(container, 'backup-result').textContent).toBe('Restored 2 records.'));
    expect(container.querySelector('[data-testid="backup-skipped"]')).toBeNull();
  });
});

describe('DataSettings: taught fields', () => {
  const sites: Sites = [
    { origin: 'https://crm.example.com', mappings: [{ field: 'phones', selector: '#phone' }, { field: 'emails', label: 'E-mail <b>x</b>' }] },
    { origin: 'https://empty.example.com', mappings: [] },
  ];

  it('says when none were taught', async () => {
    const { container } = await renderData();
    expect(byTestId(container, 'taught-fields').textContent).toContain(t('taughtNone'));
  });

  it('lists each site with its fields and where they are read, as text', async () => {
    const { container } = await renderData({ sites });
    const taught = byTestId(container, 'taught-fields');
    expect([...taught.querySelectorAll('h3')].map((heading) => heading.textContent)).toEqual(['https://crm.example.com']);
    expect([...taught.querySelectorAll('li > span')].map((row) => row.textContent)).toEqual(['phones #phone', 'emails E-mail <b>x</b>']);
    expect(taught.querySelector('code b')).toBeNull();
  });

  it('forgets one field', async () => {
    const { container, deps } = await renderData({ sites });
    const row = [...byTestId(container, 'taught-fields').querySelectorAll('li')].find((item) => item.textContent.includes('emails'))!;
    buttonByText(row, t('taughtForget')).click();
    await vi.waitFor(() => expect(deps.forgetMapping).toHaveBeenCalledWith('https://crm.example.com', 'emails'));
    await vi.waitFor(() => expect(byTestId(container, 'taught-fields').querySelectorAll('li')).toHaveLength(1));
  });

  it('exports them for the sales book', async () => {
    const files = captureDownloads();
    const { container, model } = await renderData({ sites });
    buttonByText(byTestId(container, 'taught-fields'), t('taughtExport')).click();
    expect(files.map((file) => file.name)).toEqual(['touchbook-field-mappings.json']);
    expect(await files[0]!.text()).toBe(model.mappingsForBook());
  });
});

describe('DataSettings: objections the book could not answer', () => {
  const row = (text: string): UnmatchedObjectionRecord => ({ id: text, text, clientId: null, bookId: 'b', createdAt: Date.UTC(2026, 2, 2) });

  it('lists them as text, exports them as CSV and clears them', async () => {
    const files = captureDownloads();
    const { container, deps } = await renderData({ unmatched: [row('Your van is "too loud"'), row('<img src=x onerror=alert(1)>')] });
    const section = byTestId(container, 'unmatched');
    expect([...section.querySelectorAll('li')].map((item) => item.textContent)).toEqual(['“Your van is "too loud"”', '“<img src=x onerror=alert(1)>”']);
    expect(section.querySelector('img')).toBeNull();

    buttonByText(section, t('unmatchedExport')).click();
    expect(files.map((file) => [file.name, file.type])).toEqual([['touchbook-unanswered-objections.csv', 'text/csv']]);
    expect(await files[0]!.text()).toContain('"Your van is ""too loud"""');

    buttonByText(section, t('unmatchedClear')).click();
    await vi.waitFor(() => expect(byTestId(container, 'unmatched').textContent).toContain(t('unmatchedNone')));
    expect(deps.clearUnmatched).toHaveBeenCalledTimes(1);
  });
});

describe('DataSettings: exports', () => {
  it('saves the planned touches as .ics and all touches as .csv, and says how many', async () => {
    const files = captureDownloads();
    const { container, deps } = await renderData();
    const rows = [{ touch: makeTouch({ goal: 'Follow up' }), client: makeClient() }];
    deps.touchRows.mockImplementation(() => Promise.resolve(rows));
    const section = byTestId(container, 'exports');

    buttonByText(section, t('exportCalendar')).click();
    await vi.waitFor(() => expect(files).toHaveLength(1));
    expect(files[0]).toMatchObject({ name: expect.stringMatching(/^touchbook-planned-touches-\d{4}-\d{2}-\d{2}\.ics$/), type: 'text/calendar' });
    expect(deps.touchRows).toHaveBeenLastCalledWith('pending');
    expect(await files[0]!.text()).toContain('SUMMARY:Follow up — Anna Petrova (Acme Ltd)');
    await vi.waitFor(() => expect(byTestId(container, 'export-result').textContent).toBe(`Touches saved: 1, in ${files[0]!.name}.`));

    buttonByText(section, t('exportTouchesCsv')).click();
    await vi.waitFor(() => expect(files).toHaveLength(2));
    expect(files[1]).toMatchObject({ name: expect.stringMatching(/^touchbook-touches-\d{4}-\d{2}-\d{2}\.csv$/), type: 'text/csv' });
    expect(deps.touchRows).toHaveBeenLastCalledWith('all');
    expect(await files[1]!.text()).toContain('"Anna Petrova","Acme Ltd","Follow up"');
  });

  it('explains how to import the calendar file into Google Calendar, Outlook and Thunderbird', async () => {
    const { container } = await renderData();
    const howTo = byTestId(container, 'export-calendar-how-to').textContent;
    for (const app of ['Google Calendar', 'Outlook', 'Thunderbird']) expect(howTo).toContain(app);
  });

  it('shows the error and saves nothing when the touches cannot be read', async () => {
    const files = captureDownloads();
    const { container, deps } = await renderData();
    deps.touchRows.mockImplementation(() => Promise.reject(new Error('<b>database closed</b>')));
    buttonByText(byTestId(container, 'exports'), t('exportTouchesCsv')).click();
    await vi.waitFor(() => expect(byTestId(container, 'export-result').textContent).toBe('Could not export: <b>database closed</b>'));
    expect(byTestId(container, 'export-result').className).toBe('tb-error');
    expect(files).toEqual([]);
  });
});
