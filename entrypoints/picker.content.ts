import { defineContentScript } from 'wxt/utils/define-content-script';
import { sendToBackground } from '../lib/messaging/send';
import { describeForTeaching } from '../lib/teach/describe';
import { startTeaching } from '../lib/teach/start';

// Injected on demand by "Teach a field" (see lib/background/teach-handlers); never registered.
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  main(ctx) {
    void startTeaching({ doc: document, send: sendToBackground, signal: ctx.signal, describe: describeForTeaching });
  },
});
