// The one clock. Server code asks `clock.now()`; tests inject a clock they can move,
// and the job runner builds one from `--at`.
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };

export type MovableClock = Clock & { set(at: Date): void; advanceDays(days: number): void };

export function fixedClock(at: Date | string): MovableClock {
  let current = new Date(at);
  return {
    now: () => new Date(current),
    set: (next) => {
      current = new Date(next);
    },
    advanceDays: (days) => {
      current = new Date(current.getTime() + days * 86_400_000);
    },
  };
}
