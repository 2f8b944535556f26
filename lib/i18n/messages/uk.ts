import type { Messages } from './en';

export const uk: Messages = {
  extName: 'Touchbook: помічник продажів для будь-якої CRM',
  extDescription:
    'Наступний дотик, скрипти, допродажі, питання для переговорів і відповіді на заперечення щодо клієнта, відкритого у вашій CRM.',
  actionTitle: 'Touchbook',

  panelTitle: 'Touchbook',
  panelNoClient: 'На цій сторінці немає клієнта',
  panelNoClientHint: 'Відкрийте картку клієнта в CRM, де увімкнено Touchbook.',
  panelReading: 'Читаємо картку клієнта…',
  panelSiteDisabled: 'Touchbook не увімкнено на цьому сайті',
  panelSiteDisabledHint: 'Увімкніть його, щоб читати картки клієнтів на {origin}.',
  panelExtensionUpdated: 'Touchbook оновився. Перезавантажте сторінку CRM, щоб продовжити.',
  fieldCompany: 'Компанія',
  fieldJobTitle: 'Посада',
  fieldPhone: 'Телефон',
  fieldEmail: 'Ел. пошта',
  fieldStage: 'Етап',
  fieldAmount: 'Сума',
  fieldBirthday: 'День народження',
  fieldTags: 'Теги',
  fieldOwner: 'Відповідальний',
  clientSeenOn: 'Прочитано з {source} · {time}',

  popupTitle: 'Touchbook',
  popupDueTitle: 'Дотики до виконання',
  popupNoDue: 'Зараз нічого не заплановано. Відкрийте картку клієнта, щоб спланувати наступний дотик.',
  popupEnableHere: 'Увімкнути Touchbook на цьому сайті',
  popupDisableHere: 'Вимкнути Touchbook на цьому сайті',
  popupEnabledHere: 'Увімкнено на {origin}',
  popupCannotEnable: 'Touchbook не може працювати на цій сторінці.',
  popupOpenPanel: 'Відкрити бічну панель',
  popupOpenOptions: 'Налаштування',

  optionsTitle: 'Налаштування Touchbook',
  optionsSitesTitle: 'Сайти',
  optionsSitesHint:
    'Touchbook читає картки клієнтів лише на сайтах, які ви тут увімкнули. Кожен сайт один раз запитує дозвіл.',
  optionsSiteOriginLabel: 'Адреса CRM',
  optionsSiteOriginPlaceholder: 'https://vashakompaniia.crm.example',
  optionsEnableSite: 'Увімкнути',
  optionsDisableSite: 'Вимкнути',
  optionsNoSites: 'Поки що жоден сайт не увімкнено.',
  optionsLanguageTitle: 'Мова',
  optionsLanguageAuto: 'Мова браузера',
  optionsPermissionDenied: 'Дозвіл для {origin} не надано.',
  optionsInvalidOrigin: 'Введіть веб-адресу, що починається з https:// або http://.',

  errorGeneric: 'Щось пішло не так: {error}',
};
