import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../components/theme.css';
import { Header } from '../../components/Header';
import { InsightsLink } from '../../components/InsightsLink';
import { DueList } from '../../components/DueList';
import { PopupView } from '../../components/PopupView';
import { createFocusStore } from '../../lib/background/focus';
import { createPopupModel } from '../../lib/popup/popup-model';
import { createSitesModel } from '../../lib/sites/sites-model';
import { createDueModel } from '../../lib/popup/due-model';
import { dueApi, languageOverride, sitesApi } from '../../lib/ui/background-api';
import { loadUiLocale } from '../../lib/ui/language';
import { openSidePanel } from '../../lib/ui/side-panel';

async function main() {
  const { t, language } = await loadUiLocale(languageOverride);
  const due = createDueModel(dueApi);
  const sites = createSitesModel(sitesApi);
  const popup = createPopupModel({
    sites,
    // Opened as a tab of its own (npm start's screenshots, tests), it is about the last CRM tab,
    // as the side panel is; from the toolbar, about the tab it was opened over.
    activeTab: async () => {
      if (!(await browser.tabs.getCurrent())) return (await browser.tabs.query({ active: true, currentWindow: true }))[0] ?? null;
      const last = await createFocusStore(browser.storage.session).lastClientTab();
      return last === null ? null : browser.tabs.get(last).catch(() => null);
    },
  });
  await Promise.all([popup.load(), due.load()]);

  render(
    <>
      <Header title={t('popupTitle')}>
        <InsightsLink t={t} />
      </Header>
      <main class="tb-main">
        <PopupView
          popup={popup}
          sites={sites}
          t={t}
          onOpenPanel={() => void openSidePanel(browser as never, popup.tab.value?.windowId).then(() => window.close())}
          onOpenOptions={() => void browser.runtime.openOptionsPage().then(() => window.close())}
          due={
            <DueList
              model={due}
              t={t}
              locale={language}
              onOpenClient={(item) => item.client.url && void browser.tabs.create({ url: item.client.url })}
            />
          }
        />
      </main>
    </>,
    document.getElementById('app')!,
  );
}

void main();
