import { afterEach, describe, expect, it, vi } from 'vitest';
import { showToast } from '../../../lib/teach/toast';
import { captureShadowRoots } from './shadow';

afterEach(() => {
  vi.useRealTimers();
  for (const host of document.querySelectorAll('touchbook-toast')) host.remove();
});

describe('showToast', () => {
  it('shows the text in a closed shadow root on its own element, as a status message', () => {
    const roots = captureShadowRoots();
    document.body.innerHTML = '<main>CRM</main>';
    showToast(document, 'Touchbook will read this as: Phone');

    const host = document.querySelector('touchbook-toast')!;
    expect(host.parentElement).toBe(document.documentElement);
    expect(host.shadowRoot).toBeNull();
    expect(document.body.innerHTML).toBe('<main>CRM</main>');
    const box = roots()[0]!.querySelector('[role="status"]')!;
    expect(box.textContent).toBe('Touchbook will read this as: Phone');
  });

  it('shows markup as text', () => {
    const roots = captureShadowRoots();
    showToast(document, '<img src=x onerror=alert(1)><script>alert(2)</script>');
    const root = roots()[0]!;
    expect(root.querySelector('img, script')).toBeNull();
    expect(root.querySelector('[role="status"]')!.textContent).toBe('<img src=x onerror=alert(1)><script>alert(2)</script>');
  });

  it('goes away by itself', () => {
    vi.useFakeTimers();
    showToast(document, 'Saved', 1_000);
    vi.advanceTimersByTime(999);
    expect(document.querySelector('touchbook-toast')).not.toBeNull();
    vi.advanceTimersByTime(1);
    expect(document.querySelector('touchbook-toast')).toBeNull();
  });
});
