import { describe, expect, it } from 'vitest';
import { loadClientsById, loadFigureExtras } from '../../../lib/insights';
import { makeClient, makeDb } from '../factories';
import { makeTouch } from '../lifecycle/factories';

describe('loading what the figures read', () => {
  it('reads objections near the range, every offer and answer, and only done touches', async () => {
    const db = makeDb();
    const at = (iso: string) => Date.parse(iso);
    await db.unmatchedObjections.bulkPut([
      { id: 'in', text: 'Too far', clientId: 'a', bookId: 'en', createdAt: at('2026-01-15T10:00:00Z') },
      { id: 'edge', text: 'Too far', clientId: 'a', bookId: 'en', createdAt: at('2025-12-31T22:30:00Z') },
      { id: 'old', text: 'Too far', clientId: 'a', bookId: 'en', createdAt: at('2025-06-01T10:00:00Z') },
    ]);
    await db.offers.put({ clientId: 'a', ruleId: 'tyres', status: 'accepted', updatedAt: at('2024-01-01T00:00:00Z') });
    await db.answers.put({ clientId: 'a', questionId: 'budget', questionnaireId: 'q', value: 1, updatedAt: 1 });
    await db.touches.bulkPut([makeTouch({ id: 'done', state: 'done' }), makeTouch({ id: 'open', state: 'planned' })]);
    const extras = await loadFigureExtras(db, { from: '2026-01-01', to: '2026-01-31' });
    expect(extras.objections.map((objection) => objection.id).sort()).toEqual(['edge', 'in']);
    expect(extras.offers).toHaveLength(1);
    expect(extras.answers).toHaveLength(1);
    expect(extras.doneTouches.map((touch) => touch.id)).toEqual(['done']);
  });

  it('reads only the clients asked for', async () => {
    const db = makeDb();
    await db.clients.bulkPut([makeClient({ id: 'a' }), makeClient({ id: 'b' }), makeClient({ id: 'c' })]);
    const clients = await loadClientsById(db, ['a', 'c', 'a', 'missing']);
    expect([...clients.keys()].sort()).toEqual(['a', 'c']);
  });
});
