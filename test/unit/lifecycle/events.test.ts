import { describe, expect, it } from 'vitest';
import {
  applyEventChanges,
  callbackRequest,
  customDateFields,
  deriveEvents,
  eventId,
  isWonStage,
  managerEvent,
  readCardDate,
  reconcileEvents,
} from '../../../lib/lifecycle/events';
import { makeClient, makeSnapshot } from '../factories';
import { at, KYIV, makeBook, makeProgramme, makeTouchTemplate } from './factories';

const NOW = at('2025-06-10 12:00', KYIV);
const derive = (client = makeClient(), now = NOW, fields: string[] = []) => deriveEvents({ client, customDateFields: fields, now });

describe('events read off the card', () => {
  it('turns each dated product into a purchase, and a birthday into a birthday', () => {
    const client = makeClient({
      products: [
        { name: 'Skoda Octavia', category: 'Car', purchasedAt: '2025-03-02' },
        { name: 'Floor mats', category: 'Accessories', purchasedAt: null },
      ],
    });
    const events = derive(client);
    expect(events.filter((event) => event.type === 'purchase')).toEqual([
      expect.objectContaining({
        clientId: 'client-1',
        // A dated event is stamped at midnight UTC of its day, whatever the manager's zone.
        at: Date.UTC(2025, 2, 2),
        data: { date: '2025-03-02', product: 'Skoda Octavia', category: 'Car' },
        source: 'crm',
      }),
    ]);
    expect(events.find((event) => event.type === 'birthday')).toMatchObject({ data: { date: '1990-05-17' } });
  });

  it('gives the same ids however often and whenever it runs', () => {
    const client = makeClient({ products: [{ name: 'Widget', category: null, purchasedAt: '2025-01-10' }] });
    const first = derive(client).map((event) => event.id);
    const later = derive(client, NOW + 30 * 86_400_000).map((event) => event.id);
    expect(later).toEqual(first);
    expect(new Set(first).size).toBe(first.length);
    expect(eventId('client-1', 'purchase', '2025-01-10', 'widget')).not.toBe(eventId('client-2', 'purchase', '2025-01-10', 'widget'));
  });

  it('uses the last purchase date when no product carries it', () => {
    const client = makeClient({ products: [], lastSnapshot: makeSnapshot({ lastPurchase: '2025-02-01', products: [] }) });
    expect(derive(client).filter((event) => event.type === 'purchase')).toEqual([
      expect.objectContaining({ data: { date: '2025-02-01', product: null, category: null } }),
    ]);
  });

  it('reads custom dates the book asks for, in ISO or day-first form', () => {
    const client = makeClient({
      lastSnapshot: makeSnapshot({ fields: [{ label: 'Contract end:', value: '01.09.2025' }, { label: 'Comment', value: '02.02.2025' }] }),
    });
    const events = derive(client, NOW, ['Contract end']);
    expect(events.filter((event) => event.type === 'custom-date')).toEqual([
      expect.objectContaining({ data: { date: '2025-09-01', field: 'Contract end' } }),
    ]);
    expect(readCardDate('31.02.2025')).toBeNull();
    expect(readCardDate(' 2025-09-01 ')).toBe('2025-09-01');
    const book = makeBook([makeProgramme({ anchor: { kind: 'customDate', field: 'Contract end' }, touches: [makeTouchTemplate({ after: 'P0D' })] })]);
    expect(customDateFields(book)).toEqual(['Contract end']);
  });

  it('notes the stage, and a won deal when the stage says so', () => {
    const events = derive(makeClient({ stage: 'Closed Won' }));
    expect(events.map((event) => event.type)).toEqual(expect.arrayContaining(['stage-reached', 'deal-won']));
    expect(events.find((event) => event.type === 'deal-won')).toMatchObject({ at: NOW, data: { stage: 'Closed Won' } });
    expect(derive(makeClient({ stage: 'Proposal' })).some((event) => event.type === 'deal-won')).toBe(false);
  });
});

describe('won stages', () => {
  it.each(['Won', 'Closed won', 'Closed - Won', 'Успешно реализовано', 'Сделка успешна', 'Выиграна', 'Успішно реалізовано', 'Виграно', 'Κερδήθηκε', 'ΚΕΡΔΙΣΜΕΝΗ'])(
    '"%s" is a win',
    (stage) => expect(isWonStage(stage)).toBe(true),
  );

  it.each(['Closed lost', 'Неуспешно', 'Закрыто и не реализовано', "Won't buy", 'Wonderful lead', 'Proposal', ''])('"%s" is not', (stage) =>
    expect(isWonStage(stage)).toBe(false),
  );
});

describe('storing events', () => {
  it('keeps the moment a stage was first seen', () => {
    const client = makeClient({ stage: 'Won' });
    const first = reconcileEvents([], derive(client, NOW));
    const stored = applyEventChanges([], first);
    const again = reconcileEvents(stored, derive(client, NOW + 86_400_000));
    expect(again).toEqual({ put: [], delete: [] });
    expect(stored.find((event) => event.type === 'deal-won')?.at).toBe(NOW);
  });

  it('drops a purchase the card no longer shows, but keeps stages and what the manager recorded', () => {
    const bought = makeClient({ stage: 'Won', products: [{ name: 'Widget', category: null, purchasedAt: '2025-01-10' }] });
    const callback = callbackRequest('client-1', at('2025-06-12 15:00', KYIV), 'after lunch', NOW);
    const stored = [...applyEventChanges([], reconcileEvents([], derive(bought))), callback];
    const corrected = makeClient({ stage: 'Proposal', products: [{ name: 'Widget', category: null, purchasedAt: '2025-01-11' }] });
    const changes = reconcileEvents(stored, derive(corrected));
    const after = applyEventChanges(stored, changes);
    expect(after.filter((event) => event.type === 'purchase').map((event) => event.data.date)).toEqual(['2025-01-11']);
    expect(after.map((event) => event.type)).toEqual(expect.arrayContaining(['deal-won', 'callback-requested', 'birthday']));
    expect(after.filter((event) => event.type === 'stage-reached')).toHaveLength(2);
  });

  it('updates a purchase whose details changed, keeping when it was first stored', () => {
    const stored = applyEventChanges([], reconcileEvents([], derive(makeClient({ products: [{ name: 'Widget', category: null, purchasedAt: '2025-01-10' }] }), NOW)));
    const recategorised = derive(makeClient({ products: [{ name: 'Widget', category: 'Tools', purchasedAt: '2025-01-10' }] }), NOW + 1000);
    const { put } = reconcileEvents(stored, recategorised);
    expect(put).toEqual([expect.objectContaining({ type: 'purchase', createdAt: NOW, data: expect.objectContaining({ category: 'Tools' }) })]);
  });
});

describe('events the manager records', () => {
  it('gives the same callback request the same id', () => {
    const when = at('2025-06-12 15:00', KYIV);
    expect(callbackRequest('client-1', when, null, NOW).id).toBe(callbackRequest('client-1', when, 'note', NOW + 5).id);
    expect(callbackRequest('client-1', when, null, NOW)).toMatchObject({ type: 'callback-requested', at: when, source: 'manager' });
  });

  it('dates a recorded purchase by its local day', () => {
    const event = managerEvent('client-1', 'purchase', at('2025-06-01 23:30', KYIV), { product: 'Filters', category: 'Consumables' }, NOW, KYIV);
    expect(event).toMatchObject({ type: 'purchase', source: 'manager', data: { date: '2025-06-01', product: 'Filters' } });
  });
});
