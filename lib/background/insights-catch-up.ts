/**
 * One background catch-up of the Insights aggregates at a time (lib/db/insights-aggregates.ts,
 * `catchUpInsightAggregates`): asked again while one runs, it runs once more after, so writes made
 * meanwhile are counted too. Only this flag lives in memory; what is left to count is the dirty
 * list in the database, so a worker stopped half-way loses nothing.
 */
export function createInsightsCatchUp(run: () => Promise<unknown>, onError: (error: unknown) => void) {
  let running: Promise<void> | null = null;
  let again = false;
  return {
    start(): Promise<void> {
      if (running) {
        again = true;
        return running;
      }
      running = (async () => {
        do {
          again = false;
          await run();
        } while (again);
      })()
        .catch(onError)
        .finally(() => {
          running = null;
        });
      return running;
    },
  };
}
