// zod/mini: the same checks without the chainable API, so the pages that only read their words do
// not load the whole of zod (about 90 KB of the Insights page's script).
import { z } from 'zod/mini';
import type { UiLanguage } from './languages';
import type { Messages } from './messages/en';

/** A `_locales/<lang>/messages.json` file as locale-files.ts writes it. */
const LocaleFileSchema = z.record(z.string(), z.object({ message: z.string() }));

/**
 * One language's words read from the extension's own `_locales` file (generated at build time from
 * the same dictionaries the pages use), once per language per worker life. A failed read is not
 * remembered, so the next call tries again.
 */
export function createPackagedMessages(readPackagedJson: (path: string) => Promise<unknown>) {
  const loaded = new Map<UiLanguage, Promise<Messages>>();
  return (language: UiLanguage): Promise<Messages> => {
    let messages = loaded.get(language);
    if (!messages) {
      messages = readPackagedJson(`/_locales/${language}/messages.json`).then((file) => {
        const entries = Object.entries(LocaleFileSchema.parse(file)).map(([key, { message }]) => [key, message]);
        return Object.fromEntries(entries) as Messages;
      });
      messages.catch(() => loaded.delete(language));
      loaded.set(language, messages);
    }
    return messages;
  };
}
