import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../components/theme.css';
import { Header } from '../../components/Header';
import { DueList } from '../../components/DueList';
import { PopupView } from '../../components/PopupView';
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
    activeTab: async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0] ?? null,
  });
  await Promise.all([popup.load(), due.load()]);

  render(
    <>
      <Header title={t('popupTitle')} />
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
