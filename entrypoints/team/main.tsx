import { render } from 'preact';
import '../../components/theme.css';
import { Header } from '../../components/Header';
import { TeamPage } from '../../components/team/TeamPage';
import { todayIn } from '../../lib/insights/dated-purchases';
import { resolveTimeZone } from '../../lib/lifecycle/time';
import { createLeadModel } from '../../lib/team/lead';
import { teamClient } from '../../lib/team/team-api';
import { settingsApi } from '../../lib/ui/background-api';
import { loadUiLocale } from '../../lib/ui/language';

/** The lead's page: every manager's figures from the team database, side by side. */
async function main() {
  const settings = await settingsApi.get();
  const { t, language } = await loadUiLocale(() => Promise.resolve(settings.uiLanguage));
  document.title = t('teamPageTitle');
  const timeZone = resolveTimeZone(settings.timeZone, Intl.DateTimeFormat().resolvedOptions().timeZone);
  const model = createLeadModel({
    client: teamClient,
    today: () => todayIn(Date.now(), timeZone),
    copy: (text) => navigator.clipboard.writeText(text),
    placeholderAnswer: t('teamDraftAnswer'),
  });
  render(
    <>
      <Header title={t('teamPageTitle')} />
      <main class="tb-main" style={{ maxWidth: '1100px' }}>
        <TeamPage model={model} t={t} locale={language} />
      </main>
    </>,
    document.getElementById('app')!,
  );
  await model.refresh();
  // The changes feed from where the last read stopped: cheap, so every half minute while open.
  setInterval(() => void model.refresh(), 30_000);
}

void main();
