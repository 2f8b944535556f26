import { describe, expect, it } from 'vitest';
import { validateBook } from '../../../lib/book/validate';
import { bookMappingsFor, mergeMappings, originKeyMatches, toBookFieldMappings, withMapping } from '../../../lib/sites/mappings';
import { validBookInput } from '../book/factories';

describe('taught field mappings', () => {
  it('matches exact and wildcard origin keys, and nothing looser', () => {
    expect(originKeyMatches('https://crm.example.com', 'https://crm.example.com')).toBe(true);
    expect(originKeyMatches('https://*.example.com', 'https://eu.crm.example.com')).toBe(true);
    expect(originKeyMatches('https://*.example.com', 'https://example.com')).toBe(true);
    expect(originKeyMatches('https://*.example.com', 'http://crm.example.com')).toBe(false);
    expect(originKeyMatches('https://*.example.com', 'https://badexample.com')).toBe(false);
  });

  it('reads the team mappings for an origin from the book in the extractor vocabulary', () => {
    const validation = validateBook(
      validBookInput({
        fieldMappings: {
          'https://*.crm.example': [{ field: 'phone', selector: '[data-field="phone"]' }, { field: 'email', label: 'E-mail' }],
          'https://other.example': [{ field: 'name', selector: 'h2' }],
        },
      }),
    );
    if (!validation.ok) throw new Error(JSON.stringify(validation.errors));
    expect(bookMappingsFor(validation.book, 'https://acme.crm.example')).toEqual([
      { field: 'phones', selector: '[data-field="phone"]' },
      { field: 'emails', label: 'E-mail' },
    ]);
  });

  it('lets the manager override the team mapping of the same field', () => {
    const merged = mergeMappings(
      [{ field: 'phones', selector: '.team-phone' }, { field: 'company', label: 'Org' }],
      [{ field: 'phones', selector: '.my-phone' }],
    );
    expect(merged).toEqual([{ field: 'company', label: 'Org' }, { field: 'phones', selector: '.my-phone' }]);
  });

  it('teaches a field once per origin: a new mapping replaces the old one', () => {
    expect(withMapping([{ field: 'name', selector: 'h1' }], { field: 'name', selector: 'h2' })).toEqual([{ field: 'name', selector: 'h2' }]);
  });

  it('exports the sites a manager taught as a valid book fieldMappings block', () => {
    const exported = toBookFieldMappings([
      { origin: 'https://crm.example.com', mappings: [{ field: 'emails', selector: '#mail' }] },
      { origin: 'https://untaught.example.com' },
    ]);
    expect(exported).toEqual({ 'https://crm.example.com': [{ field: 'email', selector: '#mail' }] });
    expect(validateBook(validBookInput({ fieldMappings: exported })).ok).toBe(true);
  });
});
