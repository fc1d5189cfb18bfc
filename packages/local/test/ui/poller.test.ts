import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPoller, shouldPause } from '../../src/ui/lib/poller.ts';

describe('poller', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  describe('createPoller', () => {
    it('refreshes once per interval', async () => {
      const tick = vi.fn(() => Promise.resolve());
      const poller = createPoller({ intervalMs: 3000, tick, isPaused: () => false });
      await vi.advanceTimersByTimeAsync(2999);
      expect(tick).toHaveBeenCalledTimes(0);
      await vi.advanceTimersByTimeAsync(1);
      expect(tick).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(6000);
      expect(tick).toHaveBeenCalledTimes(3);
      poller.stop();
    });

    it('skips turns while paused and resumes after', async () => {
      let paused = true;
      const tick = vi.fn(() => Promise.resolve());
      const poller = createPoller({ intervalMs: 1000, tick, isPaused: () => paused });
      await vi.advanceTimersByTimeAsync(5000);
      expect(tick).not.toHaveBeenCalled();
      paused = false;
      await vi.advanceTimersByTimeAsync(1000);
      expect(tick).toHaveBeenCalledTimes(1);
      poller.stop();
    });

    it('never runs two refreshes at once, and runs again when asked during one', async () => {
      let release: () => void = () => undefined;
      let active = 0;
      let most = 0;
      const tick = vi.fn(async () => {
        active++;
        most = Math.max(most, active);
        await new Promise<void>((resolve) => (release = resolve));
        active--;
      });
      const poller = createPoller({ intervalMs: 1000, tick, isPaused: () => false });
      const first = poller.refreshNow();
      const second = poller.refreshNow();
      release();
      await vi.advanceTimersByTimeAsync(0);
      release();
      await Promise.all([first, second]);
      expect(tick).toHaveBeenCalledTimes(2);
      expect(most).toBe(1);
      poller.stop();
    });

    it('keeps polling after a failed refresh', async () => {
      const tick = vi.fn(() => Promise.reject(new Error('offline')));
      const poller = createPoller({ intervalMs: 1000, tick, isPaused: () => false });
      await vi.advanceTimersByTimeAsync(3000);
      expect(tick).toHaveBeenCalledTimes(3);
      poller.stop();
    });

    it('stops for good, and stopping twice is harmless', async () => {
      const tick = vi.fn(() => Promise.resolve());
      const poller = createPoller({ intervalMs: 1000, tick, isPaused: () => false });
      poller.stop();
      poller.stop();
      await vi.advanceTimersByTimeAsync(5000);
      expect(tick).not.toHaveBeenCalled();
      expect(vi.getTimerCount()).toBe(0);
    });
  });

  describe('shouldPause', () => {
    it('pauses while the filter text differs from the applied filter', () => {
      expect(shouldPause({ manual: false, draft: 'fault', applied: '' })).toBe(true);
      expect(shouldPause({ manual: false, draft: ' fault ', applied: 'fault' })).toBe(false);
    });
    it('pauses when the user paused', () => {
      expect(shouldPause({ manual: true, draft: '', applied: '' })).toBe(true);
      expect(shouldPause({ manual: false, draft: '', applied: '' })).toBe(false);
    });
  });
});
