import { describe, expect, it } from 'vitest';
import { TeamPage } from '../../../components/team/TeamPage';
import type { CouchClient } from '../../../lib/team/couch';
import { dayDocId } from '../../../lib/team/docs';
import { createLeadModel } from '../../../lib/team/lead';
import { t, tick } from '../factories';
import { byTestId, buttonByText, mount } from '../components/render';
import { makeDayBody } from './team-factories';

function fakeClient(rows: Array<{ id: string; doc: unknown }>): CouchClient {
  const changes: CouchClient['changes'] = (since) =>
    Promise.resolve(since === 0 ? { results: rows.map((row, index) => ({ ...row, seq: index + 1 })), last_seq: rows.length } : { results: [], last_seq: since });
  return { changes } as unknown as CouchClient;
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
    await tick();
    await tick();
    expect(JSON.parse(copied[0]!)).toMatchObject({ category: 'other', phrasings: ['Too expensive'] });
    expect(byTestId(container, 'team-draft').textContent).toMatch(/Copied/);
  });
});
