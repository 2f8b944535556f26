import { vi } from 'vitest';
import { BACKUP_PORT, type BackupPageMessage, type BackupPortMessage } from '../../../lib/background/backup-port';
import type { PagePort } from '../../../lib/options/backup-upload';
import { EXTENSION_BASE_URL } from '../factories';

/**
 * The background's end of `runtime.connect({ name })`: what the page sends is delivered with
 * `send`, what the background posts is kept in `posted` (and passed to `onPost`); `pageLeaves`
 * is the page closing its end.
 */
export function makeBackupPort(options: { url?: string | undefined; name?: string; onPost?: (message: BackupPortMessage) => void } = {}) {
  const listeners: Array<(message: unknown) => void> = [];
  const gone: Array<() => void> = [];
  const posted: BackupPortMessage[] = [];
  const port = {
    name: options.name ?? BACKUP_PORT,
    sender: 'url' in options ? { url: options.url } : { url: `${EXTENSION_BASE_URL}options.html` },
    postMessage: vi.fn((message: BackupPortMessage) => {
      posted.push(message);
      options.onPost?.(message);
    }),
    onMessage: { addListener: vi.fn((listener: (message: unknown) => void) => void listeners.push(listener)) },
    onDisconnect: { addListener: vi.fn((listener: () => void) => void gone.push(listener)) },
    disconnect: vi.fn(),
  };
  return {
    port,
    posted,
    /** The page's `port.postMessage`. */
    send: (message: unknown) => {
      for (const listener of listeners) listener(message);
    },
    /** The page's end closed (the tab, or the browser). */
    pageLeaves: () => {
      for (const listener of gone) listener();
    },
    listening: () => listeners.length > 0,
  };
}

/**
 * Both ends of a runtime port, as the browser connects them: messages are copied through JSON
 * (Chrome serialises them so) and delivered on a later task; `workerDies` closes the background's
 * end as a stopped service worker does, firing the page's `onDisconnect`.
 */
export function connectBackupPorts(options: { url?: string } = {}) {
  const toBackground: Array<(message: unknown) => void> = [];
  const toPage: Array<(message: unknown) => void> = [];
  const backgroundGone: Array<() => void> = [];
  const pageGone: Array<() => void> = [];
  const sentByPage: BackupPageMessage[] = [];
  const postedByBackground: BackupPortMessage[] = [];
  let open = true;
  const deliver = (listeners: Array<(message: unknown) => void>, message: unknown) => {
    const copy = JSON.parse(JSON.stringify(message)) as unknown;
    setTimeout(() => {
      if (open) for (const listener of listeners) listener(copy);
    }, 0);
  };
  const close = (listeners: Array<() => void>) => {
    if (!open) return;
    open = false;
    setTimeout(() => listeners.forEach((listener) => listener()), 0);
  };
  const background = {
    name: BACKUP_PORT,
    sender: { url: options.url ?? `${EXTENSION_BASE_URL}options.html` },
    postMessage: (message: BackupPortMessage) => {
      if (!open) throw new Error('Attempting to use a disconnected port object');
      postedByBackground.push(message);
      deliver(toPage, message);
    },
    onMessage: { addListener: (listener: (message: unknown) => void) => void toBackground.push(listener) },
    onDisconnect: { addListener: (listener: () => void) => void backgroundGone.push(listener) },
    disconnect: () => close(pageGone),
  };
  const page: PagePort = {
    postMessage: (message) => {
      if (!open) throw new Error('Attempting to use a disconnected port object');
      sentByPage.push(message);
      deliver(toBackground, message);
    },
    onMessage: { addListener: (listener) => void toPage.push(listener) },
    onDisconnect: { addListener: (listener) => void pageGone.push(listener) },
    disconnect: () => close(backgroundGone),
  };
  return {
    background,
    page,
    sentByPage,
    postedByBackground,
    /** The page sees its port close; the worker's work stops with it (its transaction aborts). */
    workerDies: () => close([...pageGone, ...backgroundGone]),
    pageLeaves: () => close(backgroundGone),
  };
}
