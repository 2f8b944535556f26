import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { analyseInBackground, startReadingPage } from '../lib/crm/reporter';
import { sendToBackground } from '../lib/messaging/send';
import { openPageGate } from '../lib/sites/page-gate';
import { startScriptLifetime } from '../lib/sites/script-lifetime';
import { followTaughtMappings } from '../lib/teach/content-mappings';

// Registered at run time, only for the CRM origins the user enabled (see lib/sites/registration).
// An unlisted script rather than a WXT content script: the page pays for every byte of it, and
// WXT's content-script context would add about 760 bytes gzipped for the one signal used here.
export default defineUnlistedScript(() => void startReader());

async function startReader() {
  // Nothing happens on an origin the user did not enable (another port of an enabled host).
  const secret = await openPageGate(browser.storage.local, location.origin).catch(() => null);
  if (!secret) return;
  const signal = startScriptLifetime(document, secret, 'crm');
  let reread = () => {};
  const taught = followTaughtMappings({
    send: sendToBackground,
    onMessage: browser.runtime.onMessage,
    signal,
    onChange: () => reread(),
  });
  startReadingPage({
    window,
    signal,
    send: sendToBackground,
    analyse: analyseInBackground,
    getMappings: taught.current,
    ready: taught.ready,
    onRereadRequest: (read) => (reread = read),
  });
}
