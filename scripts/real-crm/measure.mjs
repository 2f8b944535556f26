// `npm run real-crm`: Touchbook on a real CRM it has no adapter for. Installs Atomic CRM
// (react-admin + Material UI, from the npm registry, with its own lockfile in this folder),
// builds it, serves it on 127.0.0.1, and in each browser (Debian's Chromium and Firefox ESR) walks
// through it as a manager would: contacts opened from the list, companies from their grid, deals
// clicked on the board (cards that are not links; the deal opens in a dialog). Every record the
// CRM showed is compared, field by field, with what Touchbook read; the verdicts are written to
// bench/real-crm.json and printed as a table.
//
//   npm run real-crm [-- --browser chromium|firefox] [-- --records N]
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { browserAvailable, launchWithExtension } from '../lib/browser-session.mjs';
import { ExtensionProbe, OptionsPage, waitFor } from '../lib/pages.mjs';
import { run } from '../lib/run.mjs';
import { startDemoServer } from '../serve-demo.mjs';

const HERE = path.resolve('scripts/real-crm');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 && args[index + 1] ? args[index + 1] : fallback;
};
const browsers = option('browser', 'chromium,firefox').split(',').filter((name) => name === 'chromium' || name === 'firefox');
const perKind = Number(option('records', '8'));
/** Atomic CRM's deal stages as it labels them (root/defaultConfiguration.ts). */
const DEAL_STAGES = { opportunity: 'Opportunity', 'proposal-sent': 'Proposal Sent', 'in-negociation': 'In Negotiation', won: 'Won', lost: 'Lost', delayed: 'Delayed' };

async function step(what, command, commandArgs, cwd) {
  console.log(`▶ ${what}`);
  const code = await run('sh', ['-c', `cd "${cwd}" && ${[command, ...commandArgs].join(' ')}`]);
  if (code !== 0) throw new Error(`${what} failed (exit ${code})`);
}

if (!existsSync(path.join(HERE, 'node_modules/atomic-crm'))) await step('installing Atomic CRM from the npm registry', 'npm', ['ci', '--no-audit', '--no-fund'], HERE);
await step('building Atomic CRM', 'npx', ['vite', 'build', '--logLevel', 'warn'], HERE);
await step('building the extension (demo flavour)', 'npm', ['run', '--silent', 'build:demo'], path.resolve('.'));

const server = await startDemoServer({ root: path.join(HERE, 'dist') });
const report = { crm: 'atomic-crm 0.0.2 (react-admin 5, Material UI 5), fake data provider', measuredAt: new Date().toISOString(), browsers: {} };
try {
  for (const browserName of browsers) {
    if (!browserAvailable(browserName)) {
      console.warn(`skipping ${browserName}: not installed`);
      continue;
    }
    report.browsers[browserName] = await measure(browserName);
  }
} finally {
  await server.close();
}
mkdirSync('bench', { recursive: true });
writeFileSync('bench/real-crm.json', `${JSON.stringify(report, null, 2)}\n`);
printTable(report);

/** @param {'chromium' | 'firefox'} browserName */
async function measure(browserName) {
  console.log(`▶ ${browserName}`);
  const session = await launchWithExtension(browserName);
  try {
    const options = new OptionsPage(await session.openExtensionPage('options.html'));
    await options.enableSite(server.url);
    const probe = new ExtensionProbe(await session.openExtensionPage('sidepanel.html'));
    const page = await session.browser.newPage();
    await page.setViewport({ width: 1400, height: 900 });
    const records = [];

    // Contacts and companies are opened from their lists, whose items are links.
    for (const resource of ['contacts', 'companies']) {
      const links = `a[href^="#/${resource}/"][href$="/show"]`;
      await openList(page, `#/${resource}`, links);
      for (const id of await idsIn(page, links, new RegExp(`#/${resource}/(\\d+)/show`))) {
        await page.click(`a[href="#/${resource}/${id}/show"]`);
        records.push(await verdict(page, probe, resource, id));
        await page.goBack();
        await page.waitForSelector(links);
      }
    }

    await openList(page, '#/deals', '[data-rfd-draggable-id]');
    const dealIds = await page.$$eval('[data-rfd-draggable-id]', (cards) => cards.map((card) => card.getAttribute('data-rfd-draggable-id') ?? ''));
    for (const id of dealIds.slice(0, perKind)) {
      await page.click(`[data-rfd-draggable-id="${id}"]`); // a div with an onClick, not a link
      records.push(await verdict(page, probe, 'deals', id));
      await page.keyboard.press('Escape'); // the dialog closes and the board's route comes back
      await page.waitForFunction(() => location.hash === '#/deals' && !document.querySelector('[role="dialog"]'));
    }
    return summarise(records);
  } finally {
    await session.close();
  }
}

async function openList(page, route, selector) {
  await page.goto(`${server.url}/${route}`, { waitUntil: 'load' });
  await page.waitForSelector(selector, { timeout: 20_000 });
}

async function idsIn(page, selector, pattern) {
  const hrefs = await page.$$eval(selector, (links) => links.map((link) => link.getAttribute('href') ?? ''));
  return [...new Set(hrefs.map((href) => pattern.exec(href)?.[1]).filter(Boolean))].slice(0, perKind);
}

/**
 * Waits for Touchbook's reading of the record the CRM opened (up to 6 s after the click), then
 * compares it with what the CRM's own data says the page shows.
 */
