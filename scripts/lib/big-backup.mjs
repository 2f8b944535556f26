import { writeFileSync } from 'node:fs';

/**
 * A large Touchbook backup file, made in Node for the restore tests and benchmarks (issue 16):
 * `touches` touches over `clients` clients, each touch ~620 bytes of JSON like a real one (a
 * short script), so 200,000 touches are ~120 MB: past Chrome's 64 MiB message limit.
 * The touches are the manager's own and done, so the re-plan after a restore keeps every one.
 *
 * @param {string} file where to write it
 * @param {{ touches: number, clients: number, exportedAt?: number, prefix?: string }} size `prefix` starts every id
 * @returns {{ bytes: number, rows: number, touchIds: string[] }} `touchIds`: a spread of ids to look for afterwards
 */
export function writeBigBackup(file, { touches, clients, exportedAt = Date.UTC(2026, 0, 15), prefix = 'big' }) {
  const origin = 'https://crm.example.com';
  const clientRows = Array.from({ length: clients }, (_, index) => {
    const url = `${origin}/contacts/${index}`;
    return {
      id: `${prefix}-client-${index}`,
      name: `Client ${index}`,
      firstName: 'Client',
      lastName: String(index),
      company: `Company ${index % 97}`,
      jobTitle: null,
      emails: [`client${index}@example.com`],
      phones: [],
      phoneKeys: [],
      recordKeys: [`${origin}|${index}`],
      records: [{ origin, recordId: String(index), url, source: 'demo', seenAt: exportedAt }],
      stage: null,
      amount: null,
      birthday: null,
      tags: [],
      owner: null,
      products: [],
      lastSnapshot: {
        source: 'demo', origin, url, recordType: 'contact', recordId: String(index), name: `Client ${index}`,
        firstName: 'Client', lastName: String(index), company: `Company ${index % 97}`, jobTitle: null, phones: [],
        emails: [`client${index}@example.com`], stage: null, amount: null, birthday: null, lastPurchase: null,
        nextContact: null, tags: [], owner: null, products: [], fields: [], provenance: {},
      },
      createdAt: exportedAt,
      updatedAt: exportedAt,
      buyerType: null,
      churnReason: null,
    };
  });
  const script = 'Hello {{client.firstName}}, how is everything going with your purchase? Any questions I can help with?';
  const parts = [`{"format":"touchbook-backup","version":1,"exportedAt":${exportedAt},"tables":{"clients":${JSON.stringify(clientRows)},"events":[],"touches":[`];
  const touchIds = [];
  const spread = Math.max(1, Math.floor(touches / 10));
  for (let index = 0; index < touches; index += 1) {
    const id = `${prefix}-touch-${index}`;
    if (index % spread === 0 || index === touches - 1) touchIds.push(id);
    const at = exportedAt - (touches - index) * 60_000;
    const touch = {
      id, clientId: `${prefix}-client-${index % clients}`, programmeId: 'history', templateId: `call-${index % 7}`, state: 'done', dueAt: at,
      goal: 'Check satisfaction after the purchase', role: 'Sales manager', channel: 'call', script, outcome: 'reached',
      note: `call ${index}`, updatedAt: at, programmeName: 'History', priority: 0, roleId: 'sales-manager', anchorEventId: null,
      occurrence: String(index), source: 'manager', expiresAt: null, snoozedUntil: null, outcomeAt: at, skipReason: null, createdAt: at,
    };
    parts.push(`${index === 0 ? '' : ','}${JSON.stringify(touch)}`);
  }
  parts.push('],"answers":[],"books":[],"sites":[],"settings":[],"offers":[],"unmatchedObjections":[]}}\n');
  const text = parts.join('');
  writeFileSync(file, text);
  return { bytes: Buffer.byteLength(text), rows: clients + touches, touchIds };
}
