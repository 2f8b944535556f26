import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../components/theme.css';
import { download } from '../../components/download';
import { Header } from '../../components/Header';
import { InsightsPage } from '../../components/insights/InsightsPage';
import { insightsZone } from '../../lib/db/insights-aggregates';
import { readFirstScreen } from '../../lib/insights/first-screen';
import type { LiveInsights } from '../../lib/insights/live-page';
import { markInsights } from '../../lib/insights/marks';
import { createInsightsModel, type InsightsSource } from '../../lib/insights/page-model';
import { formatBase, type createInsightsSource } from '../../lib/insights/source';
import { loadUiLocale } from '../../lib/ui/language';

// Dexie, the worker's api and zod: fetched after the first paint when the record drew it.
const importLive = () => import('../../lib/insights/live-page').then(({ openLiveInsights }) => openLiveInsights());

async function main() {
  markInsights('entry');
  const opened = new Date();
  // The worker's first-screen record: from storage.local, without waking the worker or Dexie.
  const record = await readFirstScreen(browser.storage.local, { now: opened, browserZone: Intl.DateTimeFormat().resolvedOptions().timeZone });
  // No record (the first open ever, or data changed since): today's path, the live part at once.
  let live: Promise<LiveInsights> | null = record ? null : importLive();
  const liveInsights = () => (live ??= importLive());
  const settings = record ? record.settings : await (await liveInsights()).settings();
  markInsights('settings');
  const { t, language } = await loadUiLocale(() => Promise.resolve(settings.uiLanguage));
  markInsights('locale');
  document.title = t('insightsTitle');
  const timeZone = record ? record.zone : insightsZone(settings); // the zone the worker cuts the daily aggregates in
  if (record) markInsights('first-read');
  const first = record ? formatBase(record.base, { t, locale: language, timeZone, now: () => opened }) : null;
  if (first) markInsights('first-view');

  let source: ReturnType<typeof createInsightsSource> | null = null;
  const liveSource = async () => (source ??= (await liveInsights()).source({ t, locale: language, timeZone }));
  let askedForRecord = false;
  const pageSource: InsightsSource = {
    load: async (range, onFirst) => {
      const view = await (await liveSource()).load(range, onFirst);
      // Without a record this time, the worker keeps one for the next open (after every figure is in).
      if (!record && !askedForRecord) {
        askedForRecord = true;
        void liveInsights().then((opened) => opened.keepFirstScreen());
      }
      return view;
    },
    watch: (onChange) => {
      let stop: (() => void) | null = null;
      let stopped = false;
      void liveInsights().then((opened) => {
        if (!stopped) stop = opened.watch(onChange);
      });
      return () => {
        stopped = true;
        stop?.();
      };
    },
  };
  const model = createInsightsModel(pageSource, { now: () => new Date(), timeZone, first });

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
                const rows = source?.tableRows(id);
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
  // The record's first screen is drawn (the chart in a layout effect): the live figures follow.
  setTimeout(() => model.start(), 0);
}

void main();
