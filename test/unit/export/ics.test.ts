import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { ClientRecord } from '../../../lib/db/schema';
import { touchesToIcs, touchUid, type IcsOptions } from '../../../lib/export/ics';
import { SCRIPT_SUMMARY_CHARS } from '../../../lib/suggest/script-summary';
import type { TouchRow } from '../../../lib/export/touch-rows';
import { makeClient } from '../factories';
import { makeTouch } from '../lifecycle/factories';

const OPTIONS: IcsOptions = {
  now: Date.UTC(2026, 2, 1, 8, 0),
  timeZone: 'Europe/Kyiv',
  locale: 'en',
  calendarName: 'Touchbook: planned touches',
  managerName: 'Oleg',
};

function row(touch: Parameters<typeof makeTouch>[0] = {}, client: Partial<ClientRecord> | null = {}): TouchRow {
  return { touch: makeTouch(touch), client: client === null ? null : makeClient(client) };
}

/** The file as a calendar reads it: ical.js's RFC 5545 parser. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      start: event.startDate.toJSDate().getTime(),
      startIsUtc: event.startDate.zone === ICAL.Timezone.utcTimezone,
      end: event.endDate.toJSDate().getTime(),
      summary: event.summary,
      description: event.description,
      sequence: event.sequence,
      alarms: component.getAllSubcomponents('valarm').map((alarm) => ({
        action: alarm.getFirstPropertyValue('action'),
        trigger: String(alarm.getFirstPropertyValue('trigger')),
        description: alarm.getFirstPropertyValue('description'),
      })),
    };
  });
  return { calendar, events };
}

describe('touchesToIcs', () => {
  it('writes one event per touch, in UTC, with the touch and client as its title and a reminder', () => {
    const first = row({ id: 'c1:after-purchase:follow-up:p1', dueAt: Date.UTC(2026, 2, 2, 7, 30), goal: 'Follow up' }, { name: 'Anna Petrova', company: 'Acme Ltd' });
    const second = row({ id: 'c2:birthday:greet:2026', dueAt: Date.UTC(2026, 4, 17, 6, 0), goal: 'Birthday wishes' }, { id: 'c2', name: 'Ivan', company: null });
    const { calendar, events } = parse(touchesToIcs([first, second], OPTIONS));

    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Touchbook: planned touches');
    expect(calendar.getFirstPropertyValue('x-wr-timezone')).toBe('Europe/Kyiv');
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({
      uid: 'c1:after-purchase:follow-up:p1@touchbook',
      start: Date.UTC(2026, 2, 2, 7, 30),
      startIsUtc: true,
      end: Date.UTC(2026, 2, 2, 7, 45),
      summary: 'Follow up — Anna Petrova (Acme Ltd)',
      alarms: [{ action: 'DISPLAY', trigger: '-PT15M', description: 'Follow up — Anna Petrova (Acme Ltd)' }],
    });
    expect(events[1]).toMatchObject({ uid: 'c2:birthday:greet:2026@touchbook', start: Date.UTC(2026, 4, 17, 6, 0), summary: 'Birthday wishes — Ivan' });
  });

  it('keeps each UID from one export to the next, and raises SEQUENCE when the touch changed', () => {
    const planned = row({ updatedAt: Date.UTC(2026, 2, 1), dueAt: Date.UTC(2026, 2, 5, 9) });
    const moved = { ...planned, touch: { ...planned.touch, dueAt: Date.UTC(2026, 2, 6, 9), updatedAt: Date.UTC(2026, 2, 2) } };
    const before = parse(touchesToIcs([planned], OPTIONS)).events[0]!;
    const after = parse(touchesToIcs([moved], { ...OPTIONS, now: OPTIONS.now + 86_400_000 })).events[0]!;
    expect(after.uid).toBe(before.uid);
    expect(after.uid).toBe(touchUid(planned.touch.id));
    expect(after.start).toBe(Date.UTC(2026, 2, 6, 9));
    expect(after.sequence).toBeGreaterThan(before.sequence);
  });

  it('describes the programme, the script filled from the card, and the CRM page', () => {
    const { events } = parse(
      touchesToIcs(
        [row({ programmeName: 'After the purchase', channel: 'call', script: 'Hi {{client.firstName}}, {{manager.name}} here about your {{product}}.' })],
        OPTIONS,
      ),
    );
    expect(events[0]!.description).toBe('After the purchase · call\nHi Anna, Oleg here about your [product].\nhttps://crm.example.com/contacts/42');
  });

  it('links only to web pages: no javascript: or file: address reaches the calendar', () => {
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,<b>x</b>', 'not a url']) {
      const client = { records: [{ origin: 'https://crm.example.com', recordId: '42', url, source: 'demo', seenAt: 1 }] };
      const description = parse(touchesToIcs([row({}, client)], OPTIONS)).events[0]!.description;
      expect(description).not.toContain(url);
      expect(description.split('\n')).toHaveLength(2);
    }
  });

  it('escapes commas, semicolons, backslashes and line breaks so they read back as written', () => {
    const script = 'Line one, with a comma; and a semicolon\nLine two \\ with a backslash\r\nLine three';
    const text = touchesToIcs([row({ goal: 'Call; then, mail', script, programmeName: '', channel: '' }, { name: 'Smith, John; Jr', company: null, records: [] })], OPTIONS);
    expect(text).toContain('SUMMARY:Call\\; then\\, mail — Smith\\, John\\; Jr');
    const event = parse(text).events[0]!;
    expect(event.summary).toBe('Call; then, mail — Smith, John; Jr');
    expect(event.description).toBe('Line one, with a comma; and a semicolon\nLine two \\ with a backslash\nLine three');
  });

  it('keeps Cyrillic and Greek intact, folding long lines at 75 octets without splitting a character', () => {
    const script = 'Добрий день, {{client.firstName}}! Дякуємо за покупку. Καλημέρα σας, ευχαριστούμε πολύ για την αγορά σας. 👋 Ще раз дякуємо!';
    const text = touchesToIcs([row({ goal: 'Подзвонити після покупки', script, programmeName: 'Після покупки' }, { name: 'Олена Коваленко', firstName: 'Олена', company: null })], OPTIONS);
    const bytes = new TextEncoder();
    const lines = text.split('\r\n');
    expect(lines.at(-1)).toBe(''); // every line ends with CRLF, the last one too
    for (const line of lines) expect(bytes.encode(line).length).toBeLessThanOrEqual(75);
    expect(lines.some((line) => line.startsWith(' '))).toBe(true); // the description was long enough to fold
    // A folded line never starts inside a character: each line is valid UTF-8 on its own.
    const decoder = new TextDecoder('utf-8', { fatal: true });
    for (const line of lines) expect(() => decoder.decode(bytes.encode(line))).not.toThrow();

    const event = parse(text).events[0]!;
    expect(event.summary).toBe('Подзвонити після покупки — Олена Коваленко');
    expect(event.description).toBe(`Після покупки · call\n${script.replace('{{client.firstName}}', 'Олена')}\nhttps://crm.example.com/contacts/42`);
  });

  it('cuts a long script to a summary', () => {
    const description = parse(touchesToIcs([row({ script: 'word '.repeat(200), programmeName: '', channel: '' }, { records: [] })], OPTIONS)).events[0]!.description;
    expect(description.length).toBe(SCRIPT_SUMMARY_CHARS);
    expect(description.endsWith('…')).toBe(true);
  });

  it('titles a touch whose client is gone by the touch alone', () => {
    const { events } = parse(touchesToIcs([row({ goal: 'Follow up' }, null)], OPTIONS));
    expect(events[0]!.summary).toBe('Follow up');
  });

  it('an empty plan is a valid, empty calendar', () => {
    const { calendar, events } = parse(touchesToIcs([], OPTIONS));
    expect(calendar.name).toBe('vcalendar');
    expect(events).toEqual([]);
  });
});
