import { afterEach, describe, expect, it, vi } from 'vitest';
import { startPicker } from '../../../lib/teach/picker';

const PAGE = '<main><a id="link" href="#somewhere">Call</a><span id="phone">+44 20 7946 0958</span></main>';
const TEXT = { hint: 'Click a value', cancel: 'Done', whatIsThis: 'What is', saved: 'Saved', failed: (error: string) => `Not saved: ${error}` };

function setUp(onPick = vi.fn(() => Promise.resolve()), preset?: { field: 'phones' | 'emails'; hint: string }) {
  document.body.innerHTML = PAGE;
  const onEnd = vi.fn();
  const picker = startPicker({
    doc: document,
    fields: [
      { id: 'phones', label: 'Phone' },
      { id: 'emails', label: 'Email' },
    ],
    text: TEXT,
    describe: (element) => ({ selector: `#${element.id}` }),
    onPick,
    onEnd,
    ...(preset ? { preset } : {}),
  });
  return { picker, onPick, onEnd, host: document.querySelector('touchbook-picker')! };
}

afterEach(() => {
  document.querySelector('touchbook-picker')?.dispatchEvent(new Event('touchbook-picker-stop'));
});

describe('field picker', () => {
  it('lives in its own element with a closed shadow root and adds nothing else to the page', () => {
    const { host } = setUp();
    expect(host.parentElement).toBe(document.documentElement);
    expect(host.shadowRoot).toBeNull(); // closed: the page cannot reach into it
    expect(document.body.innerHTML).toBe(PAGE);
    expect(document.head.querySelectorAll('style')).toHaveLength(0);
  });

  it('keeps the teaching click from reaching the page', () => {
    setUp();
    const pageHandler = vi.fn();
    document.getElementById('link')!.addEventListener('click', pageHandler);
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
    document.getElementById('link')!.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    expect(pageHandler).not.toHaveBeenCalled();
  });

  it('ends on Escape, removing itself and its listeners', () => {
    const { onEnd } = setUp();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    expect(document.querySelector('touchbook-picker')).toBeNull();
    expect(onEnd).toHaveBeenCalledTimes(1);
    const afterwards = new MouseEvent('click', { bubbles: true, cancelable: true });
    document.getElementById('link')!.dispatchEvent(afterwards);
    expect(afterwards.defaultPrevented).toBe(false);
  });

  it('a second start replaces the first picker, listeners and all, instead of stacking two', () => {
    const first = setUp();
    setUp();
    expect(document.querySelectorAll('touchbook-picker')).toHaveLength(1);
    expect(first.onEnd).toHaveBeenCalledTimes(1);
  });

  it('asks what the clicked value is and reports the field with where to find it again', async () => {
    const { picker, onPick } = setUp();
    document.getElementById('phone')!.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    const buttons = [...picker.root.querySelectorAll<HTMLButtonElement>('.menu button')];
    expect(buttons.map((button) => button.textContent)).toEqual(['Phone', 'Email']);
    expect(picker.root.querySelector('.menu p')?.textContent).toContain('+44 20 7946 0958');
    buttons[0]!.click();
    await vi.waitFor(() => expect(onPick).toHaveBeenCalledTimes(1));
    expect(onPick).toHaveBeenCalledWith({ field: 'phones', selector: '#phone', sample: '+44 20 7946 0958' });
    await vi.waitFor(() => expect(picker.root.querySelector('.bar span')?.textContent).toBe('Saved'));
  });

  it('says when saving failed and keeps the question open to try again', async () => {
    const onPick = vi.fn<() => Promise<void>>().mockRejectedValueOnce(new Error('Extension context invalidated.')).mockResolvedValueOnce(undefined);
    const { picker } = setUp(onPick);
    document.getElementById('phone')!.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    const phone = () => picker.root.querySelector<HTMLButtonElement>('.menu button')!;
    phone().click();
    const hint = () => picker.root.querySelector('.bar span')!;
    await vi.waitFor(() => expect(hint().textContent).toBe('Not saved: Extension context invalidated.'));
    expect(hint().getAttribute('role')).toBe('status');
    expect(picker.root.querySelector<HTMLElement>('.menu')!.style.display).toBe('block');

    phone().click();
    await vi.waitFor(() => expect(hint().textContent).toBe('Saved'));
    expect(onPick).toHaveBeenCalledTimes(2);
  });

  it('asked for one field ("Teach the phone"), saves the first click as that field without the menu, then asks as usual', async () => {
    const { picker, onPick } = setUp(undefined, { field: 'phones', hint: 'Phone: click it on the page.' });
    const hint = () => picker.root.querySelector('.bar span')!.textContent;
    expect(hint()).toBe('Phone: click it on the page.');
    document.getElementById('phone')!.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    await vi.waitFor(() => expect(onPick).toHaveBeenCalledWith({ field: 'phones', selector: '#phone', sample: '+44 20 7946 0958' }));
    expect(picker.root.querySelector<HTMLElement>('.menu')!.style.display).not.toBe('block');
    await vi.waitFor(() => expect(hint()).toBe('Saved'));
    document.getElementById('link')!.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    expect(picker.root.querySelector<HTMLElement>('.menu')!.style.display).toBe('block');
  });

  it('asked for one field, keeps asking for it when saving failed', async () => {
    const onPick = vi.fn<() => Promise<void>>().mockRejectedValueOnce(new Error('worker restarting')).mockResolvedValue(undefined);
    const { picker } = setUp(onPick, { field: 'emails', hint: 'Email: click it.' });
    const phone = document.getElementById('phone')!;
    phone.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    await vi.waitFor(() => expect(picker.root.querySelector('.bar span')!.textContent).toBe('Not saved: worker restarting'));
    phone.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    await vi.waitFor(() => expect(onPick).toHaveBeenCalledTimes(2));
    expect(onPick).toHaveBeenLastCalledWith(expect.objectContaining({ field: 'emails' }));
  });
});
