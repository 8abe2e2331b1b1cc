/**
 * Time for the poller: real timers in the app, a virtual clock in soak tests (a simulated day of
 * polling in seconds, with the emulator's rate limiter on the same clock).
 */
export interface Clock {
  now(): number;
  setTimer(callback: () => void, delayMs: number): unknown;
  clearTimer(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer: (callback, delayMs) => {
    const handle = setTimeout(callback, delayMs);
    // A pending refresh must never keep a process alive on its own (tests, hub shutdown).
    handle.unref();
    return handle;
  },
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
