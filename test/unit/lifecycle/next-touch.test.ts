import { describe, expect, it } from 'vitest';
import { nextTouch, openTouchesInOrder } from '../../../lib/lifecycle/next-touch';
import { at, KYIV, makeTouch } from './factories';

const NOW = at('2025-06-11 12:00', KYIV);

describe('the next touch for a client', () => {
  it('is the most overdue open touch', () => {
    const touches = [
      makeTouch({ id: 'yesterday', state: 'due', dueAt: at('2025-06-10 10:00', KYIV) }),
      makeTouch({ id: 'last-week', state: 'due', dueAt: at('2025-06-04 10:00', KYIV), priority: 90 }),
      makeTouch({ id: 'done-long-ago', state: 'done', dueAt: at('2025-05-01 10:00', KYIV) }),
      makeTouch({ id: 'tomorrow', state: 'planned', dueAt: at('2025-06-12 10:00', KYIV), priority: 0 }),
    ];
    expect(nextTouch(touches, NOW, KYIV)?.id).toBe('last-week');
  });

  it('breaks a same-day tie by programme priority, then by time', () => {
    const touches = [
      makeTouch({ id: 'holiday', state: 'due', dueAt: at('2025-06-11 09:00', KYIV), priority: 60 }),
      makeTouch({ id: 'callback', state: 'due', dueAt: at('2025-06-11 11:30', KYIV), priority: 0 }),
      makeTouch({ id: 'car', state: 'due', dueAt: at('2025-06-11 10:00', KYIV), priority: 10 }),
      makeTouch({ id: 'car-earlier', state: 'due', dueAt: at('2025-06-11 09:30', KYIV), priority: 10 }),
    ];
    expect(openTouchesInOrder(touches, NOW, KYIV).map((touch) => touch.id)).toEqual(['callback', 'car-earlier', 'car', 'holiday']);
  });

  it('counts a planned touch whose time has passed and an ended snooze as due', () => {
    const touches = [
      makeTouch({ id: 'coming', state: 'planned', dueAt: at('2025-06-11 15:00', KYIV), priority: 0 }),
      makeTouch({ id: 'snooze-over', state: 'snoozed', dueAt: at('2025-06-11 11:00', KYIV), priority: 50 }),
    ];
    expect(nextTouch(touches, NOW, KYIV)?.id).toBe('snooze-over');
  });

  it('falls back to the next planned touch, and to null when nothing is open', () => {
    const touches = [
      makeTouch({ id: 'later', state: 'planned', dueAt: at('2025-07-01 10:00', KYIV) }),
      makeTouch({ id: 'sooner', state: 'snoozed', dueAt: at('2025-06-20 10:00', KYIV) }),
      makeTouch({ id: 'skipped', state: 'skipped', dueAt: at('2025-06-01 10:00', KYIV) }),
    ];
    expect(nextTouch(touches, NOW, KYIV)?.id).toBe('sooner');
    expect(nextTouch([makeTouch({ state: 'missed' })], NOW, KYIV)).toBeNull();
  });
});
