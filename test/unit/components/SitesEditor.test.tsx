import { describe, expect, it } from 'vitest';
import { SitesEditor } from '../../../components/SitesEditor';
import { createSitesModel } from '../../../lib/sites/sites-model';
import { CRM_ORIGIN, deferred, makeSite, makeSitesDeps, t, tick } from '../factories';
import { buttonByText, byTestId, mount, submit, typeInto } from './render';

async function mountEditor(options: Parameters<typeof makeSitesDeps>[0] = {}) {
  const backend = makeSitesDeps(options);
  const model = createSitesModel(backend.deps);
  await model.load();
  const container = mount(<SitesEditor model={model} t={t} />);
  const input = container.querySelector<HTMLInputElement>('#site-origin')!;
  const form = container.querySelector('form')!;
  const origins = () => [...container.querySelectorAll('[data-testid="site-origin"]')].map((el) => el.textContent);
  return { backend, model, container, input, form, origins };
}

describe('SitesEditor', () => {
  it('says when no site is enabled yet, with a labelled address field', async () => {
    const { container, input } = await mountEditor();
    expect(container.textContent).toContain('No sites enabled yet.');
    expect(container.querySelector('label[for="site-origin"]')?.textContent).toBe('CRM address');
    expect(input.placeholder).toBe('https://yourcompany.crm.example');
  });

  it('lists the enabled sites', async () => {
    const { origins } = await mountEditor({ sites: [makeSite(), makeSite({ origin: 'https://b.example' })] });
    expect(origins()).toEqual([CRM_ORIGIN, 'https://b.example']);
  });

  it('enables what the user typed, asking for access within the submit event, then clears the field', async () => {
    const { backend, input, form, origins } = await mountEditor();
    typeInto(input, 'crm.example.com');
    submit(form);
    expect(backend.calls.at(-1)).toBe(`requestAccess ${CRM_ORIGIN}`); // synchronously, inside the gesture
    await tick();
    await tick();
    expect(origins()).toEqual([CRM_ORIGIN]);
    expect(input.value).toBe('');
  });

  it('shows a problem for an address that is not a web address, and keeps what was typed', async () => {
    const { container, input, form, backend } = await mountEditor();
    typeInto(input, 'ftp://files.example');
    submit(form);
    await tick();
    expect(container.querySelector('[role="alert"]')?.textContent).toBe('Enter a web address that starts with https:// or http://.');
    expect(input.value).toBe('ftp://files.example');
    expect(backend.calls).toEqual(['list']);
  });

  it('shows a denied permission with the origin', async () => {
    const { container, input, form } = await mountEditor({ requestAccess: () => Promise.resolve(false) });
    typeInto(input, CRM_ORIGIN);
    submit(form);
    await tick();
    expect(container.querySelector('[role="alert"]')?.textContent).toBe(`Permission was not granted for ${CRM_ORIGIN}.`);
  });

  it('disables the enable button while busy', async () => {
    const granted = deferred<boolean>();
    const { container, input, form } = await mountEditor({ requestAccess: () => granted.promise });
    typeInto(input, CRM_ORIGIN);
    submit(form);
    await tick();
    expect(byTestId(container, 'enable-site')).toHaveProperty('disabled', true);
    granted.resolve(true);
    await tick();
    await tick();
    expect(byTestId(container, 'enable-site')).toHaveProperty('disabled', false);
  });

  it('disables a site from its row', async () => {
    const { backend, container, origins } = await mountEditor({ sites: [makeSite(), makeSite({ origin: 'https://b.example' })] });
    const row = [...container.querySelectorAll('li')].find((li) => li.textContent?.includes(CRM_ORIGIN))!;
    buttonByText(row, 'Disable').click();
    await tick();
    await tick();
    expect(backend.calls).toContain(`disable ${CRM_ORIGIN}`);
    expect(origins()).toEqual(['https://b.example']);
  });

  it('shows a background error as text', async () => {
    const { container, input, form } = await mountEditor({ enable: () => Promise.reject(new Error('<b>no permission</b>')) });
    typeInto(input, CRM_ORIGIN);
    submit(form);
    await tick();
    await tick();
    const alert = container.querySelector('[role="alert"]')!;
    expect(alert.textContent).toBe('Something went wrong: <b>no permission</b>');
    expect(alert.querySelector('b')).toBeNull();
  });
});
