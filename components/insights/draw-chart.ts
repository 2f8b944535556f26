import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { markInsights } from '../../lib/insights/marks';
import { isoDateToUtcMs, periodFormatter, valueFormatter, type ChartData } from '../../lib/insights/chart-data';

/** Series colours come from the theme, so the chart follows light and dark mode. */
const PALETTE = ['--tb-chart-1', '--tb-chart-2', '--tb-chart-3', '--tb-chart-4', '--tb-chart-5'];

function cssVar(element: Element, name: string, fallback: string): string {
  return getComputedStyle(element).getPropertyValue(name).trim() || fallback;
}

/** Whether this document can draw on a canvas at all (happy-dom cannot; the table still shows). */
export function canDrawCharts(doc: Document = document): boolean {
  try {
    return doc.createElement('canvas').getContext('2d') !== null;
  } catch {
    return false;
  }
}

/**
 * Draws `chart` into `host` with uPlot and keeps it as wide as its container. Returns the
 * cleanup. Every series in one chart shares one unit (the figures module splits currencies into
 * charts of their own), so one y axis is enough.
 */
export function drawChart(host: HTMLElement, chart: ChartData, locale: string, periodLabel: string, height = 220): () => void {
  markInsights('chart-start');
  const period = periodFormatter(locale, chart.period);
  const first = chart.series[0];
  const format = first ? valueFormatter(locale, first) : (value: number | null) => String(value ?? '');
  const text = cssVar(host, '--tb-muted', '#5b6270');
  const grid = cssVar(host, '--tb-border', '#d9dce1');
  const bandFill = cssVar(host, '--tb-chart-band', 'rgba(35, 86, 199, 0.10)');
  const xs = chart.x.map((iso) => isoDateToUtcMs(iso) / 1000);
  const data: uPlot.AlignedData = [xs, ...chart.series.map((series) => series.values.map((value) => value ?? null))];
  const axis = { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };

  const options: uPlot.Options = {
    width: Math.max(280, host.clientWidth),
    height,
    tzDate: (seconds) => uPlot.tzDate(new Date(seconds * 1000), 'UTC'),
    legend: { show: true },
    cursor: { drag: { x: false, y: false } },
    scales: { x: { time: true } },
    axes: [
      { ...axis, values: (_plot, ticks) => ticks.map((tick) => period(new Date(tick * 1000).toISOString().slice(0, 10))) },
      { ...axis, size: 64, values: (_plot, ticks) => ticks.map((tick) => format(tick)) },
    ],
    series: [
      { label: periodLabel, value: (_plot, raw) => (raw === null ? '' : period(new Date(raw * 1000).toISOString().slice(0, 10))) },
      ...chart.series.map((series, index) => ({
        label: series.label,
        stroke: cssVar(host, PALETTE[index % PALETTE.length]!, '#2356c7'),
        width: 2,
        dash: series.comparison ? [6, 4] : undefined,
        spanGaps: false,
        points: { show: chart.x.length <= 24 },
        value: (_plot: uPlot, raw: number | null) => valueFormatter(locale, series)(raw),
      })),
    ],
    hooks: chart.band
      ? {
          drawClear: [
            (plot) => {
              const { from, to } = chart.band!;
              const top = plot.valToPos(to, 'y', true);
              const bottom = plot.valToPos(from, 'y', true);
              const { left, width } = plot.bbox;
              plot.ctx.save();
              plot.ctx.fillStyle = bandFill;
              plot.ctx.fillRect(left, Math.min(top, bottom), width, Math.abs(bottom - top));
              plot.ctx.restore();
            },
          ],
        }
      : {},
  };
  if (chart.band) options.scales!.y = { range: (_plot, min, max) => [Math.min(0, min), Math.max(chart.band!.to + 10, max)] };

  const plot = new uPlot(options, data, host);
  markInsights('chart-drawn');
  const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(280, host.clientWidth), height }));
  resize.observe(host);
  return () => {
    resize.disconnect();
    plot.destroy();
  };
}
