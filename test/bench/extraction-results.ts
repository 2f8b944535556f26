import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';

/** Shared by the extraction benchmarks: summary statistics, the printed table, the results file. */
export const RESULTS_FILE = join(import.meta.dirname, '../../bench/results/extraction.json');

export interface Measurement {
  /** "busy" or "dense" (see extraction-page.ts). */
  shape: string;
  nodes: number;
  runs: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  meanMs: number;
}

export function summarize(shape: string, nodes: number, times: number[]): Measurement {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (fraction: number) => sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
  const round = (value: number) => Math.round(value * 1000) / 1000;
  return {
    shape,
    nodes,
    runs: times.length,
    medianMs: round(at(0.5)),
    p95Ms: round(at(0.95)),
    maxMs: round(sorted[sorted.length - 1]!),
    meanMs: round(times.reduce((sum, time) => sum + time, 0) / times.length),
  };
}

export function printTable(environment: string, measurements: Measurement[]): void {
  console.log(
    [
      `Extraction time in ${environment}`,
      'shape     nodes  runs  median ms   p95 ms   max ms',
      ...measurements.map(
        (row) =>
          `${row.shape.padEnd(6)} ${String(row.nodes).padStart(8)} ${String(row.runs).padStart(5)} ${row.medianMs.toFixed(2).padStart(10)} ${row.p95Ms.toFixed(2).padStart(8)} ${row.maxMs.toFixed(2).padStart(8)}`,
      ),
    ].join('\n'),
  );
}

/** Merges one environment's figures into the shared results file. */
export function saveResults(environment: string, measurements: Measurement[], extra: Record<string, unknown> = {}): void {
  let existing: Record<string, unknown> = {};
  try {
    existing = JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as Record<string, unknown>;
  } catch {
    // first run
  }
  mkdirSync(dirname(RESULTS_FILE), { recursive: true });
  // The machine's load goes with the figures: on a busy machine they are slower, not the code.
  const machine = { cpus: availableParallelism(), loadAverage1m: Math.round(loadavg()[0]! * 100) / 100 };
  const entry = { measuredAt: new Date().toISOString(), node: process.version, machine, measurements, ...extra };
  writeFileSync(RESULTS_FILE, `${JSON.stringify({ ...existing, [environment]: entry }, null, 2)}\n`);
}
