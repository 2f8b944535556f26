import preact from '@preact/preset-vite';
import { defineConfig, type Entrypoint } from 'wxt';
import { OPEN_PANEL_COMMAND } from './lib/background/commands';
import { LANGUAGES } from './lib/crm/labels/languages';
import { buildLabelTables } from './lib/crm/labels/tables';
import { defaultBookFiles } from './lib/book/defaults/index';
import { localeFiles } from './lib/i18n/locale-files';
import { useNativeBrowser } from './lib/build/native-browser';
import { zodWithoutJsonSchema } from './lib/build/zod-without-json-schema';

// The demo build (npm start, end-to-end tests, benchmarks) is the shipped build plus one grant a
// headless browser cannot give itself: the bundled demo CRM's host, 127.0.0.1, because
// permissions.request never resolves without a person to click "Allow".
const demoBuild = process.env.TOUCHBOOK_DEMO_BUILD === '1';

export default defineConfig({
  outDir: demoBuild ? '.output-demo' : '.output',
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  vite: () => ({
    plugins: [preact()],
    define: {
      __TOUCHBOOK_DEMO_BUILD__: JSON.stringify(demoBuild),
      // The label dictionaries as ready lookup tables: each CRM page would otherwise build them.
      __TOUCHBOOK_LABEL_TABLES__: JSON.stringify(buildLabelTables(LANGUAGES)),
    },
    // TOUCHBOOK_UNMINIFIED=1: readable function names in a CPU profile of the content script.
    // TOUCHBOOK_SOURCEMAP=1: source maps, to break a bundle down by module (source-map-explorer).
    build: {
      ...(process.env.TOUCHBOOK_UNMINIFIED === '1' ? { minify: false } : {}),
      ...(process.env.TOUCHBOOK_SOURCEMAP === '1' ? { sourcemap: true } : {}),
    },
  }),
  hooks: {
    // The side panel is built on its own (issue 17, cold open): in the shared build of every page
    // its static imports came as 21 chunks, fetched one after another before any panel code ran.
    // Alone, its static graph is one chunk; rarely used parts stay dynamic imports.
    'entrypoints:grouped': (_wxt, groups) => {
      const pages = groups.find((group): group is Entrypoint[] => Array.isArray(group) && group.some((entry) => entry.name === 'sidepanel'));
      if (!pages || pages.length === 1) return;
      const panel = pages.splice(pages.findIndex((entry) => entry.name === 'sidepanel'), 1);
      groups.push(panel);
    },
    'build:publicAssets': (_wxt, files) => {
      files.push(...localeFiles(), ...defaultBookFiles());
    },
    'vite:build:extendConfig': (entrypoints, viteConfig) => {
      const only = (name: string) => entrypoints.every((entrypoint) => entrypoint.name === name);
      // The always-on CRM content script only uses runtime messaging, which Chrome MV3 and Firefox
      // both offer with promises natively: it skips the polyfill (about 3 KB of its 30 KB budget).
      if (only('crm')) useNativeBrowser(viteConfig);
      // The background loads on every wake-up of Chrome's worker (issue 17): no polyfill (Chrome 125
      // has promises for every API it uses; Firefox's polyfill was a pass-through), and none of
      // zod's JSON-schema writer, which it never calls.
      if (only('background')) {
        useNativeBrowser(viteConfig);
        viteConfig.plugins = [...(viteConfig.plugins ?? []), zodWithoutJsonSchema()];
      }
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    action: { default_title: '__MSG_actionTitle__' },
    // offscreen: Chrome's worker has no DOM parser; the CRM reader reads page digests in one.
    permissions: ['storage', 'alarms', 'notifications', 'scripting', 'activeTab', 'contextMenus', ...(browser === 'firefox' ? [] : ['offscreen'])],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // Chrome reads enterprise policy (book URL, inline book, public key, lock) through this schema;
    // Firefox ignores it and reads policies.json instead.
    storage: { managed_schema: 'managed_schema.json' },
    ...(demoBuild ? { host_permissions: ['http://127.0.0.1/*'] } : {}),
    // Alt+Shift+T opens the side panel: Firefox has a built-in command for its sidebar, Chrome
    // gets a named command the background answers with sidePanel.open().
    commands:
      browser === 'firefox'
        ? { _execute_sidebar_action: { suggested_key: { default: 'Alt+Shift+T' }, description: '__MSG_commandOpenPanel__' } }
        : { [OPEN_PANEL_COMMAND]: { suggested_key: { default: 'Alt+Shift+T' }, description: '__MSG_commandOpenPanel__' } },
    // Chrome 125: Element.getHTML, which the CRM reader's page digest is made with (Firefox: 128).
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'touchbook@touchbook.app',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : { minimum_chrome_version: '125' }),
  }),
});
