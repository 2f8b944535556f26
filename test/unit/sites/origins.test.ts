import { describe, expect, it } from 'vitest';
import { matchPatternFor, normaliseOriginInput, webOrigin } from '../../../lib/sites/origins';

describe('webOrigin', () => {
  it.each([
    ['https://crm.example.com/app/#/contacts/1?x=1', 'https://crm.example.com'],
    ['http://localhost:3000/', 'http://localhost:3000'],
    ['https://CRM.Example.com:443/', 'https://crm.example.com'],
  ])('%s -> %s', (url, origin) => {
    expect(webOrigin(url)).toBe(origin);
  });

  it.each([undefined, null, '', 'not a url', 'chrome://extensions', 'about:blank', 'file:///tmp/x.html', 'chrome-extension://abc/x.html', 'data:text/html,hi'])(
    'has no web origin for %s',
    (url) => {
      expect(webOrigin(url)).toBeNull();
    },
  );
});

describe('normaliseOriginInput', () => {
  it.each([
    ['crm.example.com', 'https://crm.example.com'],
    ['  crm.example.com  ', 'https://crm.example.com'],
    ['https://crm.example.com/app/#/contacts/1', 'https://crm.example.com'],
    ['http://intranet.local/crm', 'http://intranet.local'],
    ['crm.example.com:8443/path', 'https://crm.example.com:8443'],
    ['localhost:3000', 'https://localhost:3000'],
    ['HTTPS://Crm.Example.COM', 'https://crm.example.com'],
  ])('%j -> %s', (input, origin) => {
    expect(normaliseOriginInput(input)).toBe(origin);
  });

  it.each([
    '',
    '   ',
    'ftp://crm.example.com',
    'file:///etc/passwd',
    'chrome://settings',
    'javascript:alert(1)',
    'mailto:anna@crm.example.com',
    'data:text/html,<b>x</b>',
    'about:blank',
    'tel:+14155550100',
    'not a host name',
  ])('rejects %j', (input) => {
    expect(normaliseOriginInput(input)).toBeNull();
  });
});

describe('matchPatternFor', () => {
  it('covers the whole host of that scheme, without a path', () => {
    expect(matchPatternFor('https://crm.example.com')).toBe('https://crm.example.com/*');
    expect(matchPatternFor('http://intranet.local')).toBe('http://intranet.local/*');
  });

  it('drops the port, which Firefox match patterns cannot name', () => {
    expect(matchPatternFor('https://crm.example.com:8443')).toBe('https://crm.example.com/*');
    expect(matchPatternFor('http://localhost:3000')).toBe('http://localhost/*');
  });

  it('keeps IPv6 hosts bracketed', () => {
    expect(matchPatternFor('http://[::1]:8080')).toBe('http://[::1]/*');
  });
});
