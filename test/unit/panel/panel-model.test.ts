import { describe, expect, it } from 'vitest';
import type { PanelFocus } from '../../../lib/messages';
import { createPanelModel } from '../../../lib/panel/panel-model';
import { CRM_ORIGIN, deferred, makeClient, tick } from '../factories';

const clientFocus = (name: string): PanelFocus => ({ state: 'client', tabId: 7, origin: CRM_ORIGIN, client: makeClient({ name }) });

describe('panel model', () => {
  it('starts loading, then shows the focus of the tab it follows', async () => {
    const asked: Array<number | null> = [];
    const model = createPanelModel({
      resolveTabId: () => Promise.resolve(7),
      fetchFocus: (tabId) => {
        asked.push(tabId);
        return Promise.resolve(clientFocus('Anna'));
      },
    });
    expect(model.view.value).toEqual({ kind: 'loading' });
    await model.refresh();
    expect(asked).toEqual([7]);
    expect(model.view.value).toMatchObject({ kind: 'focus', state: 'client', client: { name: 'Anna' } });
  });

  it('passes null through when the panel follows no tab', async () => {
    const model = createPanelModel({
      resolveTabId: () => Promise.resolve(null),
      fetchFocus: (tabId) => Promise.resolve({ state: 'no-client', tabId, origin: null, siteEnabled: null }),
    });
    await model.refresh();
    expect(model.view.value).toEqual({ kind: 'focus', state: 'no-client', tabId: null, origin: null, siteEnabled: null });
  });

  it('a stale refresh that finishes last does not overwrite a newer one', async () => {
    const replies = [deferred<PanelFocus>(), deferred<PanelFocus>()];
    let call = 0;
    const model = createPanelModel({ resolveTabId: () => Promise.resolve(7), fetchFocus: () => replies[call++]!.promise });
    const older = model.refresh();
    const newer = model.refresh();
    await tick(); // both are now waiting on fetchFocus
    replies[1]!.resolve(clientFocus('Newer'));
    await newer;
    replies[0]!.resolve(clientFocus('Older'));
    await older;
    expect(model.view.value).toMatchObject({ client: { name: 'Newer' } });
  });

  it('a stale failure does not replace a newer result', async () => {
    const replies = [deferred<PanelFocus>(), deferred<PanelFocus>()];
    let call = 0;
    const model = createPanelModel({ resolveTabId: () => Promise.resolve(7), fetchFocus: () => replies[call++]!.promise });
    const older = model.refresh();
    const newer = model.refresh();
    await tick();
    replies[1]!.resolve(clientFocus('Newer'));
    await newer;
    replies[0]!.reject(new Error('worker restarted'));
    await older;
    expect(model.view.value).toMatchObject({ kind: 'focus', client: { name: 'Newer' } });
  });

  it('shows an error when the background fails, and recovers on the next refresh', async () => {
    let fail = true;
    const model = createPanelModel({
      resolveTabId: () => Promise.resolve(7),
      fetchFocus: () => (fail ? Promise.reject(new Error('no reply from the background')) : Promise.resolve(clientFocus('Anna'))),
    });
    await model.refresh();
    expect(model.view.value).toEqual({ kind: 'error', message: 'no reply from the background' });
    fail = false;
    await model.refresh();
    expect(model.view.value).toMatchObject({ kind: 'focus', state: 'client' });
  });

  it('shows an error when the tab cannot be resolved', async () => {
    const model = createPanelModel({
      resolveTabId: () => Promise.reject(new Error('tabs.query failed')),
      fetchFocus: () => Promise.resolve(clientFocus('Anna')),
    });
    await model.refresh();
    expect(model.view.value).toEqual({ kind: 'error', message: 'tabs.query failed' });
  });

  it('calls a page that stays "reading" past the patience stalled, and forgets it once the page reports', async () => {
    const reading: PanelFocus = { state: 'reading', tabId: 7, origin: CRM_ORIGIN };
    let next: PanelFocus = reading;
    const model = createPanelModel({ resolveTabId: () => Promise.resolve(7), fetchFocus: () => Promise.resolve(next), patienceMs: 30 });
    await model.refresh();
    expect(model.view.value).toEqual({ kind: 'focus', ...reading });
    await model.refresh(); // a refresh while still reading does not restart the wait
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(model.view.value).toEqual({ kind: 'focus', ...reading, stalled: true });
    await model.refresh();
    expect(model.view.value).toMatchObject({ stalled: true });

    next = clientFocus('Anna');
    await model.refresh();
    expect(model.view.value).not.toHaveProperty('stalled');
    next = reading; // the tab navigates again: a new wait
    await model.refresh();
    expect(model.view.value).toEqual({ kind: 'focus', ...reading });
  });
});
