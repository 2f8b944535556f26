import { describe, expect, it } from 'vitest';
import type { TouchState } from '../../../lib/db/schema';
import {
  complete,
  isOpen,
  markDue,
  markMissed,
  proposeRetry,
  skip,
  snooze,
  TouchTransitionError,
} from '../../../lib/lifecycle/states';
import { toLocal } from '../../../lib/lifecycle/time';
import { at, KYIV, makeTouch, OFFICE } from './factories';

const NOW = at('2025-06-11 16:20', KYIV);

describe('the touch state machine', () => {
  it('makes a planned touch due once its time has come, not before', () => {
    const touch = makeTouch({ dueAt: NOW - 1 });
    expect(markDue(touch, NOW)).toMatchObject({ state: 'due', updatedAt: NOW });
    expect(() => markDue(makeTouch({ dueAt: NOW + 1 }), NOW)).toThrow(/has not come yet/);
  });

  it('records how a touch went, with a note', () => {
    const done = complete(makeTouch({ state: 'due' }), { outcome: 'reached', note: 'Wants alloy wheels' }, NOW);
    expect(done).toMatchObject({ state: 'done', outcome: 'reached', note: 'Wants alloy wheels', outcomeAt: NOW, updatedAt: NOW });
    expect(complete(makeTouch({ state: 'planned' }), { outcome: 'not-interested' }, NOW)).toMatchObject({ state: 'done', note: null });
  });

  it('snoozes until a later time, then comes back as due', () => {
    const until = NOW + 3_600_000;
    const snoozed = snooze(makeTouch({ state: 'due', dueAt: NOW - 10 }), until, NOW);
    expect(snoozed).toMatchObject({ state: 'snoozed', snoozedUntil: until, dueAt: until });
    expect(() => markDue(snoozed, NOW)).toThrow(TouchTransitionError);
    expect(markDue(snoozed, until)).toMatchObject({ state: 'due', snoozedUntil: null });
    expect(() => snooze(makeTouch({ state: 'due' }), NOW, NOW)).toThrow(/in the future/);
  });

  it('skips with a reason, and only with one', () => {
    expect(skip(makeTouch({ state: 'due' }), '  Client moved abroad ', NOW)).toMatchObject({ state: 'skipped', skipReason: 'Client moved abroad' });
    expect(() => skip(makeTouch({ state: 'due' }), ' ', NOW)).toThrow(/reason is required/);
  });

  it('misses only planned or due touches', () => {
    expect(markMissed(makeTouch({ state: 'due' }), NOW)).toMatchObject({ state: 'missed' });
    expect(() => markMissed(makeTouch({ state: 'snoozed' }), NOW)).toThrow(TouchTransitionError);
  });

  it.each<TouchState>(['done', 'skipped', 'missed'])('refuses to change a %s touch, saying what and why', (state) => {
    const closed = makeTouch({ state, id: 't-1' });
    const attempts = [
      () => complete(closed, { outcome: 'reached' }, NOW),
      () => snooze(closed, NOW + 1000, NOW),
      () => skip(closed, 'reason', NOW),
      () => markDue(closed, NOW),
      () => markMissed(closed, NOW),
    ];
    for (const attempt of attempts) expect(attempt).toThrow(TouchTransitionError);
    expect(() => complete(closed, { outcome: 'reached' }, NOW)).toThrow(`Touch t-1 is ${state}; cannot done: it is already closed`);
    expect(isOpen(closed)).toBe(false);
  });

  it('rejects an outcome it does not know', () => {
    expect(() => complete(makeTouch({ state: 'due' }), { outcome: 'maybe' as never }, NOW)).toThrow(/unknown outcome/);
  });
});

describe('retry after no answer', () => {
  it('proposes the same touch for the next working day at the same time', () => {
    const touch = complete(makeTouch({ state: 'due', id: 'c:p:t:e1', occurrence: 'e1' }), { outcome: 'no-answer' }, NOW);
    const retry = proposeRetry(touch, { now: NOW, timeZone: KYIV, working: OFFICE });
    expect(toLocal(retry.dueAt, KYIV)).toMatchObject({ day: 12, hour: 16, minute: 20 });
    expect(retry).toMatchObject({ id: 'c:p:t:e1:retry-1', occurrence: 'e1:retry-1', state: 'planned', source: 'manager', outcome: null, goal: touch.goal });
    expect(proposeRetry(retry, { now: NOW, timeZone: KYIV, working: OFFICE }).id).toBe('c:p:t:e1:retry-2');
  });

  it('skips the weekend, and takes the time the client named when there is one', () => {
    const friday = at('2025-06-13 11:00', KYIV);
    const touch = makeTouch({ state: 'done' });
    expect(toLocal(proposeRetry(touch, { now: friday, timeZone: KYIV, working: OFFICE }).dueAt, KYIV)).toMatchObject({ day: 16, hour: 11 });
    const named = at('2025-06-14 10:00', KYIV);
    expect(proposeRetry(touch, { now: friday, timeZone: KYIV, working: OFFICE, at: named }).dueAt).toBe(named);
  });
});
