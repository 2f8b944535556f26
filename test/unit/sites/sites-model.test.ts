import { describe, expect, it } from 'vitest';
import { createSitesModel } from '../../../lib/sites/sites-model';
import { CRM_ORIGIN, deferred, makeSite, makeSitesDeps } from '../factories';

describe('sites model', () => {
  it('loads the enabled sites into its signal', async () => {
    const { deps } = makeSitesDeps({ sites: [makeSite()] });
    const model = createSitesModel(deps);
    expect(model.sites.value).toEqual([]);
    await model.load();
    expect(model.sites.value).toEqual([makeSite()]);
  });

  it('reports input that is not a web address without asking for anything', async () => {
    const { deps, calls } = makeSitesDeps();
    const model = createSitesModel(deps);
    await expect(model.enable('ftp://crm.example.com')).resolves.toBe(false);
    expect(model.problem.value).toEqual({ key: 'optionsInvalidOrigin' });
    expect(calls).toEqual([]);
  });

  it('asks for access synchronously, inside the click, with the normalised origin', () => {
    const { deps, calls } = makeSitesDeps();
    const model = createSitesModel(deps);
    void model.enable('  crm.example.com/contacts ');
    expect(calls).toEqual([`requestAccess ${CRM_ORIGIN}`]);
  });

  it('enables the site and reloads the list', async () => {
    const { deps, calls } = makeSitesDeps();
    const model = createSitesModel(deps);
    await expect(model.enable('crm.example.com')).resolves.toBe(true);
    expect(calls).toEqual([`requestAccess ${CRM_ORIGIN}`, `enable ${CRM_ORIGIN}`, 'list']);
    expect(model.sites.value.map((site) => site.origin)).toEqual([CRM_ORIGIN]);
    expect(model.problem.value).toBeNull();
    expect(model.busy.value).toBe(false);
  });

  it('reports a denied permission, naming the origin, and enables nothing', async () => {
    const { deps, calls } = makeSitesDeps({ requestAccess: () => Promise.resolve(false) });
    const model = createSitesModel(deps);
    await expect(model.enable(CRM_ORIGIN)).resolves.toBe(false);
    expect(model.problem.value).toEqual({ key: 'optionsPermissionDenied', params: { origin: CRM_ORIGIN } });
    expect(calls).toEqual([]);
  });

  it('is busy while enabling, and clears an earlier problem when it starts', async () => {
    const granted = deferred<boolean>();
    const { deps } = makeSitesDeps({ requestAccess: () => granted.promise });
    const model = createSitesModel(deps);
    await model.enable('ftp://x');
    expect(model.problem.value).not.toBeNull();
    const pending = model.enable(CRM_ORIGIN);
    expect(model.busy.value).toBe(true);
    expect(model.problem.value).toBeNull();
    granted.resolve(true);
    await pending;
    expect(model.busy.value).toBe(false);
  });

  it('shows a background failure as text and stays usable', async () => {
    const { deps } = makeSitesDeps({ enable: () => Promise.reject(new Error(`no permission for ${CRM_ORIGIN}`)) });
    const model = createSitesModel(deps);
    await expect(model.enable(CRM_ORIGIN)).resolves.toBe(false);
    expect(model.problem.value).toEqual({ text: `no permission for ${CRM_ORIGIN}` });
    expect(model.busy.value).toBe(false);
  });

  it('treats a rejected permission request as a failure, not a crash', async () => {
    const { deps } = makeSitesDeps({ requestAccess: () => Promise.reject(new Error('prompt closed')) });
    const model = createSitesModel(deps);
    await expect(model.enable(CRM_ORIGIN)).resolves.toBe(false);
    expect(model.problem.value).toEqual({ text: 'prompt closed' });
  });

  it('disables a site and reloads the list', async () => {
    const { deps, calls } = makeSitesDeps({ sites: [makeSite(), makeSite({ origin: 'https://b.example' })] });
    const model = createSitesModel(deps);
    await model.load();
    await model.disable(CRM_ORIGIN);
    expect(calls).toEqual(['list', `disable ${CRM_ORIGIN}`, 'list']);
    expect(model.sites.value.map((site) => site.origin)).toEqual(['https://b.example']);
  });

  it('reports a failed disable and keeps the list as it was', async () => {
    const { deps } = makeSitesDeps({ sites: [makeSite()], disable: () => Promise.reject(new Error('worker gone')) });
    const model = createSitesModel(deps);
    await model.load();
    await model.disable(CRM_ORIGIN);
    expect(model.problem.value).toEqual({ text: 'worker gone' });
    expect(model.sites.value).toHaveLength(1);
  });

  it('shows a list that cannot be read as a problem instead of failing the page', async () => {
    const { deps } = makeSitesDeps({ list: () => Promise.reject(new Error('database closed')) });
    const model = createSitesModel(deps);
    await model.load();
    expect(model.problem.value).toEqual({ text: 'database closed' });
    expect(model.sites.value).toEqual([]);
  });
});
