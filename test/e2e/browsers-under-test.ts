import { browserAvailable, type BrowserName } from '../../scripts/lib/browser-session.mjs';

/**
 * The browsers to run in: all installed ones, or those named in TOUCHBOOK_E2E_BROWSERS.
 * scripts/e2e.mjs decides whether a missing browser is a failure (CI) or a loud skip.
 */
export function browsersUnderTest(): BrowserName[] {
  const requested = (process.env.TOUCHBOOK_E2E_BROWSERS ?? 'chromium,firefox')
    .split(',')
    .map((name) => name.trim())
    .filter((name): name is BrowserName => name === 'chromium' || name === 'firefox');
  return requested.filter(browserAvailable);
}
