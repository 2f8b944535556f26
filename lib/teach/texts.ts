import { formatMessage } from '../i18n/format';
import { en } from '../i18n/messages/en';

export { PICKER_MESSAGE_KEYS, type PickerMessageKey, type PickerMessages, type PickerTranslate } from './picker-keys';
import type { PickerMessages, PickerTranslate } from './picker-keys';

export function pickerTranslator(messages: PickerMessages | null | undefined): PickerTranslate {
  return (key, params) => formatMessage(messages?.[key] ?? en[key], params);
}
