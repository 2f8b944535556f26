import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { localeFiles } from './lib/i18n/locale-files';

// The e2e build is the shipped build plus one thing a headless browser cannot do itself: grant the
// demo CRM's host, because permissions.request never resolves without a person to click "Allow".
const e2e = process.env.TOUCHBOOK_E2E === '1';

export default defineConfig({
  outDir: e2e ? '.output-e2e' : '.output',
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  vite: () => ({
    plugins: [preact()],
    define: { __TOUCHBOOK_E2E__: JSON.stringify(e2e) },
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
    ...(e2e ? { host_permissions: ['http://127.0.0.1/*'] } : {}),
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
