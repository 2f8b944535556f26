import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionSession } from '../../scripts/lib/browser-session.mjs';
import { CrmPage, ExtensionProbe, InsightsPage, OptionsPage, SidePanelPage, waitFor } from '../../scripts/lib/pages.mjs';
import { startDemoServer } from '../../scripts/serve-demo.mjs';
import { browsersUnderTest } from './browsers-under-test';

/** Figures as Intl writes them: thin or no-break spaces vary by browser. */
const plain = (text: string) => text.replace(/[\s\u00a0\u202f]/g, '');

describe.each(browsersUnderTest())('Insights in %s', (browserName) => {
  let demo: Awaited<ReturnType<typeof startDemoServer>>;
  let session: ExtensionSession;
  let panel: SidePanelPage;
  let crm: CrmPage;
  let insights: InsightsPage;

  beforeAll(async () => {
    demo = await startDemoServer();
    session = await launchWithExtension(browserName);
    const options = new OptionsPage(await session.openExtensionPage('options.html'));
    await options.enableSite(demo.url);
    crm = new CrmPage(await session.browser.newPage());
    panel = new SidePanelPage(await session.openExtensionPage('sidepanel.html'));
  });
  afterAll(async () => {
    await session?.close();
    await demo?.close();
  });

  it('counts what the CRM card shows, then follows a purchase and a touch recorded in the side panel', async () => {
    // Olivia Bennett's card lists three purchases with prices; only the winter tyres (EUR 820,
    // January 2026) fall in the last 12 months, and she had bought before: a repeat sale.
    await crm.page.bringToFront();
    await crm.openClient(demo.url, 'c-101');
    await crm.waitForFieldValue('Next contact');
    await panel.page.bringToFront();
    await panel.waitForClient('Olivia Bennett');
    const probe = new ExtensionProbe(panel.page);
    const clientId = (await probe.focus()).client.id as string;
    await waitFor(async () => (await probe.clientPlan(clientId)).open.length > 0, { what: 'touches planned for Olivia' });

    insights = new InsightsPage(await session.openExtensionPage('insights.html', { width: 1100, height: 900 }));
    expect(plain(await insights.waitForFigure('revenue', (text) => text !== ''))).toBe('€820');
    expect(await insights.figure('repeat-share')).toBe('100%');
    expect(await insights.chartDrawn('repeat-share')).toBe(true);
    const doneBefore = Number(await insights.figure('touches-done'));
    // Every figure has its section: the plan, the TOP clients, segments and churn, cross-sell,
    // questionnaires, objections, cold calls with the daily report.
    const sections = await insights.sections();
    for (const id of [
      'section-plan',
      'section-top-clients-EUR',
      'section-top-clients-dropped',
      'section-segments-abc',
      'section-churn-risk',
      'section-churn-clients',
      'chart-cold-calls',
      'section-cold-calls-months',
      'section-cold-calls-daily',
      'section-cross-sell',
      'section-questionnaires',
      'section-objections',
    ]) {
      expect(sections, id).toContain(id);
    }
    expect(await insights.chartDrawn('cold-calls')).toBe(true);
    const olivia = (rows: string[][]) => rows.find((row) => row[1] === 'Olivia Bennett');
    expect(plain(olivia(await insights.tableRows('top-clients-EUR'))?.[2] ?? '')).toBe('€820');

    // A purchase recorded in the side panel, with its amount: the open page recounts by itself.
    await panel.page.bringToFront();
    const today = new Date().toISOString().slice(0, 10);
    await panel.recordPurchase({ product: 'Roof rack', date: today, amount: '1000', currency: 'EUR' });
    await insights.page.bringToFront();
    expect(plain(await insights.waitForFigure('revenue', (text) => plain(text) === '€1,820'))).toBe('€1,820');
    // The same purchase moves her TOP line, this month's progress and next month's plan (+10%).
    await insights.waitForTable('top-clients-EUR', (rows) => plain(olivia(rows)?.[2] ?? '') === '€1,820');
    expect(plain(await insights.figureText('plan-progress'))).toContain('€1,000ofthe');
    expect(plain(await insights.figureText('plan-progress'))).toContain('€1,100');

    await panel.page.bringToFront();
    await panel.waitForNextTouch();
    await panel.markNextTouchDone('reached');
    await insights.page.bringToFront();
    await insights.waitForFigure('touches-done', (text) => Number(text) === doneBefore + 1);
    const outcomes = await insights.tableRows('outcomes');
    expect(outcomes.find(([label]) => label === 'Reached')?.[1]).toBe(String(1));
  });

  it('shows the same numbers as a table for screen readers, and narrows to a range', async () => {
    await insights.page.bringToFront();
    const revenueRows = await insights.tableRows('revenue-by-currency');
    expect(revenueRows.map((row) => row[0])).toEqual(['EUR']);
    await insights.choosePreset('thisMonth');
    // The tyres were bought in January: this month holds only today's roof rack.
    expect(plain(await insights.waitForFigure('revenue', (text) => plain(text) === '€1,000'))).toBe('€1,000');
  });
});
