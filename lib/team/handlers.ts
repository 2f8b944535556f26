import type { TeamService } from './service';

/** The options page's two questions to the worker: how is the team sync doing, and "sync now". */
export function createTeamHandlers(team: Pick<TeamService, 'status' | 'sync'> | undefined) {
  const service = () => {
    if (!team) throw new Error('the team view is not available in this worker');
    return team;
  };
  return {
    'ui/team.status': () => service().status(),
    'ui/team.sync': () => service().sync(true),
  };
}

/** Messages after which the day's figures may have changed: anything but reads and the team's own. */
export function mayChangeFigures(type: string): boolean {
  return !/\.(get|list|status|due|client|context)$|^ui\/team\.|^ui\/debug\.|^ui\/backup\.export$/.test(type);
}
