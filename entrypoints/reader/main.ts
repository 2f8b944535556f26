import { browser } from 'wxt/browser';
import { readerReply } from '../../lib/crm/digest/reader-page';

// Chrome's offscreen document: the DOM the service worker lacks, for reading page digests.
// The polyfill sends a returned promise's value as the reply; undefined leaves the message to others.
// eslint-disable-next-line @typescript-eslint/no-misused-promises
browser.runtime.onMessage.addListener((message: unknown, sender) => readerReply(message, sender.id === browser.runtime.id && !sender.tab));
