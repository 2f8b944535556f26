import { describe, expect, it } from 'vitest';
import { dayDocId, parseDayDocs } from '../../../lib/team/docs';
import { makeDayBody } from './team-factories';

describe('replicated documents', () => {
  it('keeps valid day documents and skips the rest with a reason', () => {
    const good = { ...makeDayBody(), _id: dayDocId('anna', '2026-03-10'), _rev: '1-a' };
    const { docs, skipped } = parseDayDocs([
      { id: good._id, doc: good },
      { id: '_design/team', doc: { _id: '_design/team' } },
      { id: 'agg:anna:2026-03-11', doc: { ...good, _id: 'agg:anna:2026-03-11' } },
      { id: 'agg:bob:2026-03-10', doc: { ...makeDayBody({ managerId: 'bob' }), _id: 'agg:bob:2026-03-10', _rev: '1-b', touches: { done: -1 } } },
      { id: 'agg:eve:2026-03-10', doc: { ...makeDayBody({ managerId: 'eve' }), _id: 'agg:eve:2026-03-10', _rev: '1-c', clientName: undefined, type: 'other' } },
      { id: 'gone', deleted: true },
    ]);
    expect(docs.map((doc) => doc._id)).toEqual(['agg:anna:2026-03-10']);
    expect(skipped).toEqual([
      { id: 'agg:anna:2026-03-11', reason: '_id: the id does not match its manager and day' },
      expect.objectContaining({ id: 'agg:bob:2026-03-10', reason: expect.stringMatching(/^touches/) }),
      expect.objectContaining({ id: 'agg:eve:2026-03-10', reason: expect.stringMatching(/^type/) }),
    ]);
  });
});
