/**
 * The one source of time on the server. Routes, services, jobs, the CLI and the demo take their instants from a
 * Clock passed to them (the app's is `app.clock`), never from `Date.now()` or `new Date()`, so a test fixes the
 * time and no test depends on the day it runs.
 */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

/** The machine's clock: the only place the server reads the wall clock. */
export const systemClock: Clock = { now: () => Date.now() };

/** A clock tests set and move by hand. */
export interface ManualClock extends Clock {
  set(at: number | string): void;
  advance(ms: number): void;
}

export function manualClock(at: number | string): ManualClock {
  let t = toEpoch(at);
  return {
    now: () => t,
    set: (next) => {
      t = toEpoch(next);
    },
    advance: (ms) => {
      t += ms;
    },
  };
}

function toEpoch(at: number | string): number {
  const ms = typeof at === 'number' ? at : Date.parse(at);
  if (!Number.isFinite(ms)) throw new Error(`not an instant: ${String(at)}`);
  return ms;
}

/** Instants of actions are kept to the second: what officers see and what the law counts. */
export const toSecond = (ms: number): number => Math.floor(ms / 1000) * 1000;

/** The clock's instant to the second. */
export const nowToSecond = (clock: Clock): number => toSecond(clock.now());

const VN_OFFSET_MS = 7 * 3600 * 1000;
/** The date in Vietnam (Asia/Ho_Chi_Minh, UTC+7 all year) at an instant, as YYYY-MM-DD. */
export const todayInVietnam = (now: number): string =>
  new Date(now + VN_OFFSET_MS).toISOString().slice(0, 10);
