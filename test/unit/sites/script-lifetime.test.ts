import { describe, expect, it } from 'vitest';
import { startScriptLifetime } from '../../../lib/sites/script-lifetime';

describe('startScriptLifetime', () => {
  it('stops the copy that was running when a newer copy starts, and only that one', () => {
    const older = startScriptLifetime(document, 'ext-id', 'crm');
    expect(older.aborted).toBe(false);
    const newer = startScriptLifetime(document, 'ext-id', 'crm');
    expect(older.aborted).toBe(true);
    expect(newer.aborted).toBe(false);
    expect(String(older.reason)).toContain('newer crm script');

    const newest = startScriptLifetime(document, 'ext-id', 'crm');
    expect(newer.aborted).toBe(true);
    expect(newest.aborted).toBe(false);
  });

  it('leaves alone the copies of another script or another extension', () => {
    const crm = startScriptLifetime(document, 'ext-a', 'crm');
    startScriptLifetime(document, 'ext-a', 'picker');
    startScriptLifetime(document, 'ext-b', 'crm');
    expect(crm.aborted).toBe(false);
  });

  it('is per document: a frame has its own copy', () => {
    const top = startScriptLifetime(document, 'ext-frames', 'crm');
    const frame = document.implementation.createHTMLDocument('frame');
    const inFrame = startScriptLifetime(frame, 'ext-frames', 'crm');
    expect(top.aborted).toBe(false);
    expect(inFrame.aborted).toBe(false);
  });
});
