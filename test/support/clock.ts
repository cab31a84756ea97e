import { manualClock, type ManualClock } from '../../src/server/platform/clock.ts';

/**
 * The instant every test app and service call is at unless a test moves its clock: a working Tuesday morning in
 * Vietnam. Tests never read the wall clock; expected dues are computed from the calendar at this instant.
 */
export const TEST_NOW = Date.parse('2026-12-08T09:00:00+07:00');
/** TEST_NOW's date in Vietnam. */
export const TEST_TODAY = '2026-12-08';

/** A clock at TEST_NOW that a test may set or advance. */
export const testClock = (): ManualClock => manualClock(TEST_NOW);
