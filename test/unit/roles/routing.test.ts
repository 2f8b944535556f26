import { describe, expect, it } from 'vitest';
import { DEFAULT_BOOKS } from '../../../lib/book/defaults';
import {
  bookRoles,
  handOverText,
  HANDED_OVER_LIMIT,
  isOwnTouch,
  ownRoleIdsOf,
  ownTouchFilter,
  RoleIdsSchema,
  splitByRole,
  withHandOver,
} from '../../../lib/roles/routing';
import { makeTouch } from '../lifecycle/factories';

const view = (id: string, roleId: string, role = roleId) => ({ touch: makeTouch({ id, roleId, role }) });

describe('routing by role', () => {
  it('a manager who never chose is a sales manager', () => {
    expect(ownRoleIdsOf({})).toEqual(['sales-manager']);
    expect(ownRoleIdsOf({ roleIds: [] })).toEqual(['sales-manager']);
    expect(ownRoleIdsOf({ roleIds: ['finance'] })).toEqual(['finance']);
  });

  it('touches planned before roles were recorded stay the manager’s own', () => {
    expect(isOwnTouch({ roleId: '' }, ['finance'])).toBe(true);
    expect(isOwnTouch({ roleId: 'service-advisor' }, ['sales-manager'])).toBe(false);
    expect(isOwnTouch({ roleId: 'service-advisor' }, ['sales-manager', 'service-advisor'])).toBe(true);
  });

  it('splits own touches from each other role, in list order, and sets hand-overs apart', () => {
    const items = [
      view('a', 'sales-manager'),
      view('b', 'service-advisor', 'Service advisor'),
      view('c', 'finance', 'Finance department'),
      view('d', 'service-advisor', 'Service advisor'),
      view('e', 'sales-manager'),
      view('f', 'finance', 'Finance department'),
    ];
    const split = splitByRole(items, ['sales-manager'], ['f', 'e']);
    expect(split.own.map((item) => item.touch.id)).toEqual(['a']);
    expect(split.others.map((group) => [group.roleId, group.role, group.items.map((item) => item.touch.id)])).toEqual([
      ['service-advisor', 'Service advisor', ['b', 'd']],
      ['finance', 'Finance department', ['c']],
    ]);
    expect(split.handedOver.map((item) => item.touch.id)).toEqual(['e', 'f']);
  });

  it('the reminder filter keeps own touches that were not handed over', () => {
    const keep = ownTouchFilter({ roleIds: ['sales-manager'], handedOverTouchIds: ['t2'] });
    expect([makeTouch({ id: 't1' }), makeTouch({ id: 't2' }), makeTouch({ id: 't3', roleId: 'finance' })].filter(keep).map((touch) => touch.id)).toEqual(['t1']);
  });

  it('remembers hand-overs once each, forgets the oldest past the limit, and takes one back', () => {
    expect(withHandOver(['a', 'b'], 'a', true)).toEqual(['b', 'a']);
    expect(withHandOver(['a', 'b'], 'a', false)).toEqual(['b']);
    const full = Array.from({ length: HANDED_OVER_LIMIT }, (_, index) => `t${index}`);
    const next = withHandOver(full, 'new', true);
    expect(next).toHaveLength(HANDED_OVER_LIMIT);
    expect(next[0]).toBe('t1');
    expect(next.at(-1)).toBe('new');
  });

  it('role ids are validated: at least one, book-id shaped', () => {
    expect(RoleIdsSchema.safeParse(['sales-manager', 'finance']).success).toBe(true);
    expect(RoleIdsSchema.safeParse([]).success).toBe(false);
    expect(RoleIdsSchema.safeParse(['<script>']).success).toBe(false);
  });

  it('the task text carries who, what, when, how, the filled script and the card link, one per line', () => {
    const text = handOverText(
      { touch: { goal: 'Book the 10,000 km service', role: 'Service advisor' }, client: { name: 'Anna Petrova', company: 'Acme Ltd', url: 'https://crm.example.com/contacts/42' } },
      { client: 'Client', due: 'Due', performer: 'Performed by', channel: 'Channel', script: 'Script', link: 'Card' },
      { due: '10/03/2026, 09:00', channel: 'Call', script: 'Anna, it is time for the service.' },
    );
    expect(text.split('\n')).toEqual([
      'Book the 10,000 km service',
      'Client: Anna Petrova (Acme Ltd)',
      'Due: 10/03/2026, 09:00',
      'Performed by: Service advisor',
      'Channel: Call',
      'Script: Anna, it is time for the service.',
      'Card: https://crm.example.com/contacts/42',
    ]);
    const bare = handOverText(
      { touch: { goal: 'Call', role: 'Finance' }, client: { name: 'Boris', company: null, url: null } },
      { client: 'C', due: 'D', performer: 'P', channel: 'Ch', script: 'S', link: 'L' },
      { due: 'today', channel: 'Call', script: '  ' },
    );
    expect(bare.split('\n')).toEqual(['Call', 'C: Boris', 'D: today', 'P: Finance', 'Ch: Call']);
  });

  it('every default book names the sales manager and the roles its touches are handed to', () => {
    for (const [language, book] of Object.entries(DEFAULT_BOOKS)) {
      const ids = bookRoles(book).map((role) => role.id);
      expect(ids, language).toContain('sales-manager');
      expect(ids, language).toEqual(expect.arrayContaining(['service-advisor', 'finance', 'trade-in-team']));
      expect(new Set(ids).size, language).toBe(ids.length);
    }
  });
});
