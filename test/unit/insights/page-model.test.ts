import { describe, expect, it, vi } from 'vitest';
import { createInsightsModel, type InsightsSource, type InsightsView } from '../../../lib/insights/page-model';

const NOW = new Date('2026-06-15T09:00:00Z');

function viewWith(label: string): InsightsView {
  return { headlines: [{ id: 'revenue', label, value: '1' }], charts: [], tables: [] };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

describe('Insights page model', () => {
  it('loads the last 12 months by default and reloads for a chosen preset', async () => {
    const load = vi.fn((range: { from: string; to: string }) => Promise.resolve(viewWith(`${range.from}..${range.to}`)));
    const model = createInsightsModel({ load, watch: () => () => undefined }, { now: () => NOW, timeZone: 'UTC' });
    await model.reload();
    expect(load).toHaveBeenLastCalledWith({ from: '2025-07-01', to: '2026-06-15' }, expect.any(Function));
    await model.choosePreset('lastMonth');
    expect(model.view.value?.headlines[0]?.label).toBe('2026-05-01..2026-05-31');
    expect(model.preset.value).toBe('lastMonth');
  });

  it('never shows the numbers of an older request that finishes last', async () => {
    const slow = deferred<InsightsView>();
    const fast = deferred<InsightsView>();
    const answers = [slow.promise, fast.promise];
    const model = createInsightsModel({ load: () => answers.shift()!, watch: () => () => undefined }, { now: () => NOW, timeZone: 'UTC' });
    const first = model.reload();
    const second = model.chooseRange({ from: '2026-01-01', to: '2026-01-31' });
    fast.resolve(viewWith('new'));
    await second;
    slow.resolve(viewWith('old'));
    await first;
    expect(model.view.value?.headlines[0]?.label).toBe('new');
    expect(model.loading.value).toBe(false);
  });

  it('shows the first screen as soon as the source has it, then the whole view; a stale first screen is dropped', async () => {
    const whole = deferred<InsightsView>();
    const calls: Array<(view: InsightsView) => void> = [];
    const model = createInsightsModel(
      {
        load: (_range, onFirst) => {
          calls.push(onFirst!);
          return whole.promise;
        },
        watch: () => () => undefined,
      },
      { now: () => NOW, timeZone: 'UTC' },
    );
    const first = model.reload();
    calls[0]!(viewWith('first screen'));
    expect(model.view.value?.headlines[0]?.label).toBe('first screen');
    expect(model.loading.value).toBe(true);
    void model.reload(); // a newer reload: the older one's early screen no longer counts
    calls[0]!(viewWith('stale'));
    expect(model.view.value?.headlines[0]?.label).toBe('first screen');
    whole.resolve(viewWith('everything'));
    await first;
    expect(model.view.value?.headlines[0]?.label).toBe('everything');
  });

  it('ignores a custom range that ends before it starts', async () => {
    const load = vi.fn(() => Promise.resolve(viewWith('x')));
    const model = createInsightsModel({ load, watch: () => () => undefined }, { now: () => NOW, timeZone: 'UTC' });
    await model.chooseRange({ from: '2026-02-01', to: '2026-01-01' });
    expect(load).not.toHaveBeenCalled();
    expect(model.preset.value).toBe('last12Months');
  });

  it('keeps the last view and says what failed when a reload throws', async () => {
    const load = vi.fn().mockResolvedValueOnce(viewWith('good')).mockRejectedValueOnce(new Error('database closed'));
    const model = createInsightsModel({ load, watch: () => () => undefined }, { now: () => NOW, timeZone: 'UTC' });
    await model.reload();
    await model.reload();
    expect(model.view.value?.headlines[0]?.label).toBe('good');
    expect(model.problem.value).toBe('database closed');
  });

  it('recounts when the data changes, and stops when the page goes away', async () => {
    let notify: (() => void) | null = null;
    const unsubscribe = vi.fn();
    const first = deferred<InsightsView>();
    const source: InsightsSource = {
      load: vi.fn().mockReturnValueOnce(first.promise).mockResolvedValue(viewWith('x')),
      watch: (onChange) => {
        notify = onChange;
        return unsubscribe;
      },
    };
    const model = createInsightsModel(source, { now: () => NOW, timeZone: 'UTC' });
    const stop = model.start();
    await vi.waitFor(() => expect(source.load).toHaveBeenCalledTimes(1));
    // Not watching yet: the first view comes first.
    expect(notify).toBeNull();
    first.resolve(viewWith('first'));
    await vi.waitFor(() => expect(notify).not.toBeNull());
    notify!();
    await vi.waitFor(() => expect(source.load).toHaveBeenCalledTimes(2));
    stop();
    expect(unsubscribe).toHaveBeenCalled();
  });

  it('draws the first-screen record at once, then replaces it with the live figures, never empty between', async () => {
    const firstScreen = deferred<void>();
    const full = deferred<InsightsView>();
    const load = vi.fn(async (_range: { from: string; to: string }, onFirst?: (view: InsightsView) => void) => {
      await firstScreen.promise;
      onFirst?.(viewWith('live first screen'));
      return full.promise;
    });
    const model = createInsightsModel({ load, watch: () => () => undefined }, { now: () => NOW, timeZone: 'UTC', first: viewWith('from the record') });
    const seen: Array<string | null> = [];
    const unsubscribe = model.view.subscribe((view) => seen.push(view?.headlines[0]?.label ?? null));
    expect(model.view.value?.headlines[0]?.label).toBe('from the record');
    const done = model.reload();
    expect(model.view.value?.headlines[0]?.label).toBe('from the record'); // still drawn while the live path reads
    firstScreen.resolve();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(model.view.value?.headlines[0]?.label).toBe('live first screen');
    full.resolve(viewWith('every figure'));
    await done;
    unsubscribe();
    expect(seen).toEqual(['from the record', 'live first screen', 'every figure']);
  });

  it('keeps the record drawn, with the problem shown, when the live path fails', async () => {
    const model = createInsightsModel(
      { load: () => Promise.reject(new Error('worker gone')), watch: () => () => undefined },
      { now: () => NOW, timeZone: 'UTC', first: viewWith('from the record') },
    );
    await model.reload();
    expect(model.view.value?.headlines[0]?.label).toBe('from the record');
    expect(model.problem.value).toBe('worker gone');
  });
});
