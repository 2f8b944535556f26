import { spawn } from 'node:child_process';

/**
 * Runs a command with the terminal attached and resolves with its exit code (never rejects), so
 * a script can run several steps and report all of them.
 * @param {string} command
 * @param {string[]} args
 * @param {{ env?: Record<string, string> }} [options]
 * @returns {Promise<number>}
 */
export function run(command, args, { env = {} } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('error', (error) => {
      console.error(`could not start ${command}: ${error.message}`);
      resolve(127);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

/** The browsers' Debian package names, for messages that tell a person what to install. */
export const BROWSER_PACKAGES = { chromium: 'chromium', firefox: 'firefox-esr' };
