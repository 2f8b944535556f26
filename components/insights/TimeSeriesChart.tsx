import { useSignal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Translate } from '../../lib/i18n';
import { chartAsTable, type ChartData } from '../../lib/insights/chart-data';
import { DataTable } from './DataTable';
import { canDrawCharts, drawChart } from './draw-chart';

/**
 * One chart with its table: the canvas for the eye, the table (a toggle away, always in the DOM
 * for screen readers) for exact numbers.
 */
export function TimeSeriesChart({ chart, t, locale, actions }: { chart: ChartData; t: Translate; locale: string; actions?: ComponentChildren }) {
  const host = useRef<HTMLDivElement>(null);
  const asTable = useSignal(!canDrawCharts());
  const empty = chart.x.length === 0 || chart.series.every((series) => series.values.every((value) => value === null));

  // Drawn before the browser paints: the chart appears with its section, not a frame later.
  useLayoutEffect(() => {
    if (!host.current || asTable.value || empty) return;
    return drawChart(host.current, chart, locale, t('insightsPeriod'));
  }, [chart, locale, asTable.value, empty, t]);

  // The screen-reader table follows one paint after the canvas (the daily chart's has a row a day).
  const [tableShown, showTable] = useState(asTable.value);
  useEffect(() => showTable(true), []);
  const table = tableShown || asTable.value ? chartAsTable(chart, locale, t('insightsPeriod')) : null;
  return (
    <section class="tb-card tb-stack" aria-labelledby={`chart-${chart.id}`} data-testid={`chart-${chart.id}`}>
      <div class="tb-row tb-spread">
        <h2 id={`chart-${chart.id}`}>{chart.title}</h2>
        <div class="tb-row">
          {!empty && canDrawCharts() && (
            <button class="tb-button" type="button" aria-pressed={asTable.value} onClick={() => (asTable.value = !asTable.value)}>
              {asTable.value ? t('insightsShowChart') : t('insightsShowTable')}
            </button>
          )}
          {actions}
        </div>
      </div>
      {chart.band && <p class="tb-muted">{chart.band.label}</p>}
      {empty ? (
        <p class="tb-muted">{t('insightsNoData')}</p>
      ) : asTable.value ? (
        table && <DataTable table={table} caption={chart.title} testId={`table-${chart.id}`} />
      ) : (
        <>
          <div ref={host} class="tb-chart" role="img" aria-label={chart.title} data-testid={`canvas-${chart.id}`} />
          <div class="tb-visually-hidden">{table && <DataTable table={table} caption={chart.title} />}</div>
        </>
      )}
    </section>
  );
}
