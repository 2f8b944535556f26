import { describe, expect, it, vi } from 'vitest';
import { MESSAGES, UI_LANGUAGES } from '../../../lib/i18n';
import { translatorOver } from '../../../lib/i18n/languages';
import { localeFiles } from '../../../lib/i18n/locale-files';
import { createPackagedMessages } from '../../../lib/i18n/packaged';

/** What `fetch(runtime.getURL(path))` gives the worker in the built extension. */
const packaged = (path: string) => {
  const file = localeFiles().find((entry) => `/${entry.relativeDest}` === path);
  return file ? Promise.resolve(JSON.parse(file.contents) as unknown) : Promise.reject(new Error(`no file ${path}`));
};

describe("the worker's words from the packaged locale files", () => {
  it('are the same words the pages use, in every language, read once each', async () => {
    const read = vi.fn(packaged);
    const messages = createPackagedMessages(read);
    for (const language of UI_LANGUAGES) await expect(messages(language)).resolves.toEqual(MESSAGES[language]);
    await messages('uk');
    expect(read).toHaveBeenCalledTimes(UI_LANGUAGES.length);
    const t = translatorOver(await messages('uk'));
    expect(t('notifySeveral', { count: 3 })).toBe(MESSAGES.uk.notifySeveral.replace('{count}', '3'));
  });

  it('a damaged file is refused and read again next time', async () => {
    let damaged = true;
    const messages = createPackagedMessages((path) => (damaged ? Promise.resolve({ notifySeveral: 42 }) : packaged(path)));
    await expect(messages('el')).rejects.toThrow();
    damaged = false;
    await expect(messages('el')).resolves.toEqual(MESSAGES.el);
  });
});
