import { describe, expect, it } from 'vitest';
import { ClientCard } from '../../../components/ClientCard';
import { createTranslator } from '../../../lib/i18n';
import { makeClient, t } from '../factories';
import { byTestId, mount } from './render';

const labels = (container: HTMLElement) => [...container.querySelectorAll('dt')].map((dt) => dt.textContent);

describe('ClientCard', () => {
  it("shows the client's name, contacts and the fields the page had", () => {
    const container = mount(<ClientCard client={makeClient()} t={t} />);
    expect(byTestId(container, 'client-name').textContent).toBe('Anna Petrova');
    const phone = byTestId(container, 'client-phone').querySelector('a')!;
    expect(phone.textContent).toBe('+1 415 555 0100');
    expect(phone.getAttribute('href')).toBe('tel:+14155550100');
    const email = byTestId(container, 'client-email').querySelector('a')!;
    expect(email.getAttribute('href')).toBe('mailto:anna@acme.example');
    expect(labels(container)).toEqual(['Phone', 'Email', 'Company', 'Job title', 'Stage', 'Owner', 'Tags']);
    expect([...container.querySelectorAll('.tb-tag')].map((tag) => tag.textContent)).toEqual(['vip']);
  });

  it('dials the raw number when it has no E.164 form', () => {
    const client = makeClient({ phones: [{ raw: '8 (800) 555-35-35', e164: null }] });
    const container = mount(<ClientCard client={client} t={t} />);
    expect(byTestId(container, 'client-phone').querySelector('a')!.getAttribute('href')).toBe('tel:8 (800) 555-35-35');
  });

  it('leaves out what the page did not show', () => {
    const client = makeClient({ company: null, jobTitle: null, stage: null, owner: null, tags: [], phones: [], emails: [] });
    const container = mount(<ClientCard client={client} t={t} />);
    expect(labels(container)).toEqual([]);
    expect(container.querySelector('[data-testid="client-phone"]')).toBeNull();
  });

  it('labels fields in the UI language', () => {
    const container = mount(<ClientCard client={makeClient({ phones: [], emails: [] })} t={createTranslator('ru')} />);
    expect(labels(container)[0]).toBe('Компания');
  });

  it('renders page text as text: markup in client data creates no elements', () => {
    const client = makeClient({
      name: '<img src=x onerror="window.__pwned = true">',
      company: '<script>window.__pwned = true</script>',
      stage: '<b onmouseover=alert(1)>Won</b>',
      owner: '<iframe src="javascript:alert(1)"></iframe>',
      tags: ['<svg onload=alert(1)>'],
      emails: ['"><img src=x onerror=alert(1)>@evil.example'],
      phones: [{ raw: 'javascript:alert(1)', e164: null }],
    });
    const container = mount(<ClientCard client={client} t={t} />);
    expect(container.querySelector('img, script, b, iframe, svg')).toBeNull();
    expect(byTestId(container, 'client-name').textContent).toBe('<img src=x onerror="window.__pwned = true">');
    expect(container.textContent).toContain('<script>window.__pwned = true</script>');
    expect(container.textContent).toContain('<svg onload=alert(1)>');
    // Links keep their scheme whatever the page says.
    for (const link of container.querySelectorAll('a')) expect(link.getAttribute('href')).toMatch(/^(tel|mailto):/);
    expect((window as { __pwned?: boolean }).__pwned).toBeUndefined();
  });
});
