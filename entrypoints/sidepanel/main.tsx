import { render } from 'preact';
import { liveQuery } from 'dexie';
import { browser } from 'wxt/browser';
import '../../components/theme.css';
import { ClientPanel } from '../../components/ClientPanel';
import { Header } from '../../components/Header';
import { InsightsLink } from '../../components/InsightsLink';
import { PanelView } from '../../components/PanelView';
import { createPanelBookCache } from '../../lib/background/book-cache';
import { createClock } from '../../lib/background/clock';
import { createFocusStore, isFocusKey, readPanelFocus } from '../../lib/background/focus';
import { openDatabase } from '../../lib/db/database';
import { request } from '../../lib/messaging/send';
import { createClientPanelModel } from '../../lib/panel/client-model';
import { createClientPanelApi } from '../../lib/panel/panel-api';
import { createPanelModel } from '../../lib/panel/panel-model';
import { createPanelReads } from '../../lib/panel/panel-reads';
import { createScriptValues } from '../../lib/panel/script-context';
import { createSessionMirror } from '../../lib/panel/session-mirror';
import { watchPanelData } from '../../lib/panel/watch';
import { sitesApi } from '../../lib/ui/background-api';
import { loadUiLocale } from '../../lib/ui/language';

async function main() {
  // Everything the first paint needs starts at once and comes from the extension's own database
  // and storage, the book included while the one the worker kept is current (issue 17: the panel
  // opened with the worker stopped, and waited for it to wake for each of six requests in a row).
  const db = openDatabase();
  // The focus and the clock, kept current from storage.onChanged (listened to before any read).
  const session = createSessionMirror(browser.storage.session);
  const refresh = () => void model.refresh();
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'session') return;
    session.changed(changes);
    if (Object.keys(changes).some(isFocusKey)) refresh();
  });
  const reads = createPanelReads({ db, clock: createClock(session.area).now, systemTimeZone: Intl.DateTimeFormat().resolvedOptions().timeZone });
  const keptBook = createPanelBookCache({
    db,
    session: browser.storage.session,
    readManaged: () => browser.storage.managed.get(),
    browserLanguage: browser.i18n.getUILanguage(),
    version: browser.runtime.getManifest().version,
  });
  const clientApi = createClientPanelApi(reads, { cachedBook: () => keptBook.read() });
  const settings = reads.settings();
  const focus = createFocusStore(session.area);
  // Opened as a tab of its own (e.g. by tests), the panel follows the last CRM tab instead. Its
  // own tab never changes: asked once, not on every record change.
  const ownTab = browser.tabs.getCurrent();
  const model = createPanelModel({
    resolveTabId: async () =>
      (await ownTab)
        ? null
        : ((await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id ?? null),
    fetchFocus: async (tabId) => readPanelFocus({ db, focus, tabs: browser.tabs }, tabId ?? (await focus.lastClientTab())),
  });
  const client = createClientPanelModel(clientApi);
  browser.tabs.onActivated.addListener(refresh);
  // The worker writes; the panel watches the database so changes from anywhere (the popup,
  // another tab, a book sync) show without a reload.
  watchPanelData({
    db,
    liveQuery,
    focused: model.view,
    onFocus: (next) => void client.load(next),
    onChange: (stored) => void client.load(stored ?? client.client.value),
    onBookChange: () => void client.reloadBook(),
  });
  refresh();

  const { t, language } = await loadUiLocale(async () => (await settings).uiLanguage);
  const { managerName, companyName } = await settings;
  const values = createScriptValues(
    { managerName, companyName: companyName ?? null, locale: language },
    {
      client: () => client.client.value,
      plan: () => client.plan.value,
      offers: () => client.crossSell.value,
      bookLanguage: () => client.book.value?.language ?? null,
      now: clientApi.now,
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
