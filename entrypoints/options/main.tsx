import { render } from 'preact';
import { signal } from '@preact/signals';
import '../../components/theme.css';
import { Header } from '../../components/Header';
import { LanguagePicker } from '../../components/LanguagePicker';
import { BookSettings } from '../../components/BookSettings';
import { SitesEditor } from '../../components/SitesEditor';
import type { UiLanguage } from '../../lib/i18n';
import { createSitesModel } from '../../lib/sites/sites-model';
import { createBookModel } from '../../lib/options/book-model';
import { bookApi, settingsApi, sitesApi } from '../../lib/ui/background-api';
import { loadUiLocale } from '../../lib/ui/language';

async function main() {
  const settings = await settingsApi.get();
  const { t, language: locale } = await loadUiLocale(() => Promise.resolve(settings.uiLanguage));
  const sites = createSitesModel(sitesApi);
  const book = createBookModel(bookApi);
  const language = signal<UiLanguage | null>(settings.uiLanguage);
  await Promise.all([sites.load(), book.load()]);

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
        <BookSettings model={book} t={t} locale={locale} />
        <LanguagePicker value={language.value} onChange={(next) => void changeLanguage(next)} t={t} />
      </main>
    </>,
    document.getElementById('app')!,
  );
}

void main();
