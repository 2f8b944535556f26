import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { BADGE_COLOR, badgeText, showDueCount } from '../../../lib/reminders/badge';

describe('badge text', () => {
  it.each([
    [0, ''],
    [-3, ''],
    [Number.NaN, ''],
    [1, '1'],
    [42, '42'],
    [99, '99'],
    [100, '99+'],
    [12_345, '99+'],
  ])('%s due -> "%s"', (count, text) => expect(badgeText(count)).toBe(text));
});

describe('showing the count', () => {
  beforeEach(() => fakeBrowser.reset());

  it('sets the text and colour, and clears the badge at zero', async () => {
    await showDueCount(fakeBrowser.action, 7);
    await expect(fakeBrowser.action.getBadgeText({})).resolves.toBe('7');
    await expect(fakeBrowser.action.getBadgeBackgroundColor({})).resolves.toEqual(expect.anything());
    await showDueCount(fakeBrowser.action, 0);
    await expect(fakeBrowser.action.getBadgeText({})).resolves.toBe('');
    expect(BADGE_COLOR).toMatch(/^#[0-9a-f]{6}$/);
  });
});
