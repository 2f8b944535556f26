import { render } from 'preact';
import { liveQuery } from 'dexie';
import { browser } from 'wxt/browser';
import '../../components/theme.css';
import { ClientPanel } from '../../components/ClientPanel';
import { Header } from '../../components/Header';
import { InsightsLink } from '../../components/InsightsLink';
import { PanelView } from '../../components/PanelView';
import { createFocusStore, isFocusKey, readPanelFocus } from '../../lib/background/focus';
import { openDatabase } from '../../lib/db/database';
import { request } from '../../lib/messaging/send';
import { createClientPanelModel } from '../../lib/panel/client-model';
import { clientPanelApi } from '../../lib/panel/panel-api';
import { createPanelModel } from '../../lib/panel/panel-model';
import { createScriptValues } from '../../lib/panel/script-context';
import { watchPanelData } from '../../lib/panel/watch';
import { languageOverride, settingsApi, sitesApi } from '../../lib/ui/background-api';
import { loadUiLocale } from '../../lib/ui/language';

async function main() {
  const { t, language } = await loadUiLocale(languageOverride);
  const db = openDatabase();
  const focus = createFocusStore(browser.storage.session);
  const settings = await settingsApi.get();
  const model = createPanelModel({
    // Opened as a tab of its own (e.g. by tests), the panel follows the last CRM tab instead.
    resolveTabId: async () =>
      (await browser.tabs.getCurrent())
        ? null
        : ((await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id ?? null),
    fetchFocus: async (tabId) => readPanelFocus({ db, focus, tabs: browser.tabs }, tabId ?? (await focus.lastClientTab())),
  });
  const client = createClientPanelModel(clientPanelApi);
  const refresh = () => void model.refresh();
  browser.tabs.onActivated.addListener(refresh);
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'session' && Object.keys(changes).some(isFocusKey)) refresh();
  });
  // The worker writes; the panel watches the database so changes from anywhere (the popup,
  // another tab, a book sync) show without a reload.
  watchPanelData({
    db,
    liveQuery,
    focused: model.view,
    onFocus: (next) => void client.load(next),
    onChange: () => void client.load(client.client.value),
    onBookChange: () => void client.reloadBook(),
  });
  refresh();

  const values = createScriptValues(
    { managerName: settings.managerName, companyName: settings.companyName ?? null, locale: language },
    {
      client: () => client.client.value,
      plan: () => client.plan.value,
      offers: () => client.crossSell.value,
      bookLanguage: () => client.book.value?.language ?? null,
      now: clientPanelApi.now,
    },
  );

  function App() {
    return (
      <PanelView
        view={model.view.value}
        t={t}
        onTeach={(tabId, field) => void request({ type: 'ui/teach.start', tabId, ...(field ? { field } : {}) })}
        onReload={(tabId) => void browser.tabs.reload(tabId)}
        onEnable={(origin) => {
          const granted = sitesApi.requestAccess(origin); // inside the click: the prompt needs it
          void granted.then(async (ok) => {
            if (ok) await sitesApi.enable(origin);
            refresh();
          });
        }}
        clientPanel={
          <ClientPanel
            model={client}
            t={t}
            locale={language}
            values={values}
            onTeach={() => {
              const view = model.view.value;
              void request({ type: 'ui/teach.start', tabId: view.kind === 'focus' ? view.tabId : null });
            }}
          />
        }
      />
    );
  }

  render(
    <>
      <Header title={t('panelTitle')}>
        <InsightsLink t={t} />
      </Header>
      <main class="tb-main">
        <App />
      </main>
    </>,
    document.getElementById('app')!,
  );
}

void main();
