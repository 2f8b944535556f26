import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { spreadsheetDateTime, touchesToCsv } from '../../../lib/export/touches-csv';
import { createTranslator } from '../../../lib/i18n';
import { makeClient } from '../factories';
import { makeTouch } from '../lifecycle/factories';

function parse(csv: string): string[][] {
  const result = Papa.parse<string[]>(csv, { skipEmptyLines: true });
  expect(result.errors).toEqual([]);
  return result.data;
}

describe('touchesToCsv', () => {
  const rows = [
    {
      touch: makeTouch({ goal: 'Follow up', programmeName: 'After the purchase', channel: 'call', dueAt: Date.UTC(2026, 2, 2, 7, 30), state: 'done', outcome: 'reached', note: 'Wants tyres, "winter" ones' }),
      client: makeClient({ name: 'Smith, John', company: 'Acme Ltd' }),
    },
    {
      touch: makeTouch({ id: 't2', goal: '=cmd|calc', programmeName: 'Birthday', dueAt: Date.UTC(2026, 5, 1, 21, 15), state: 'skipped', skipReason: 'on holiday' }),
      client: null,
    },
    { touch: makeTouch({ id: 't3', state: 'planned', dueAt: Date.UTC(2026, 11, 31, 23, 0) }), client: makeClient({ name: 'Γιώργος', company: null }) },
  ];

  it('has one row per touch: client, touch, programme, due on the manager clock, status and outcome', () => {
    const parsed = parse(touchesToCsv(rows, { t: createTranslator('en'), timeZone: 'Europe/Kyiv' }));
    expect(parsed[0]).toEqual(['Client', 'Company', 'Touch', 'Programme', 'Channel', 'Due', 'Status', 'Outcome', 'Note']);
    expect(parsed.slice(1)).toEqual([
      ['Smith, John', 'Acme Ltd', 'Follow up', 'After the purchase', 'call', '2026-03-02 09:30', 'Done', 'Reached', 'Wants tyres, "winter" ones'],
      // A touch name that looks like a formula is neutralised; a skipped touch shows its reason.
      ['', '', "'=cmd|calc", 'Birthday', 'call', '2026-06-02 00:15', 'Skipped', 'on holiday', ''],
      // Kyiv is two hours ahead in winter: the last evening of 2026 is already 2027 there.
      ['Γιώργος', '', 'Follow up', 'After the purchase', 'call', '2027-01-01 01:00', 'Planned', '', ''],
    ]);
  });

  it('speaks the manager language in headers and states', () => {
    const parsed = parse(touchesToCsv(rows.slice(0, 1), { t: createTranslator('uk'), timeZone: 'UTC' }));
    expect(parsed[0]?.slice(0, 3)).toEqual(['Клієнт', 'Компанія', 'Дотик']);
    expect(parsed[1]?.slice(5, 8)).toEqual(['2026-03-02 07:30', 'Виконано', 'Додзвонився']);
  });

  it('writes dates as the manager reads them, across a clock change', () => {
    // Europe/Kyiv moves from +02:00 to +03:00 at 01:00 UTC on 29 March 2026.
    expect(spreadsheetDateTime(Date.UTC(2026, 2, 29, 0, 59), 'Europe/Kyiv')).toBe('2026-03-29 02:59');
    expect(spreadsheetDateTime(Date.UTC(2026, 2, 29, 1, 0), 'Europe/Kyiv')).toBe('2026-03-29 04:00');
  });
});
