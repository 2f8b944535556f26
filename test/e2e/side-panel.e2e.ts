import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionSession } from '../../scripts/lib/browser-session.mjs';
import { CrmPage, ExtensionProbe, OptionsPage, SidePanelPage, waitFor } from '../../scripts/lib/pages.mjs';
import { enBook } from '../../lib/book/defaults/en';
import { startDemoServer } from '../../scripts/serve-demo.mjs';
import { browsersUnderTest } from './browsers-under-test';

interface DemoClient {
  id: string;
  name: string;
}
const demoClients = JSON.parse(readFileSync('demo/clients.json', 'utf8')) as DemoClient[];
const client = (id: string) => demoClients.find((candidate) => candidate.id === id)!;
const axeSource = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

describe.each(browsersUnderTest())('side panel in %s', (browserName) => {
  let demo: Awaited<ReturnType<typeof startDemoServer>>;
  let session: ExtensionSession;
  let crm: CrmPage;
  let panel: SidePanelPage;
  const olivia = client('c-101');

  beforeAll(async () => {
    demo = await startDemoServer();
    session = await launchWithExtension(browserName);
    const options = new OptionsPage(await session.openExtensionPage('options.html'));
    await options.enableSite(demo.url);
    crm = new CrmPage(await session.browser.newPage());
    await crm.openClient(demo.url, olivia.id);
    await crm.waitForFieldValue('Next contact'); // the card has finished loading
    panel = new SidePanelPage(await session.openExtensionPage('sidepanel.html'));
    await panel.waitForClient(olivia.name);
    await panel.waitForReadField('nextContact'); // and Touchbook has read all of it
  });
  afterAll(async () => {
    await session?.close();
    await demo?.close();
  });

  it('has no serious or critical accessibility violations while showing a client', async () => {
    await panel.page.bringToFront();
    await panel.waitForNextTouch();
    await panel.whatWasRead(); // the details open too
    const found = [];
    for (const tab of ['next', 'offers', 'questions', 'objections', 'book'] as const) {
      await panel.openTab(tab);
      if (tab === 'objections') await panel.searchObjections('too expensive');
      const violations = await panel.accessibilityViolations(axeSource);
      found.push(...violations.map((violation) => ({ tab, ...violation })));
    }
    const severe = found.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
    if (severe.length > 0) console.error(`axe (${browserName}):\n${JSON.stringify(severe, null, 2)}`);
    expect(severe).toEqual([]);
    await panel.openTab('next');
  });

  it("shows the client's next touch with their name in the script, and the one after once it is done", async () => {
    await panel.page.bringToFront();
    const first = await panel.waitForNextTouch();
    expect(first!.script).toContain(olivia.name.split(' ')[0]);

    await panel.markNextTouchDone('reached');
    const next = await panel.waitForNextTouch((touch) => touch.id !== first!.id, { allowNone: true });
    expect(next?.id ?? null).not.toBe(first!.id);
  });

  it("answers an objection said in the client's own words, and copies the answer", async () => {
    await panel.page.bringToFront();
    await panel.openTab('objections');
    const results = await panel.searchObjections("that's way too pricey for us");
    const price = results.find((result) => result.id === 'price-too-expensive');
    expect(price, `results: ${JSON.stringify(results.map((result) => result.id))}`).toBeDefined();
    expect(price!.responses.length).toBeGreaterThan(0);

    expect(await panel.copyObjectionResponse('price-too-expensive', 0)).toBe('Copied');
    if (browserName === 'chromium') {
      // Chromium grants no permission to an extension origin here; the CRM page reads the clipboard.
      await session.browser.defaultBrowserContext().overridePermissions(demo.url, ['clipboard-read']);
      await crm.page.bringToFront();
      expect(await crm.page.evaluate(() => navigator.clipboard.readText())).toBe(price!.responses[0]);
    }
  });

  it('offers five steps when the manager does not know the answer', async () => {
    await panel.page.bringToFront();
    await panel.openTab('objections');
    const steps = await panel.dontKnowSteps();
    expect(steps).toHaveLength(5);
    expect(steps.every((title) => title.trim().length > 0)).toBe(true);
  });

  it('keeps questionnaire answers across a reload of the panel', async () => {
    // The default book's negotiation questionnaire asks only for words and choices; a team lead
    // adds a 1-5 rating to it (the one from the feedback questionnaire) and the team imports it.
    const book = structuredClone(enBook);
    const rating = book.questionnaires.find((questionnaire) => questionnaire.id === 'feedback')!.questions.find((question) => question.answer.type === 'rating')!;
    book.questionnaires.find((questionnaire) => questionnaire.id === 'negotiation')!.questions.push(rating);
    const imported = (await new ExtensionProbe(panel.page).send({ type: 'ui/book.import', text: JSON.stringify(book) })) as { ok: boolean };
    expect(imported.ok).toBe(true);

    await panel.page.bringToFront();
    await panel.openTab('questions');
    await waitFor(async () => (await panel.questions()).some((question) => question.id === rating.id), { what: 'the rating question' });
    const questions = await panel.questions();
    const text = questions.find((question) => question.kind === 'text')!;
    expect(questions.find((question) => question.id === rating.id)?.kind).toBe('rating');
    const total = questions.length;
    expect(await panel.questionnaireProgress()).toBe(`Answered 0 of ${total}`);

    await panel.answerText(text.id, 'Two vans for Q2, budget approved in March');
    await panel.answerRating(rating.id, 4);
    await panel.waitForQuestionnaireProgress(`Answered 2 of ${total}`);

    await panel.reload();
    await panel.waitForClient(olivia.name);
    await panel.openTab('questions');
    await panel.waitForQuestionnaireProgress(`Answered 2 of ${total}`);
    expect(await panel.answerOf(text.id)).toBe('Two vans for Q2, budget approved in March');
    expect(await panel.answerOf(rating.id)).toBe(4);

    // A rating is a labelled group of five choices.
    const violations = await panel.accessibilityViolations(axeSource);
    const severe = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
    if (severe.length > 0) console.error(`axe (${browserName}, questionnaire with a rating):\n${JSON.stringify(severe, null, 2)}`);
    expect(severe).toEqual([]);
  });

  it('follows the CRM tab that comes to the front with another client, and back to the first', async () => {
    // Ctrl+click on another client in the card's "Other clients": a background tab in the CRM's
    // window; the panel stays visible in a window of its own.
    const link = 'aside.related a.related-name';
    const otherName = await crm.page.$eval(link, (node) => node.textContent ?? '');
    expect(otherName).not.toBe(olivia.name);
    const second = await crm.openLinkInNewTab(link);
    await second.page.bringToFront();
    const other = client((await second.recordId())!);
    expect(other.name).toBe(otherName);
    await panel.waitForClient(other.name);

    // Back to the first tab: its page says nothing new, the switch itself brings its client back.
    await crm.page.bringToFront();
    await panel.waitForClient(olivia.name);
  });
});
