import { describe, expect, it } from 'vitest';
import { InsightsPage } from '../../../../components/insights/InsightsPage';
import { createInsightsModel, type InsightsView } from '../../../../lib/insights/page-model';
import { t } from '../../factories';
import { byTestId, mount } from '../render';

const view: InsightsView = {
  headlines: [{ id: 'repeat-share', label: 'Repeat share of revenue', value: '38%', comparison: '31% a year ago', note: 'Inside the target' }],
  charts: [
    {
      id: 'repeat-share',
      title: 'Repeat share per month',
      x: ['2026-04-01', '2026-05-01'],
      period: 'month',
      band: { from: 30, to: 50, label: 'Target 30-50%' },
      series: [{ id: 'share', label: 'Share', values: [25, 40], kind: 'percent' }],
    },
  ],
  tables: [{ id: 'top-clients', title: 'TOP-50', table: { columns: ['Client', 'Revenue'], rows: [['<b>Acme</b>', '€1,000']] } }],
};

async function renderPage(result: InsightsView) {
  const model = createInsightsModel(
    { load: () => Promise.resolve(result), watch: () => () => undefined },
    { now: () => new Date('2026-06-15T09:00:00Z'), timeZone: 'UTC' },
  );
  const container = mount(<InsightsPage model={model} t={t} locale="en" />);
  await model.reload();
  await new Promise((resolve) => setTimeout(resolve, 0));
  return container;
}

describe('InsightsPage', () => {
  it('shows headline figures, and each chart as a table where a canvas cannot be drawn', async () => {
    const container = await renderPage(view);
    expect(byTestId(container, 'figure-repeat-share').textContent).toContain('38%');
    const table = byTestId(container, 'table-repeat-share');
    expect([...table.querySelectorAll('tbody tr')].map((row) => row.textContent)).toEqual(['Apr 202625%', 'May 202640%']);
    expect(byTestId(container, 'chart-repeat-share').textContent).toContain('Target 30-50%');
  });

  it('renders client names from the data as text, never as markup', async () => {
    const container = await renderPage(view);
    const cell = byTestId(container, 'table-top-clients').querySelector('tbody th')!;
    expect(cell.textContent).toBe('<b>Acme</b>');
    expect(cell.querySelector('b')).toBeNull();
  });

  it('says there is nothing to count yet on an empty database', async () => {
    const container = await renderPage({ headlines: [], charts: [], tables: [] });
    expect(byTestId(container, 'empty-state').textContent).toContain(t('insightsEmpty'));
  });
});