async function verdict(page, probe, resource, id) {
  const clickedAt = Date.now();
  const recordType = { contacts: 'contact', companies: 'company', deals: 'deal' }[resource];
  let snapshot = null;
  try {
    await waitFor(
      async () => {
        const focus = await probe.focus();
        snapshot = focus.state === 'client' && focus.client?.lastSnapshot?.recordId === id ? focus.client.lastSnapshot : null;
        return snapshot !== null;
      },
      { timeoutMs: 6_000, intervalMs: 50, what: `Touchbook's reading of ${resource}/${id}` },
    );
  } catch {
    snapshot = null;
  }
  const readAfterMs = snapshot ? Date.now() - clickedAt : null;
  const truth = await page.evaluate(() => /** @type {any} */ (window).__atomicRecords);
  const expected = expectedFields(truth, resource, id);
  const fields = {};
  for (const [field, want] of Object.entries(expected)) fields[field] = compare(field, want, snapshot?.[field] ?? null);
  // A field Touchbook read that the page does not show is invented.
  for (const field of ['stage', 'amount', 'birthday', 'nextContact', 'lastPurchase', 'jobTitle', 'company']) {
    if (!(field in expected) && snapshot?.[field] != null && !(Array.isArray(snapshot[field]) && snapshot[field].length === 0)) {
      fields[field] = { verdict: 'invented', read: snapshot[field] };
    }
  }
  if (!snapshot) console.log(`  ${resource}/${id}: no client read`);
  return { resource, id, recordType, read: snapshot !== null, readAfterMs, fields };
}

/** What the record's page shows, from the CRM's own records, in Touchbook's field names. */
function expectedFields(truth, resource, id) {
  const record = truth?.[resource]?.[id] ?? {};
  const sale = (saleId) => {
    const seller = truth?.sales?.[String(saleId)];
    return seller ? `${seller.first_name} ${seller.last_name}` : null;
  };
  if (resource === 'contacts') {
    const company = truth?.companies?.[String(record.company_id)];
    return {
      recordType: 'contact',
      name: `${record.first_name} ${record.last_name}`,
      firstName: record.first_name,
      lastName: record.last_name,
      jobTitle: record.title || null,
      company: company?.name ?? null,
      emails: record.email ? [record.email] : [],
      phones: [record.phone_1_number, record.phone_2_number].filter(Boolean),
      tags: (record.tags ?? []).map((tagId) => truth?.tags?.[String(tagId)]?.name).filter(Boolean),
      owner: sale(record.sales_id),
    };
  }
  if (resource === 'companies') {
    return { recordType: 'company', name: record.name, phones: [record.phone_number].filter(Boolean), owner: sale(record.sales_id) };
  }
  return { recordType: 'deal', name: record.name, stage: DEAL_STAGES[record.stage] ?? record.stage, amount: record.amount ?? null };
}

/** right, wrong, missed (shown, not read), invented (read, not shown) or absent (neither). */
function compare(field, want, got) {
  const empty = (value) => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
  if (empty(want)) return empty(got) ? { verdict: 'absent' } : { verdict: 'invented', read: got };
  if (empty(got)) return { verdict: 'missed', shown: want };
  let same;
  if (field === 'phones') {
    const digits = (phone) => String(phone).split(/\s*(?:x|ext\.?)\s*\d+$/i)[0].replace(/\D/g, '').slice(-10);
    const wanted = want.map(digits).sort();
    const read = got.map((phone) => digits(phone.raw)).sort();
    same = JSON.stringify(wanted) === JSON.stringify(read);
  } else if (field === 'amount') {
    // The CRM shows deal amounts rounded to three figures ("$59.4K").
    same = got.currency === 'USD' && Math.abs(got.value - want) / want < 0.01;
  } else if (field === 'emails') {
    // Touchbook keeps addresses in lower case: "Luke35@yahoo.com" is the same mailbox.
    same = JSON.stringify(want.map((email) => email.toLowerCase()).sort()) === JSON.stringify([...got].sort());
  } else if (Array.isArray(want)) {
    same = JSON.stringify([...want].sort()) === JSON.stringify([...got].sort());
  } else same = want === got;
  return same ? { verdict: 'right' } : { verdict: 'wrong', shown: want, read: got };
}

function summarise(records) {
  const fields = {};
  for (const record of records) {
    for (const [field, { verdict }] of Object.entries(record.fields)) {
      const counts = (fields[`${record.recordType}.${field}`] ??= { right: 0, wrong: 0, missed: 0, invented: 0, absent: 0 });
      counts[verdict] += 1;
    }
  }
  const times = records.map((record) => record.readAfterMs).filter((ms) => ms !== null).sort((a, b) => a - b);
  return {
    records: records.length,
    read: records.filter((record) => record.read).length,
    readAfterMsMedian: times.length ? times[Math.floor(times.length / 2)] : null,
    fields,
    details: records,
  };
}

function printTable(result) {
  for (const [browserName, measured] of Object.entries(result.browsers)) {
    console.log(`\n${browserName}: ${measured.read}/${measured.records} records read; click -> reading in the background, median ${measured.readAfterMsMedian} ms`);
    console.log(`${'field'.padEnd(22)} right  wrong  missed  invented  absent`);
    for (const [field, counts] of Object.entries(measured.fields)) {
      console.log(`${field.padEnd(22)} ${String(counts.right).padStart(5)}  ${String(counts.wrong).padStart(5)}  ${String(counts.missed).padStart(6)}  ${String(counts.invented).padStart(8)}  ${String(counts.absent).padStart(6)}`);
    }
    for (const record of measured.details) {
      for (const [field, detail] of Object.entries(record.fields)) {
        if (detail.verdict === 'wrong' || detail.verdict === 'missed' || detail.verdict === 'invented') {
          console.log(`  ${record.resource}/${record.id} ${field}: ${detail.verdict}${'shown' in detail ? ` shown ${JSON.stringify(detail.shown)}` : ''}${'read' in detail ? ` read ${JSON.stringify(detail.read)}` : ''}`);
        }
      }
    }
  }
}
