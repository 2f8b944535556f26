import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { armWakeAlarm, isWakeAlarm, MAX_SLEEP_MS, MIN_ALARM_DELAY_MS, WAKE_ALARM, wakeTime } from '../../../lib/reminders/alarms';

const NOW = 1_750_000_000_000;

describe('when to wake', () => {
  it('wakes at the next due time', () => {
    expect(wakeTime(NOW + 3_600_000, NOW)).toBe(NOW + 3_600_000);
  });

  it('never asks for less than Chrome allows, even for a touch due now or already past', () => {
    expect(wakeTime(NOW + 1_000, NOW)).toBe(NOW + MIN_ALARM_DELAY_MS);
    expect(wakeTime(NOW - 60_000, NOW)).toBe(NOW + MIN_ALARM_DELAY_MS);
  });

  it('sleeps no longer than MAX_SLEEP_MS, also with nothing due', () => {
    expect(wakeTime(null, NOW)).toBe(NOW + MAX_SLEEP_MS);
    expect(wakeTime(NOW + 30 * 86_400_000, NOW)).toBe(NOW + MAX_SLEEP_MS);
  });
});

describe('the wake-up alarm', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps exactly one alarm, re-armed for the latest answer', async () => {
    await armWakeAlarm(fakeBrowser.alarms, NOW + 3_600_000, NOW);
    await armWakeAlarm(fakeBrowser.alarms, NOW + 600_000, NOW);
    const alarms = await fakeBrowser.alarms.getAll();
    expect(alarms).toEqual([expect.objectContaining({ name: WAKE_ALARM, scheduledTime: NOW + 600_000 })]);
  });

  it('is recognised when it fires', async () => {
    const fired: string[] = [];
    fakeBrowser.alarms.onAlarm.addListener((alarm) => {
      if (isWakeAlarm(alarm)) fired.push(alarm.name);
    });
    await armWakeAlarm(fakeBrowser.alarms, null, NOW);
    await fakeBrowser.alarms.onAlarm.trigger({ name: WAKE_ALARM, scheduledTime: NOW + MAX_SLEEP_MS });
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'something-else', scheduledTime: NOW });
    expect(fired).toEqual([WAKE_ALARM]);
  });
});
