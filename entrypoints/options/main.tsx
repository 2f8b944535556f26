import { render } from 'preact';
import { signal } from '@preact/signals';
import '../../components/theme.css';
import { BookSettings } from '../../components/BookSettings';
import { DataSettings } from '../../components/DataSettings';
import { Header } from '../../components/Header';
import { InsightsLink } from '../../components/InsightsLink';
import { LanguagePicker } from '../../components/LanguagePicker';
import { ProfileSettings, type ProfilePatch } from '../../components/ProfileSettings';
import { SitesEditor } from '../../components/SitesEditor';
import { TeamSettings } from '../../components/TeamSettings';
import { createTeamSettingsModel } from '../../lib/team/settings-model';
import { teamSettingsApi } from '../../lib/team/team-api';
import type { UiLanguage } from '../../lib/i18n';
import { createBookModel } from '../../lib/options/book-model';
import { bookRoles } from '../../lib/roles/routing';
import { lazyTouchRows } from '../../lib/export/touch-rows';
import { lazyBackupExport } from '../../lib/options/backup-export';
import { createDataModel } from '../../lib/options/data-model';
import { createSitesModel } from '../../lib/sites/sites-model';
import { bookApi, settingsApi, sitesApi } from '../../lib/ui/background-api';
import { dataApi } from '../../lib/ui/data-api';
import { loadUiLocale } from '../../lib/ui/language';

async function main() {
  const settings = signal(await settingsApi.get());
  const { t, language: locale } = await loadUiLocale(() => Promise.resolve(settings.value.uiLanguage));
  const sites = createSitesModel(sitesApi);
  const book = createBookModel(bookApi);
  // Exports read the database here, like the side panel: a large export need not pass through messages.
  const data = createDataModel({ ...dataApi, touchRows: lazyTouchRows(), exportBackup: lazyBackupExport() }, { t, locale });
  const team = createTeamSettingsModel(teamSettingsApi);
  const saved = signal(false);
  await Promise.all([sites.load(), book.load(), data.load()]);
  // The team section fills in when it has loaded; the rest of the page does not wait for it.
  void team.load().catch((error: unknown) => console.warn('[touchbook] team settings', error));

  const changeLanguage = async (next: UiLanguage | null) => {
    await settingsApi.update({ uiLanguage: next });
    location.reload(); // every string on the page changes; a reload is the honest way
  };
  const saveProfile = async (patch: ProfilePatch) => {
    settings.value = await settingsApi.update(patch);
    saved.value = true;
  };
  const timeZones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

  function Options() {
    return (
      <main class="tb-main tb-stack" style={{ maxWidth: '760px' }}>
        <SitesEditor model={sites} t={t} />
        <BookSettings model={book} t={t} locale={locale} />
        <ProfileSettings settings={settings.value} roles={book.book.value ? bookRoles(book.book.value.book) : []} t={t} locale={locale} timeZones={timeZones} saved={saved.value} onSave={(patch) => void saveProfile(patch)} />
        <LanguagePicker value={settings.value.uiLanguage} onChange={(next) => void changeLanguage(next)} t={t} />
        <DataSettings model={data} t={t} />
        <TeamSettings model={team} t={t} locale={locale} />
      </main>
    );
  }

  render(
    <>
      <Header title={t('optionsTitle')}>
        <InsightsLink t={t} />
      </Header>
      <Options />
    </>,
    document.getElementById('app')!,
  );
}

void main();
