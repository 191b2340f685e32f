/**
 * The service clock. Domain code never reads the global time: it is handed `now` by whoever holds a Clock.
 * With BOT_NOW the clock starts at that instant and runs forward at real speed (demos, end-to-end tests);
 * processes of one deployment share it through the store (src/store/service-clock.ts).
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function clockStartingAt(start: Date, realNow: () => number = Date.now): Clock {
  return offsetClock(start.getTime() - realNow(), realNow);
}

/** A clock that runs at real speed, `offsetMs` ahead of (or behind) the real one. */
export function offsetClock(offsetMs: number, realNow: () => number = Date.now): MovableClock {
  let offset = offsetMs;
  return {
    now: () => new Date(realNow() + offset),
    offsetMs: () => offset,
    setOffset: (ms) => {
      offset = ms;
    },
  };
}

/**
 * A demo clock that can be moved (the console's `:time`): every process of the deployment follows the
 * offset recorded in the store (src/store/service-clock.ts), so the worker moves with the console.
 */
export interface MovableClock extends Clock {
  offsetMs(): number;
  setOffset(ms: number): void;
}

export function fixedClock(at: Date): Clock & { set(d: Date): void; advance(ms: number): void } {
  let current = at.getTime();
  return {
    now: () => new Date(current),
    set: (d) => {
      current = d.getTime();
    },
    advance: (ms) => {
      current += ms;
    },
  };
}
