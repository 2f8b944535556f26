import type { Messages } from './en';

export const ru: Messages = {
  extName: 'Touchbook: помощник продаж для любой CRM',
  extDescription:
    'Следующее касание, скрипты, допродажи, вопросы для переговоров и ответы на возражения по клиенту, открытому в вашей CRM.',
  actionTitle: 'Touchbook',

  panelTitle: 'Touchbook',
  panelNoClient: 'На этой странице нет клиента',
  panelNoClientHint: 'Откройте карточку клиента в CRM, где включён Touchbook.',
  panelReading: 'Читаем карточку клиента…',
  panelSiteDisabled: 'Touchbook не включён на этом сайте',
  panelSiteDisabledHint: 'Включите его, чтобы читать карточки клиентов на {origin}.',
  panelExtensionUpdated: 'Touchbook обновился. Перезагрузите страницу CRM, чтобы продолжить.',
  fieldCompany: 'Компания',
  fieldJobTitle: 'Должность',
  fieldPhone: 'Телефон',
  fieldEmail: 'Эл. почта',
  fieldStage: 'Этап',
  fieldAmount: 'Сумма',
  fieldBirthday: 'День рождения',
  fieldTags: 'Теги',
  fieldOwner: 'Ответственный',
  clientSeenOn: 'Прочитано из {source} · {time}',

  popupTitle: 'Touchbook',
  popupDueTitle: 'Касания к выполнению',
  popupNoDue: 'Сейчас ничего не запланировано. Откройте карточку клиента, чтобы спланировать следующее касание.',
  popupEnableHere: 'Включить Touchbook на этом сайте',
  popupDisableHere: 'Отключить Touchbook на этом сайте',
  popupEnabledHere: 'Включён на {origin}',
  popupCannotEnable: 'Touchbook не может работать на этой странице.',
  popupOpenPanel: 'Открыть боковую панель',
  popupOpenOptions: 'Настройки',

  optionsTitle: 'Настройки Touchbook',
  optionsSitesTitle: 'Сайты',
  optionsSitesHint:
    'Touchbook читает карточки клиентов только на сайтах, которые вы здесь включили. Каждый сайт один раз запрашивает разрешение.',
  optionsSiteOriginLabel: 'Адрес CRM',
  optionsSiteOriginPlaceholder: 'https://vashakompaniya.crm.example',
  optionsEnableSite: 'Включить',
  optionsDisableSite: 'Отключить',
  optionsNoSites: 'Пока ни один сайт не включён.',
  optionsLanguageTitle: 'Язык',
  optionsLanguageAuto: 'Язык браузера',
  optionsPermissionDenied: 'Разрешение для {origin} не получено.',
  optionsInvalidOrigin: 'Введите веб-адрес, начинающийся с https:// или http://.',

  errorGeneric: 'Что-то пошло не так: {error}',
};
