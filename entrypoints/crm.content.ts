import { defineContentScript } from 'wxt/utils/define-content-script';
import { startReadingPage } from '../lib/crm/reporter';
import { sendToBackground } from '../lib/messaging/send';

// Registered at run time, only for the CRM origins the user enabled (see lib/sites/registration).
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  main(ctx) {
    startReadingPage({ window, signal: ctx.signal, send: sendToBackground });
  },
});
