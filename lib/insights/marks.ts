/**
 * Named moments of the Insights page's first load, as performance marks (`insights:<name>`):
 * `npm run bench -- insights` reads them to say where the time to the first chart goes. Each is
 * marked once, at its first occurrence; a mark costs microseconds and nothing reads it otherwise.
 */
export type InsightsMark =
  | 'entry' // the entry module runs: its chunks are fetched and evaluated
  | 'settings' // the settings are in
  | 'locale' // the page's words are in
  | 'first-read' // the first screen's numbers are read
  | 'first-view' // the first screen is counted and formatted
  | 'chart-start' // the first chart's drawing starts (its code is loaded)
  | 'chart-drawn' // the first chart is drawn
  | 'every-figure'; // the whole view is in

const marked = new Set<InsightsMark>();

export function markInsights(name: InsightsMark): void {
  if (marked.has(name) || typeof performance === 'undefined' || typeof performance.mark !== 'function') return;
  marked.add(name);
  performance.mark(`insights:${name}`);
}
