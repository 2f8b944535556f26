import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startReadingPage } from '../lib/crm/reporter';
import { sendToBackground } from '../lib/messaging/send';
import { followTaughtMappings } from '../lib/teach/content-mappings';

// Registered at run time, only for the CRM origins the user enabled (see lib/sites/registration).
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  // A newer copy of this script (after an update) stops this one through a DOM event; WXT's extra
  // window.postMessage for the same purpose would run every message listener of the CRM page.
  noScriptStartedPostMessage: true,
  main(ctx) {
    let reread = () => {};
    const taught = followTaughtMappings({
      send: sendToBackground,
      onMessage: browser.runtime.onMessage,
      signal: ctx.signal,
      onChange: () => reread(),
    });
    startReadingPage({
      window,
      signal: ctx.signal,
      send: sendToBackground,
      getMappings: taught.current,
      ready: taught.ready,
      onRereadRequest: (read) => (reread = read),
    });
  },
});
