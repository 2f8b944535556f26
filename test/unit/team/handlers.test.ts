import { describe, expect, it } from 'vitest';
import { createTeamHandlers, mayChangeFigures } from '../../../lib/team/handlers';

describe('the team handlers', () => {
  it('push soon after messages that change what the figures count, not after reads', () => {
    for (const type of ['cs/snapshot', 'ui/touch.done', 'ui/client.purchase', 'ui/unmatched.add', 'ui/settings.update', 'ui/book.import']) expect(mayChangeFigures(type), type).toBe(true);
    for (const type of ['ui/settings.get', 'ui/sites.list', 'ui/team.status', 'ui/team.sync', 'ui/touches.due', 'ui/touches.client', 'ui/backup.export', 'cs/teach.context']) expect(mayChangeFigures(type), type).toBe(false);
  });

  it('answer "Sync now" with a manual sync (no waiting for the backoff)', async () => {
    const calls: unknown[] = [];
    const handlers = createTeamHandlers({ status: () => Promise.resolve({} as never), sync: (manual) => (calls.push(manual), Promise.resolve({} as never)) });
    await handlers['ui/team.sync']();
    expect(calls).toEqual([true]);
    expect(() => createTeamHandlers(undefined)['ui/team.status']()).toThrow(/not available/);
  });
});
