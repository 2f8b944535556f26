import { useSignal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
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

  useEffect(() => {
    if (!host.current || asTable.value || empty) return;
    return drawChart(host.current, chart, locale, t('insightsPeriod'));
  }, [chart, locale, asTable.value, empty, t]);

  const table = chartAsTable(chart, locale, t('insightsPeriod'));
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
        <DataTable table={table} caption={chart.title} testId={`table-${chart.id}`} />
      ) : (
        <>
          <div ref={host} class="tb-chart" role="img" aria-label={chart.title} data-testid={`canvas-${chart.id}`} />
          <div class="tb-visually-hidden">
            <DataTable table={table} caption={chart.title} />
          </div>
        </>
      )}
    </section>
  );
}
