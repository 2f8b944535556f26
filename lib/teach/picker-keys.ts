import type { MessageKey } from '../i18n/messages/en';

/**
 * The picker's words. It is injected into CRM pages, so it carries no language tables of its
 * own: the background sends these keys in the manager's language with the teaching context, and
 * English stands in when no answer came (the picker still works, saving is what fails then).
 */
export const PICKER_MESSAGE_KEYS = [
  'teachHint', 'teachDone', 'teachWhatIsThis', 'teachSaved', 'teachSavedAs', 'teachNoSelection', 'teachPickHint', 'errorGeneric',
  'fieldName', 'fieldPhone', 'fieldEmail', 'fieldCompany', 'fieldJobTitle', 'fieldStage', 'fieldAmount', 'fieldBirthday', 'fieldOwner',
  'fieldTags', 'fieldNextContact', 'fieldLastPurchase',
] as const satisfies readonly MessageKey[];

export type PickerMessageKey = (typeof PICKER_MESSAGE_KEYS)[number];
export type PickerMessages = Partial<Record<PickerMessageKey, string>>;
export type PickerTranslate = (key: PickerMessageKey, params?: Record<string, string | number>) => string;
