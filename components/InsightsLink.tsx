import type { Translate } from '../lib/i18n';

/** Opens the Insights page in a tab of its own, from the popup, the side panel and the settings. */
export function InsightsLink({ t }: { t: Translate }) {
  return (
    <a class="tb-button" href="/insights.html" target="_blank" rel="noopener" data-testid="open-insights">
      {t('insightsOpen')}
    </a>
  );
}
