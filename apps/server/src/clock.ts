/** Time and timers come from here, so tests drive deadlines without waiting on the wall clock. */
export interface Clock {
  now(): number;
  setTimer(ms: number, fn: () => void): { cancel(): void };
}

// setTimeout fires at once for delays beyond 2^31-1 ms: wait in steps and check again.
const MAX_DELAY = 2 ** 31 - 1;

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(ms, fn) {
    let handle: NodeJS.Timeout;
    const due = Date.now() + ms;
    const arm = () => {
      const left = due - Date.now();
      handle = setTimeout(left > MAX_DELAY ? arm : fn, Math.max(0, Math.min(left, MAX_DELAY)));
      handle.unref();
    };
    arm();
    return { cancel: () => clearTimeout(handle) };
  },
};
