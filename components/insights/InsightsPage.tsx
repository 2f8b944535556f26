import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Translate } from '../../lib/i18n';
import type { InsightsModel } from '../../lib/insights/page-model';
import { EmptyState } from '../EmptyState';
import { DataTable } from './DataTable';
import { RangePicker } from './RangePicker';
import { TimeSeriesChart } from './TimeSeriesChart';

/** The Insights page: range, headline figures, charts, then the tables behind them. */
export function InsightsPage({
  model,
  t,
  locale,
  tableActions,
}: {
  model: InsightsModel;
  t: Translate;
  locale: string;
  /** Buttons beside each table and chart (CSV export), supplied by the entry point. */
  tableActions?: (tableId: string) => ComponentChildren;
}) {
  const view = model.view.value;
  // The tables (hundreds of rows: the daily cold-call report, the TOP-50) come one paint after the
  // headlines and charts, so the first chart is not kept waiting for them; from then on they stay.
  const [tablesShown, showTables] = useState(false);
  useEffect(() => {
    if (view && !tablesShown) showTables(true);
  }, [view, tablesShown]);
  return (
    <div class="tb-stack" aria-busy={model.loading.value}>
      <RangePicker model={model} t={t} />
      {model.problem.value && (
        <p class="tb-error" role="alert">
          {t('errorGeneric', { error: model.problem.value })}
        </p>
      )}
      {view === null ? (
        <p class="tb-muted" role="status">
          {t('insightsLoading')}
        </p>
      ) : model.isEmpty.value ? (
        <EmptyState title={t('insightsEmpty')} hint={t('insightsEmptyHint')} />
      ) : (
        <>
          {view.headlines.length > 0 && (
            <section class="tb-card tb-figures" aria-label={t('insightsHeadlines')} data-testid="headlines">
              {view.headlines.map((figure) => (
                <div key={figure.id} class="tb-figure" data-testid={`figure-${figure.id}`}>
                  <span class="tb-muted">{figure.label}</span>
                  <strong data-testid="figure-value">{figure.value}</strong>
                  {figure.comparison && <span class="tb-muted">{figure.comparison}</span>}
                  {figure.note && <span>{figure.note}</span>}
                </div>
              ))}
            </section>
          )}
          {view.charts.map((chart) => (
            <TimeSeriesChart key={chart.id} chart={chart} t={t} locale={locale} actions={tableActions?.(chart.id)} />
          ))}
          {tablesShown && view.tables.map((entry) => (
            <section key={entry.id} class="tb-card tb-stack" aria-labelledby={`table-title-${entry.id}`} data-testid={`section-${entry.id}`}>
              <div class="tb-row tb-spread">
                <h2 id={`table-title-${entry.id}`}>{entry.title}</h2>
                {tableActions?.(entry.id)}
              </div>
              {entry.table.rows.length === 0 ? (
                <p class="tb-muted">{t('insightsNoData')}</p>
              ) : (
                <DataTable table={entry.table} caption={entry.title} testId={`table-${entry.id}`} />
              )}
            </section>
          ))}
        </>
      )}
    </div>
  );
}
