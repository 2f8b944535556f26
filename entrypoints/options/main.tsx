import { render } from 'preact';
import { signal } from '@preact/signals';
import '../../components/theme.css';
import { Header } from '../../components/Header';
import { LanguagePicker } from '../../components/LanguagePicker';
import { SitesEditor } from '../../components/SitesEditor';
import type { UiLanguage } from '../../lib/i18n';
import { createSitesModel } from '../../lib/sites/sites-model';
import { settingsApi, sitesApi } from '../../lib/ui/background-api';
import { loadUiLocale } from '../../lib/ui/language';

async function main() {
  const settings = await settingsApi.get();
  const { t } = await loadUiLocale(() => Promise.resolve(settings.uiLanguage));
  const sites = createSitesModel(sitesApi);
  const language = signal<UiLanguage | null>(settings.uiLanguage);
  await sites.load();

  const changeLanguage = async (next: UiLanguage | null) => {
    language.value = next;
    await settingsApi.update({ uiLanguage: next });
    location.reload(); // every string on the page changes; a reload is the honest way
  };

  render(
    <>
      <Header title={t('optionsTitle')} />
      <main class="tb-main tb-stack" style={{ maxWidth: '760px' }}>
        <SitesEditor model={sites} t={t} />
        <LanguagePicker value={language.value} onChange={(next) => void changeLanguage(next)} t={t} />
      </main>
    </>,
    document.getElementById('app')!,
  );
}

void main();
