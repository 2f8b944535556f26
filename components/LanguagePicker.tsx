import { UI_LANGUAGES, type Translate, type UiLanguage } from '../lib/i18n';

const NATIVE_NAMES: Record<UiLanguage, string> = { en: 'English', ru: 'Русский', uk: 'Українська', el: 'Ελληνικά' };

export function LanguagePicker({
  value,
  onChange,
  t,
}: {
  value: UiLanguage | null;
  onChange: (language: UiLanguage | null) => void;
  t: Translate;
}) {
  return (
    <section class="tb-card tb-stack" aria-labelledby="language-title">
      <h2 id="language-title">{t('optionsLanguageTitle')}</h2>
      <select
        class="tb-input"
        aria-labelledby="language-title"
        data-testid="language"
        value={value ?? ''}
        onChange={(event) => {
          const chosen = event.currentTarget.value;
          onChange(UI_LANGUAGES.find((language) => language === chosen) ?? null);
        }}
      >
        <option value="">{t('optionsLanguageAuto')}</option>
        {UI_LANGUAGES.map((language) => (
          <option value={language}>{NATIVE_NAMES[language]}</option>
        ))}
      </select>
    </section>
  );
}
