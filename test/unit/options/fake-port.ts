import { vi } from 'vitest';
import { BACKUP_PORT, type BackupPortMessage } from '../../../lib/background/backup-port';
import { EXTENSION_BASE_URL } from '../factories';

/**
 * The background's end of `runtime.connect({ name })`: what the page sends is delivered with
 * `send`, what the background posts is kept in `posted` (and passed to `onPost`).
 */
export function makeBackupPort(options: { url?: string | undefined; name?: string; onPost?: (message: BackupPortMessage) => void } = {}) {
  const listeners: Array<(message: unknown) => void> = [];
  const posted: BackupPortMessage[] = [];
  const port = {
    name: options.name ?? BACKUP_PORT,
    sender: 'url' in options ? { url: options.url } : { url: `${EXTENSION_BASE_URL}options.html` },
    postMessage: vi.fn((message: BackupPortMessage) => {
      posted.push(message);
      options.onPost?.(message);
    }),
    onMessage: { addListener: vi.fn((listener: (message: unknown) => void) => void listeners.push(listener)) },
    disconnect: vi.fn(),
  };
  return {
    port,
    posted,
    /** The page's `port.postMessage`. */
    send: (message: unknown) => {
      for (const listener of listeners) listener(message);
    },
    listening: () => listeners.length > 0,
  };
}
