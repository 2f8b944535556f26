import { it, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadedPanel } from './client-deps';
import { makeClient, makeProduct, daysAgo } from '../suggest/factories';

beforeEach(() => fakeBrowser.reset());
it('explore', async () => {
  const { model } = await loadedPanel(makeClient({ tags: ['tuning', 'alloy wheels'], products: [makeProduct({ purchasedAt: daysAgo(200) })] }));
  console.log(model.plan.value?.open.map((t) => [t.id, t.state, new Date(t.dueAt).toISOString(), t.goal, t.script]));
  console.log(model.plan.value?.timeZone, model.plan.value?.history.length);
  console.log(model.crossSell.value.map((o) => [o.ruleId, o.title, o.benefit, o.options.map(x=>x.tier)]));
  console.log(model.questionnaire.value?.id, model.questionnaireProgress.value);
  (model.query as {value:string}).value = 'это слишком дорого';
  console.log(model.objectionResults.value.map((r) => [r.objection.id, r.score, r.matched]), model.confident.value);
  (model.query as {value:string}).value = 'дорого';
  console.log(model.objectionResults.value.map((r) => [r.objection.id, r.score, r.matched]), model.confident.value);
  (model.query as {value:string}).value = 'zebra quantum';
  console.log(model.objectionResults.value.map((r) => [r.objection.id, r.score, r.matched]), model.confident.value);
  (model.query as {value:string}).value = '';
  console.log(model.objectionResults.value.length, model.dontKnow.value?.steps.length, model.risk.value);
});
