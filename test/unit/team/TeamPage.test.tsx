import { describe, expect, it, vi } from 'vitest';
import { TeamPage } from '../../../components/team/TeamPage';
import type { CouchClient } from '../../../lib/team/couch';
import { dayDocId } from '../../../lib/team/docs';
import { createLeadModel } from '../../../lib/team/lead';
import { t } from '../factories';
import { byTestId, buttonByText, mount } from '../components/render';
import { makeDayBody } from './team-factories';

function fakeClient(rows: Array<{ id: string; doc: unknown }>): CouchClient {
  const changes: CouchClient['changes'] = (since) =>
    Promise.resolve(since === 0 ? { results: rows.map((row, index) => ({ ...row, seq: index + 1 })), last_seq: rows.length } : { results: [], last_seq: since });
  // No team index: the settings name one team database.
  return { changes, getDoc: () => Promise.resolve(null) } as unknown as CouchClient;
}

describe('TeamPage', () => {
  it('shows the managers side by side, the objections ranked, the skipped documents, and drafts a book entry', async () => {
    const anna = makeDayBody({ managerId: 'anna', managerName: 'Anna', day: '2026-03-10', objections: [{ text: 'Too expensive', count: 2 }], top: [{ currency: 'EUR', ids: ['a'], entered: 1, dropped: 0 }] });
    const bob = makeDayBody({ managerId: 'bob', managerName: 'Bob', day: '2026-03-09', objections: [{ text: 'Send me an e-mail <b>', count: 1 }] });
    const rows = [
      { id: dayDocId('anna', '2026-03-10'), doc: { ...anna, _id: dayDocId('anna', '2026-03-10'), _rev: '1-a' } },
      { id: dayDocId('bob', '2026-03-09'), doc: { ...bob, _id: dayDocId('bob', '2026-03-09'), _rev: '1-b' } },
      { id: dayDocId('eve', '2026-03-09'), doc: { _id: dayDocId('eve', '2026-03-09'), _rev: '1-c', type: 'touchbook/day' } },
    ];
    const copied: string[] = [];
    const model = createLeadModel({ client: () => Promise.resolve(fakeClient(rows)), today: () => '2026-03-10', copy: (text) => (copied.push(text), Promise.resolve()), placeholderAnswer: 'Write the answer here.' });
    await model.refresh();
    const container = mount(<TeamPage model={model} t={t} locale="en" />);
    const table = byTestId(container, 'team-managers');
    const cells = (manager: string): Record<string, string> =>
      Object.fromEntries([...table.querySelectorAll(`tr[data-manager="${manager}"] td`)].map((cell): [string, string] => [cell.getAttribute('data-col') ?? '', cell.textContent ?? '']));
    expect(cells('anna')).toMatchObject({ 'done-due': '2 / 3', overdue: '1', repeat: 'EUR 100%', top: 'EUR: +1 / −0 of 1', 'last-day': '2026-03-10' });
    expect(cells('bob')).toMatchObject({ top: 'not shared' });
    const objections = [...byTestId(container, 'team-objections').querySelectorAll('li strong')].map((item) => item.textContent);
    expect(objections).toEqual(['Too expensive', 'Send me an e-mail <b>']); // text, never HTML
    expect(byTestId(container, 'team-skipped').textContent).toMatch(/1 documents were skipped/);

    buttonByText(byTestId(container, 'team-objections'), 'Copy a book entry').click();
    // Wait for the copy itself, not a fixed number of ticks: a loaded machine runs the click's promise hops later.
    await vi.waitFor(() => expect(copied).toHaveLength(1));
    expect(JSON.parse(copied[0]!)).toMatchObject({ category: 'other', phrasings: ['Too expensive'] });
    await vi.waitFor(() => expect(byTestId(container, 'team-draft').textContent).toMatch(/Copied/));
    // The team did not turn client outcomes on: no client section at all.
    expect(container.querySelector('[data-testid="team-clients"]')).toBeNull();
  });

  it("reads each manager's database from the team index, says whose failed and who is silent, and shows shared clients", async () => {
    const anna = makeDayBody({
      managerId: 'anna',
      managerName: 'Anna',
      day: '2026-03-10',
      clientOutcomes: [{ record: 'https://crm.example|42', programmeId: 'durable', outcome: 'not-interested', at: Date.parse('2026-03-10T10:00:00Z') }],
    });
    const databases: Record<string, CouchClient> = {
      'touchbook-anna': fakeClient([{ id: dayDocId('anna', '2026-03-10'), doc: { ...anna, _id: dayDocId('anna', '2026-03-10'), _rev: '1-a' } }]),
      'touchbook-carol': fakeClient([]),
    };
    const index = {
      getDoc: () =>
        Promise.resolve({
          _id: 'touchbook-team',
          _rev: '1-i',
          type: 'touchbook/team',
          schema: 1,
          managers: [
            { id: 'anna', name: 'Anna', db: 'touchbook-anna' },
            { id: 'bob', name: 'Bob', db: 'touchbook-bob' },
            { id: 'carol', name: 'Carol', db: 'touchbook-carol' },
          ],
        }),
      sibling: (name: string) => databases[name] ?? ({ changes: () => Promise.reject(new Error('_changes: HTTP 401 (You are not authorized to access this db.)')) } as unknown as CouchClient),
    } as unknown as CouchClient;
    const model = createLeadModel({ client: () => Promise.resolve(index), today: () => '2026-03-10', copy: () => Promise.resolve(), placeholderAnswer: 'x' });
    await model.refresh();
    const container = mount(<TeamPage model={model} t={t} locale="en" />);
    expect([...byTestId(container, 'team-managers').querySelectorAll('tbody tr')].map((row) => row.getAttribute('data-manager'))).toEqual(['anna']);
    expect(byTestId(container, 'team-source-failed').textContent).toBe(
      "Could not read bob's database (touchbook-bob): _changes: HTTP 401 (You are not authorized to access this db.). Their figures may be behind.",
    );
    expect(byTestId(container, 'team-silent').textContent).toBe('Nothing received for this period from: Bob, Carol.');
    const client = byTestId(container, 'team-clients').querySelector('tr[data-record="https://crm.example|42"]')!;
    expect(client.querySelector('[data-col="managers"]')?.textContent).toBe('Anna');
    expect(client.querySelector('[data-col="last"]')?.textContent).toMatch(/^Not interested, Anna, /);
  });
});
