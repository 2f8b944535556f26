import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../components/theme.css';
import { Header } from '../../components/Header';
import { PanelView } from '../../components/PanelView';
import { FOCUS_KEY_PREFIX } from '../../lib/background/focus';
import { request } from '../../lib/messaging/send';
import { createPanelModel } from '../../lib/panel/panel-model';
import { languageOverride } from '../../lib/ui/background-api';
import { loadUiLocale } from '../../lib/ui/language';

async function main() {
  const { t } = await loadUiLocale(languageOverride);
  const model = createPanelModel({
    // Opened as a tab of its own (e.g. by tests), the panel follows the last CRM tab instead.
    resolveTabId: async () =>
      (await browser.tabs.getCurrent())
        ? null
        : ((await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id ?? null),
    fetchFocus: (tabId) => request({ type: 'ui/focus.get', tabId }),
  });
  const refresh = () => void model.refresh();
  browser.tabs.onActivated.addListener(refresh);
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'session' && Object.keys(changes).some((key) => key.startsWith(FOCUS_KEY_PREFIX))) refresh();
  });
  refresh();

  render(
    <>
      <Header title={t('panelTitle')} />
      <main class="tb-main">
        <PanelViewBinding model={model} t={t} />
      </main>
    </>,
    document.getElementById('app')!,
  );
}

function PanelViewBinding({ model, t }: { model: ReturnType<typeof createPanelModel>; t: Parameters<typeof PanelView>[0]['t'] }) {
  return <PanelView view={model.view.value} t={t} />;
}

void main();
