import { describe, expect, it } from 'vitest';
import { chartAsTable, valueFormatter, type ChartData } from '../../../lib/insights/chart-data';

const chart: ChartData = {
  id: 'repeat-share',
  title: 'Repeat share',
  x: ['2026-01-01', '2026-02-01'],
  period: 'month',
  series: [
    { id: 'share', label: 'This year', values: [42.5, null], kind: 'percent' },
    { id: 'revenue', label: 'Revenue', values: [1200, 3400.4], kind: 'money', currency: 'EUR' },
  ],
};

describe('chart table view', () => {
  it('gives one row per period and one column per series, formatted for the locale', () => {
    const table = chartAsTable(chart, 'en', 'Period');
    expect(table.columns).toEqual(['Period', 'This year', 'Revenue']);
    expect(table.rows).toEqual([
      ['Jan 2026', '42.5%', '€1,200'],
      ['Feb 2026', '—', '€3,400'],
    ]);
  });

  it('uses the locale\'s own number and month forms', () => {
    const table = chartAsTable(chart, 'el', 'Περίοδος');
    expect(table.rows[1]?.[2]).toMatch(/3\.400\s€/);
    expect(table.rows[0]?.[0]?.toLowerCase()).toContain('2026');
    expect(table.rows[0]?.[0]).toMatch(/[Α-Ωα-ω]/);
  });

  it('shows a dash, not zero, for a missing value and for NaN', () => {
    const format = valueFormatter('en', { kind: 'count' });
    expect(format(null)).toBe('—');
    expect(format(Number.NaN)).toBe('—');
    expect(format(0)).toBe('0');
  });
});
