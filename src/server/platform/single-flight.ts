/**
 * Calls that would compute the same answer at the same moment share one computation: while the first is running,
 * a caller with the same key gets its promise instead of starting another. Nothing is kept once it settles (this is
 * not a cache: the next call after it computes afresh), so an answer is never older than the computation that was
 * already running when its caller asked. Used for the period report: sixteen province officers opening the same
 * month at 8:00 cost one report, not sixteen in a row (docs/PERFORMANCE.md).
 *
 * Keys are kept per owner object (a database handle), so work on one database or transaction is never shared with
 * another's.
 */
export function singleFlight<Owner extends object, T>(): (
  owner: Owner,
  key: string,
  run: () => Promise<T>,
) => Promise<T> {
  const flights = new WeakMap<Owner, Map<string, Promise<T>>>();
  return (owner, key, run) => {
    let running = flights.get(owner);
    if (!running) flights.set(owner, (running = new Map()));
    const existing = running.get(key);
    if (existing) return existing;
    const flight = run().finally(() => running.delete(key));
    running.set(key, flight);
    return flight;
  };
}
