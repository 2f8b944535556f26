import { describe, expect, it, vi } from 'vitest';
import { openSidePanel } from '../../../lib/ui/side-panel';

describe('openSidePanel', () => {
  it("opens Chrome's side panel for the popup's window", async () => {
    const sidePanel = { open: vi.fn(() => Promise.resolve()) };
    await openSidePanel({ sidePanel }, 3);
    expect(sidePanel.open).toHaveBeenCalledWith({ windowId: 3 });
  });

  it("opens Firefox's sidebar, which needs no window", async () => {
    const sidebarAction = { open: vi.fn(() => Promise.resolve()) };
    await openSidePanel({ sidebarAction }, undefined);
    expect(sidebarAction.open).toHaveBeenCalledTimes(1);
  });

  it('calls the browser synchronously, while the click still counts as a user gesture', () => {
    const sidePanel = { open: vi.fn(() => new Promise<void>(() => undefined)) };
    void openSidePanel({ sidePanel }, 3);
    expect(sidePanel.open).toHaveBeenCalledTimes(1);
  });

  it('fails clearly without a side panel API, or without a window for Chrome', async () => {
    await expect(openSidePanel({}, 3)).rejects.toThrow('this browser has no side panel');
    const sidePanel = { open: vi.fn(() => Promise.resolve()) };
    await expect(openSidePanel({ sidePanel }, undefined)).rejects.toThrow('this browser has no side panel');
    expect(sidePanel.open).not.toHaveBeenCalled();
  });

  it('passes on a refusal from the browser', async () => {
    const sidePanel = { open: () => Promise.reject(new Error('`sidePanel.open()` may only be called in response to a user gesture.')) };
    await expect(openSidePanel({ sidePanel }, 3)).rejects.toThrow(/user gesture/);
  });
});
