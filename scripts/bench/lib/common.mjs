// Helpers shared by the benchmark modules in scripts/bench/: statistics, the machine's load (it
// goes next to every figure: the machine has two cores and other people's tests run on it),
// error rows, and running a child process with a time limit.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';

/**
 * @typedef {{ name: string, value: number, unit: string, budget?: number, note?: string }} BenchRow
 */

/** @param {number[]} values */
export function median(values) {
  return percentile(values, 50);
}

/**
 * Nearest-rank percentile: the smallest value with at least p% of the values at or below it.
 * @param {number[]} values @param {number} p
 */
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

/** "load 1.9/2.4/2.7 (2 cpus)": the 1, 5 and 15 minute load averages, right now. */
export function loadNote() {
  const [one = 0, five = 0, fifteen = 0] = os.loadavg();
  return `load ${one.toFixed(2)}/${five.toFixed(2)}/${fifteen.toFixed(2)} (${os.availableParallelism()} cpus)`;
}

/**
 * A measurement that could not be taken. It keeps the budget of the figure it stands for, so the
 * table shows the budget as not met (n/a is not "ok").
 * @param {string} measure @param {unknown} error @param {{ unit?: string, budget?: number }} [row]
 * @returns {BenchRow}
 */
export function errorRow(measure, error, { unit = '', budget } = {}) {
  const message = error instanceof Error ? error.message : String(error);
  return { name: `error: ${measure}`, value: NaN, unit, ...(budget === undefined ? {} : { budget }), note: message.split('\n')[0]?.slice(0, 300) ?? '' };
}

/**
 * Runs a command, echoing its output, and resolves (never rejects) with its exit code and the
 * last lines it printed. It runs in a process group of its own, so the time limit ends it with
 * every child it started (npx -> vitest -> workers) and nothing else.
 * @param {string} command @param {string[]} args
 * @param {{ timeoutMs?: number, env?: Record<string, string>, echo?: boolean }} [options]
 * @returns {Promise<{ code: number, timedOut: boolean, tail: string }>}
 */
export function runCommand(command, args, { timeoutMs = 300_000, env = {}, echo = true } = {}) {
  return new Promise((resolve) => {
    /** @type {string[]} */
    const lines = [];
    const keep = (/** @type {Buffer} */ chunk, /** @type {NodeJS.WriteStream} */ stream) => {
      if (echo) stream.write(chunk);
      lines.push(...chunk.toString('utf8').split('\n'));
      if (lines.length > 400) lines.splice(0, lines.length - 400);
    };
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }, timeoutMs);
    child.stdout.on('data', (chunk) => keep(chunk, process.stdout));
    child.stderr.on('data', (chunk) => keep(chunk, process.stderr));
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: 127, timedOut, tail: error.message });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      // eslint-disable-next-line no-control-regex
      const tail = lines.join('\n').replace(/\u001b\[[0-9;]*m/g, '').trim().split('\n').slice(-30).join('\n');
      resolve({ code: code ?? (signal ? 128 : 1), timedOut, tail });
    });
  });
}

/**
 * Reads a results file a benchmark wrote, or entry `key` of it, and refuses figures older than
 * `since` (epoch ms): a run that failed before writing must not be reported with stale numbers.
 * @param {string} file @param {number} since @param {string} [key]
 * @returns {any}
 */
export function readFreshResults(file, since, key) {
  if (!existsSync(file)) throw new Error(`${file} was not written`);
  const all = JSON.parse(readFileSync(file, 'utf8'));
  const entry = key === undefined ? all : all[key];
  if (!entry) throw new Error(`${file} has no "${key}" entry`);
  const measuredAt = Date.parse(entry.measuredAt ?? '');
  // One second of slack: the file's clock and ours are the same machine's, but rounding differs.
  if (!(measuredAt >= since - 1000)) throw new Error(`${file}${key ? ` (${key})` : ''} is stale (measured ${entry.measuredAt ?? 'at an unknown time'}): this run did not write it`);
  return entry;
}

/** @param {number} ms */
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
