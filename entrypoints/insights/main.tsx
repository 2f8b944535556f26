import { render } from 'preact';
import { liveQuery } from 'dexie';
import '../../components/theme.css';
import { download } from '../../components/download';
import { Header } from '../../components/Header';
import { InsightsPage } from '../../components/insights/InsightsPage';
import { openDatabase } from '../../lib/db/database';
import { insightsZone, settledAggregatesZone } from '../../lib/db/insights-aggregates';
import { createInsightsModel } from '../../lib/insights/page-model';
import { createInsightsSource } from '../../lib/insights/source';
import { watchInsightsData } from '../../lib/insights/watch';
import { bookApi, insightsApi, settingsApi } from '../../lib/ui/background-api';
import { loadUiLocale } from '../../lib/ui/language';
import { markInsights } from '../../lib/insights/marks';

async function main() {
  markInsights('entry');
  // The page only reads; the worker stays the one writer of the database. Opening IndexedDB takes
  // a while: it starts now, beside the settings request.
  const db = openDatabase();
  // Bringing the aggregates up to date is the worker's, asked only when a client waits for it.
  const refresh = async () => {
    const zone = await settledAggregatesZone(db);
    return zone === null ? insightsApi.refresh() : { zone };
  };
  let firstRefresh: ReturnType<typeof refresh> | null = refresh();
  firstRefresh.catch(() => undefined); // the source reads the failure, and then counts from rows
  const settings = await settingsApi.get();
  markInsights('settings');
  let firstSettings: typeof settings | null = settings;
  const { t, language } = await loadUiLocale(() => Promise.resolve(settings.uiLanguage));
  markInsights('locale');
  document.title = t('insightsTitle');
  const timeZone = insightsZone(settings); // the zone the worker cuts the daily aggregates in
  const source = createInsightsSource({
    db,
    t,
    locale: language,
    timeZone,
    now: () => new Date(),
    // Read again on every recount: a new book or plan setting changes the figures.
    setup: async () => {
      const known = firstSettings;
      firstSettings = null;
      return { settings: known ?? (await settingsApi.get()) };
    },
    book: async () => (await bookApi.book()).book,
    // The worker keeps the daily aggregates; it recounts what changed before the page reads them.
    refresh: () => {
      const started = firstRefresh ?? refresh();
      firstRefresh = null;
      return started;
    },
  });
  const model = createInsightsModel(
    { load: (range, onFirst) => source.load(range, onFirst), watch: (onChange) => watchInsightsData({ db, liveQuery, onChange }) },
    { now: () => new Date(), timeZone },
  );
  model.start();

  render(
    <>
      <Header title={t('insightsTitle')} />
      <main class="tb-main" style={{ maxWidth: '1100px' }}>
        <InsightsPage
          model={model}
          t={t}
          locale={language}
          tableActions={(id) => (
            <button
              class="tb-button"
              type="button"
              data-testid={`csv-${id}`}
              onClick={() => {
                const rows = source.tableRows(id);
                if (!rows) return;
                // The CSV writer (papaparse) loads on the first export, not with the page.
                void import('../../lib/insights/csv').then(({ insightsCsv }) =>
                  download(`touchbook-${id}-${model.range.value.from}-${model.range.value.to}.csv`, insightsCsv(rows), 'text/csv'),
                );
              }}
            >
              {t('insightsExportCsv')}
            </button>
          )}
        />
      </main>
    </>,
    document.getElementById('app')!,
  );
}

void main();
