import type { ClientSnapshot } from '../../lib/crm/snapshot';
import type { ClientRecord, EventRecord, TouchRecord, TouchState } from '../../lib/db/schema';

/**
 * Synthetic clients and touches for the lifecycle benchmarks (fake-indexeddb in
 * test/bench/lifecycle.bench.ts, the real extension database in scripts/bench/lib/): the same
 * deterministic data, so the two measure the same thing.
 */

const DAY = 86_400_000;

/** A small deterministic generator, so every run measures the same data. */
export function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

const PRODUCTS = [
  { name: 'Skoda Octavia', category: 'Car' },
  { name: 'Water filters', category: 'Consumables' },
  { name: 'Nokian Hakkapeliitta', category: 'Tyres' },
  { name: 'Concrete M300', category: 'Concrete' },
  { name: 'Dishwasher', category: 'Appliance' },
  { name: 'Office chair', category: 'Furniture' },
];

function isoDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

export function syntheticClients(count: number, now: number, idPrefix = 'client-'): ClientRecord[] {
  const next = random(42);
  return Array.from({ length: count }, (_, index) => {
    const products = Array.from({ length: 1 + Math.floor(next() * 3) }, () => {
      const product = PRODUCTS[Math.floor(next() * PRODUCTS.length)]!;
      return { ...product, purchasedAt: isoDate(now - Math.floor(next() * 900) * DAY) };
    });
    const tags = [next() < 0.2 ? 'farm' : 'retail', ...(next() < 0.3 ? ['discount'] : [])];
    const stage = next() < 0.4 ? 'Closed won' : 'Negotiation';
    const birthday = next() < 0.6 ? isoDate(Date.UTC(1960 + Math.floor(next() * 40), Math.floor(next() * 12), 1 + Math.floor(next() * 28))) : null;
    const snapshot = { lastPurchase: null, fields: [] } as unknown as ClientSnapshot;
    return {
      id: `${idPrefix}${index}`,
      name: `Client ${index}`,
      firstName: null,
      lastName: null,
      company: null,
      jobTitle: null,
      emails: [],
      phones: [],
      phoneKeys: [],
      recordKeys: [],
      records: [],
      stage,
      amount: null,
      birthday,
      tags,
      owner: null,
      products,
      lastSnapshot: snapshot,
      createdAt: now,
      updatedAt: now,
      buyerType: null,
      churnReason: null,
    };
  });
}

export function syntheticTouches(count: number, now: number, clientPrefix = 'client-'): TouchRecord[] {
  const next = random(7);
  const states: Array<[TouchState, number]> = [
    ['planned', 0.7],
    ['due', 0.05],
    ['snoozed', 0.03],
    ['done', 0.15],
    ['missed', 0.05],
    ['skipped', 0.02],
  ];
  return Array.from({ length: count }, (_, index) => {
    let roll = next();
    const state = states.find(([, share]) => (roll -= share) < 0)?.[0] ?? 'planned';
    const future = state === 'planned' || (state === 'snoozed' && next() < 0.5);
    const dueAt = future ? now + Math.floor(next() * 400 * DAY) : now - Math.floor(next() * 400 * DAY);
    return {
      id: `${clientPrefix}${index % 20_000}:durable-goods:satisfaction-call:${index}`,
      clientId: `${clientPrefix}${index % 20_000}`,
      programmeId: 'durable-goods',
      templateId: 'satisfaction-call',
      state,
      dueAt,
      goal: 'Check that the client is happy with the purchase',
      role: 'Sales manager',
      channel: 'call',
      script: 'Good afternoon, {{client.firstName}}!',
      outcome: null,
      note: null,
      updatedAt: now,
      programmeName: 'Durable goods',
      priority: 10,
      roleId: 'sales-manager',
      anchorEventId: null,
      occurrence: String(index),
      source: 'plan',
      expiresAt: null,
      snoozedUntil: state === 'snoozed' ? dueAt : null,
      outcomeAt: null,
      skipReason: null,
      createdAt: now,
    };
  });
}

/**
 * Purchase events over the two years before `now`, spread over `clients` clients, in two
 * currencies (about one in five in UAH), a few refunds: what the Insights figures read.
 */
export function syntheticPurchases(count: number, now: number, clients: number, clientPrefix = 'client-'): EventRecord[] {
  const next = random(99);
  return Array.from({ length: count }, (_, index) => {
    const at = now - Math.floor(next() * 730) * DAY;
    const refund = next() < 0.02;
    const currency = next() < 0.2 ? 'UAH' : 'EUR';
    const amount = Math.round((currency === 'UAH' ? 40 : 1) * (50 + next() * 5_000)) * (refund ? -1 : 1);
    return {
      id: `purchase-bench-${index}`,
      clientId: `${clientPrefix}${Math.floor(next() * clients)}`,
      type: 'purchase',
      at,
      data: { date: isoDate(at), product: 'Bench product', category: 'Bench', amount, currency },
      source: 'crm',
      createdAt: now,
    };
  });
}
