import { BITRIX24_PROFILE, BITRIX24_SELECTORS } from './builtin/bitrix24';
import { textOf } from './helpers';
import { profileAdapter } from './profile';
import { NOT_A_RECORD, type CrmAdapter } from './types';

/**
 * Bitrix24 CRM: its paths and fields are the profile in ./builtin/bitrix24.ts; this code says what
 * a profile cannot. A record opens in a side slider whose content is an iframe with the same path
 * (plus `?IFRAME=Y`); the content script runs in every frame, and the frame with the card reads it.
 * The list page behind the slider shares the record URL, and so does a new record's form (id 0).
 * Bitrix24 is also installed on its customers' own servers: the path is trusted on any host.
 */
const profile = profileAdapter(BITRIX24_PROFILE, { source: 'bitrix24', anyHost: true });

export const bitrix24: CrmAdapter = {
  id: 'bitrix24',
  hosts: profile.hosts,
  matches: (url) => profile.matches(url),
  extract(doc, url, hints) {
    const record = profile.recordOf(url);
    if (!record) return null;
    if (doc.querySelector(BITRIX24_SELECTORS.anyField) === null) {
      return doc.querySelector(BITRIX24_SELECTORS.sliderFrame) || record.recordId === '0' ? NOT_A_RECORD : null;
    }
    const reading = profile.extract(doc, url, hints);
    if (!reading || reading === NOT_A_RECORD) return reading;
    const middleName = BITRIX24_SELECTORS.middleName.map((selector) => textOf(doc.querySelector(selector))).find((text) => text !== null) ?? null;
    return {
      ...reading,
      scope: doc.querySelector(BITRIX24_SELECTORS.editor),
      name: reading.name ?? ([reading.firstName, reading.lastName].filter(Boolean).join(' ') || null),
      middleName,
    };
  },
};

// Tested on: test/fixtures/crm/bitrix24/contact.html (the slider's iframe document),
// test/fixtures/crm/bitrix24/deal.html, test/fixtures/crm/bitrix24/slider-host.html (top frame: no record)
