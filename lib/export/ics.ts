import ical, { escape, ICalAlarmType } from 'ical-generator';
import { MINUTE_MS } from '../lifecycle/time';
import { scriptSummary } from '../suggest/script-summary';
import { clientLink, type TouchRow } from './touch-rows';

export interface IcsOptions {
  /** The export time: DTSTAMP. */
  now: number;
  /** The manager's zone: a hint to calendars (X-WR-TIMEZONE) and the zone scripts' dates are said in. */
  timeZone: string;
  /** For dates in the script summary. */
  locale: string;
  /** The calendar's name as a calendar app lists it. */
  calendarName: string;
  managerName?: string | null;
  companyName?: string | null;
  /** How long before the touch the calendar reminds; 15 minutes unless said. */
  alarmMinutesBefore?: number;
  /** How long each event lasts in the calendar; touches have no length, 15 minutes unless said. */
  eventMinutes?: number;
}

/**
 * A stable UID per touch: the touch id is the same every time the plan is made (client,
 * programme, template, occurrence), so a calendar that imports a newer file updates the event it
 * already has instead of adding a second one.
 */
export function touchUid(touchId: string): string {
  return `${touchId}@touchbook`;
}

/**
 * An iCalendar file (RFC 5545) of touches, one VEVENT each with a display alarm. Times are
 * written in UTC (`...Z`): a TZID needs a VTIMEZONE block with the zone's rules, which the
 * extension does not carry, and an exact instant is shown right in any calendar's own zone.
 */
export function touchesToIcs(rows: readonly TouchRow[], options: IcsOptions): string {
  const calendar = ical({
    prodId: { company: 'Touchbook', product: 'Touchbook', language: 'EN' },
    // ical-generator writes the name as given, so it is escaped here (a comma in a translation).
    name: escape(options.calendarName, false),
    // Not `timezone:` on the calendar: ical-generator would then write every time as this
    // computer's wall clock, without the Z.
    x: [['X-WR-TIMEZONE', options.timeZone]],
  });
  const alarmSeconds = (options.alarmMinutesBefore ?? 15) * 60;
  const length = (options.eventMinutes ?? 15) * MINUTE_MS;
  for (const row of rows) {
    const { touch } = row;
    const summary = eventSummary(row);
    calendar.createEvent({
      id: touchUid(touch.id),
      // Minutes since 1970 of the last change: grows with every change, as SEQUENCE must, and
      // stays far below the 32-bit limit some calendars keep it in.
      sequence: Math.floor(touch.updatedAt / MINUTE_MS),
      stamp: new Date(options.now),
      lastModified: new Date(touch.updatedAt),
      start: new Date(touch.dueAt),
      end: new Date(touch.dueAt + length),
      summary,
      description: eventDescription(row, options),
      categories: touch.programmeName ? [{ name: touch.programmeName }] : [],
      alarms: [{ type: ICalAlarmType.display, triggerBefore: alarmSeconds, description: summary }],
    });
  }
  // RFC 5545 ends every line with CRLF, the last one too; ical-generator leaves the last bare.
  const text = calendar.toString();
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}

/** "Follow up — Anna Petrova (Acme Ltd)". */
export function eventSummary({ touch, client }: TouchRow): string {
  if (!client?.name) return touch.goal;
  return `${touch.goal} — ${client.name}${client.company && client.company !== client.name ? ` (${client.company})` : ''}`;
}

/** The programme and channel, what to say (cut short), and the client's CRM page when it is a web page. */
function eventDescription(row: TouchRow, options: IcsOptions): string {
  const heading = [row.touch.programmeName, row.touch.channel].filter((part) => part).join(' · ');
  const link = clientLink(row.client);
  return [heading, scriptSummary(row, options), link].filter((part): part is string => !!part).join('\n');
}
