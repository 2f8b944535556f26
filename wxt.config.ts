import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { localeFiles } from './lib/i18n/locale-files';

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
  }),
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      files.push(...localeFiles());
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    action: { default_title: '__MSG_actionTitle__' },
    permissions: ['storage', 'alarms', 'notifications', 'scripting', 'activeTab'],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // Chrome reads enterprise policy (book URL, inline book, public key, lock) through this schema;
    // Firefox ignores it and reads policies.json instead.
    storage: { managed_schema: 'managed_schema.json' },
    ...(demoBuild ? { host_permissions: ['http://127.0.0.1/*'] } : {}),
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
      : {}),
  }),
});
