/**
 * When each stage of a record change happened in this context, for `npm run bench --
 * panel-latency`, which reads `globalThis.__touchbookStages` in the worker and the reader. Demo
 * builds only: the shipped build drops the body (a build-time constant) and keeps nothing.
 * Wall-clock milliseconds (timeOrigin + now: finer than `Date.now()`, and on the same clock, which
 * every process of the browser shares with the page's pushState).
 */
export function markStage(stage: string): void {
  if (!__TOUCHBOOK_DEMO_BUILD__) return;
  const scope = globalThis as { __touchbookStages?: Array<{ stage: string; at: number }> };
  const stages = (scope.__touchbookStages ??= []);
  stages.push({ stage, at: performance.timeOrigin + performance.now() });
  if (stages.length > 1_000) stages.splice(0, stages.length - 1_000); // a long demo session stays small
}
