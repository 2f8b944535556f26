// The English UI text is the reference: every other language must have exactly these keys,
// which the type below enforces at compile time.
export const en = {
  extName: 'Touchbook: sales copilot for any CRM',
  extDescription:
    'Next touch, scripts, cross-sell offers, negotiation questions and objection answers for the client open in your CRM.',
  actionTitle: 'Touchbook',

  panelTitle: 'Touchbook',
  panelNoClient: 'No client on this page',
  panelNoClientHint: 'Open a client card in a CRM where Touchbook is enabled.',
  panelReading: 'Reading the client card…',
  panelSiteDisabled: 'Touchbook is not enabled on this site',
  panelSiteDisabledHint: 'Enable it to read client cards on {origin}.',
  panelExtensionUpdated: 'Touchbook was updated. Reload the CRM page to continue.',
  fieldCompany: 'Company',
  fieldJobTitle: 'Job title',
  fieldPhone: 'Phone',
  fieldEmail: 'Email',
  fieldStage: 'Stage',
  fieldAmount: 'Amount',
  fieldBirthday: 'Birthday',
  fieldTags: 'Tags',
  fieldOwner: 'Owner',
  clientSeenOn: 'Read from {source} · {time}',

  popupTitle: 'Touchbook',
  popupDueTitle: 'Due touches',
  popupNoDue: 'Nothing is due. Open a client card to plan the next touch.',
  popupEnableHere: 'Enable Touchbook on this site',
  popupDisableHere: 'Disable Touchbook on this site',
  popupEnabledHere: 'Enabled on {origin}',
  popupCannotEnable: 'Touchbook cannot run on this page.',
  popupOpenPanel: 'Open side panel',
  popupOpenOptions: 'Settings',

  optionsTitle: 'Touchbook settings',
  optionsSitesTitle: 'Sites',
  optionsSitesHint:
    'Touchbook reads client cards only on the sites you enable here. Each site asks for permission once.',
  optionsSiteOriginLabel: 'CRM address',
  optionsSiteOriginPlaceholder: 'https://yourcompany.crm.example',
  optionsEnableSite: 'Enable',
  optionsDisableSite: 'Disable',
  optionsNoSites: 'No sites enabled yet.',
  optionsLanguageTitle: 'Language',
  optionsLanguageAuto: 'Browser language',
  optionsPermissionDenied: 'Permission was not granted for {origin}.',
  optionsInvalidOrigin: 'Enter a web address that starts with https:// or http://.',

  errorGeneric: 'Something went wrong: {error}',
} as const;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
