import { fileURLToPath } from 'node:url';
import type { InlineConfig } from 'vite';

type Alias = { find: string | RegExp; replacement: string };

/**
 * Points `wxt/browser` at the browser's own `browser`/`chrome` object instead of
 * webextension-polyfill (about 3 KB gzipped) in one bundle. For code that only uses what Chrome
 * MV3 and Firefox both offer with promises natively; replies to runtime messages go through
 * `sendResponse`, which Chrome needs without the polyfill.
 */
export function useNativeBrowser(viteConfig: InlineConfig): void {
  viteConfig.resolve ??= {};
  const nativeBrowser: Alias = { find: /^wxt\/browser$/, replacement: fileURLToPath(import.meta.resolve('wxt/browser')) };
  const alias: unknown = viteConfig.resolve.alias;
  const entries: Alias[] = Array.isArray(alias)
    ? (alias as Alias[])
    : Object.entries((alias ?? {}) as Record<string, string>).map(([find, replacement]) => ({ find, replacement }));
  viteConfig.resolve.alias = [nativeBrowser, ...entries.filter((entry) => String(entry.find) !== 'wxt/browser')];
}
