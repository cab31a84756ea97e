/**
 * Slows password guessing without locking the right people out (docs/SECURITY.md, "Accounts and roles").
 *
 * Failures are counted per (address, username) pair: the first FREE_FAILURES cost nothing, then each further one
 * doubles the wait (1 s, 2 s, 4 s… up to MAX_DELAY_MS) before that pair may try again. Nothing else blocks: a
 * correct password from an address with no recent failures for the account always gets through, whatever others
 * did from other addresses or for other accounts. An account that many addresses are failing on (ACCOUNT_SLOW_AFTER
 * addresses) only loses the free failures of every pair, so a guesser spread over many addresses is slowed too.
 *
 * Keys are the username as typed, known or not, so an unknown username is throttled exactly like a known one.
 * Counters belong to a stamp of the account (its `updated_at`, 0 for unknown names): an administrative change
 * (enable, password reset, from the API or from the CLI's own process) voids them. Counters are forgotten
 * FORGET_AFTER_MS after their last failure and are bounded (the least recently failed go first). In memory for one
 * process (SQLite); in a shared store — the database, or Redis when configured — for several server processes
 * (SharedLoginThrottle, below).
 * Time is always a parameter.
 */
import { stateId, type LimitStore, type StateWrite } from '../platform/shared-limits.ts';

export const FREE_FAILURES = 3;
export const ACCOUNT_SLOW_AFTER = 10;
export const MAX_DELAY_MS = 15 * 60_000;
export const FORGET_AFTER_MS = 24 * 3_600_000;
const MAX_ENTRIES = 50_000;

interface Counter {
  /** A pair's consecutive failures; an account's failing pairs. */
  failures: number;
  last: number;
  stamp: number;
}

/** The wait after `failures` consecutive failures of a pair, given how many are free. */
export function delayAfter(failures: number, free: number): number {
  if (failures <= free) return 0;
  return Math.min(MAX_DELAY_MS, 1000 * 2 ** Math.min(failures - free - 1, 30));
}

/** An attempt let through: settle it with its outcome. */
export interface LoginTicket {
  readonly pair: string;
  readonly username: string;
  readonly stamp: number;
  /** The pair had no failures: this attempt counted one more failing address against the account. */
  readonly newPair: boolean;
}

/** What sign-in needs of a throttle: the in-memory one answers at once, the shared one after a round trip. */
export interface SignInThrottle {
  begin(
    ip: string,
    username: string,
    stamp: number,
    now: number,
  ): LoginTicket | number | Promise<LoginTicket | number>;
  succeeded(ticket: LoginTicket, now: number): void | Promise<void>;
  isSlowed(username: string, stamp: number, now: number): boolean | Promise<boolean>;
}

export class LoginThrottle implements SignInThrottle {
  private readonly pairs = new Map<string, Counter>();
  private readonly accounts = new Map<string, Counter>();

  /**
   * Seconds the pair must still wait (> 0: answer 429, nothing recorded), or a ticket. The attempt is counted as a
   * failure at once, so parallel guesses are throttled like sequential ones; `succeeded` takes it back.
   */
  begin(ip: string, username: string, stamp: number, now: number): LoginTicket | number {
    const pair = `${ip}\u0000${username}`;
    const counter = this.current(this.pairs, pair, stamp, now);
    const account = this.current(this.accounts, username, stamp, now);
    const free = (account?.failures ?? 0) >= ACCOUNT_SLOW_AFTER ? 0 : FREE_FAILURES;
    if (counter) {
      const wait = counter.last + delayAfter(counter.failures, free) - now;
      if (wait > 0) return Math.ceil(wait / 1000);
    }
    this.bump(this.pairs, pair, counter, stamp, now);
    if (!counter) this.bump(this.accounts, username, account, stamp, now);
    return { pair, username, stamp, newPair: !counter };
  }

  /** The password was right: the pair starts afresh and the attempt no longer counts against the account. */
  succeeded(ticket: LoginTicket, _now?: number): void {
    this.pairs.delete(ticket.pair);
    const account = this.accounts.get(ticket.username);
    if (ticket.newPair && account && account.stamp === ticket.stamp && account.failures > 0)
      account.failures -= 1;
  }

  /** Whether sign-ins to the account are being slowed for every address (shown to administrators as locked). */
  isSlowed(username: string, stamp: number, now: number): boolean {
    return (this.current(this.accounts, username, stamp, now)?.failures ?? 0) >= ACCOUNT_SLOW_AFTER;
  }

  /** A pair's or an account's counter as kept (what the shared throttle stores). */
  counter(kind: 'pair' | 'account', key: string): Counter | undefined {
    return (kind === 'pair' ? this.pairs : this.accounts).get(key);
  }

  /** Sets a counter (the shared throttle's stored one). */
  restore(kind: 'pair' | 'account', key: string, counter: Counter | undefined): void {
    const map = kind === 'pair' ? this.pairs : this.accounts;
    if (counter) map.set(key, counter);
    else map.delete(key);
  }

  private current(map: Map<string, Counter>, key: string, stamp: number, now: number): Counter | undefined {
    const counter = map.get(key);
    if (!counter) return undefined;
    if (counter.stamp !== stamp || counter.last + FORGET_AFTER_MS <= now) {
      map.delete(key);
      return undefined;
    }
    return counter;
  }

  private bump(
    map: Map<string, Counter>,
    key: string,
    counter: Counter | undefined,
    stamp: number,
    now: number,
  ): void {
    map.delete(key); // re-inserted last: the map's order is the order of last failure
    map.set(key, {
      failures: (counter?.failures ?? 0) + 1,
      last: Math.max(now, counter?.last ?? now),
      stamp,
    });
    if (map.size > MAX_ENTRIES) this.sweep(map, now);
  }

  private sweep(map: Map<string, Counter>, now: number): void {
    for (const [key, counter] of map) if (counter.last + FORGET_AFTER_MS <= now) map.delete(key);
    for (const key of map.keys()) {
      if (map.size <= MAX_ENTRIES * 0.9) break;
      map.delete(key);
    }
  }
}

const pairKey = (ip: string, username: string): string => `${ip}\u0000${username}`;

/**
 * The throttle for several server processes: the pair's and the account's counters live in a shared store (the
 * database's `shared_limits` or Redis, platform/shared-limits.ts) and each decision is the in-memory throttle's,
 * taken atomically over both counters, so failures counted through one server slow the next attempt through any
 * other.
 */
export class SharedLoginThrottle implements SignInThrottle {
  private readonly store: LimitStore;

  constructor(store: LimitStore) {
    this.store = store;
  }

  begin(ip: string, username: string, stamp: number, now: number): Promise<LoginTicket | number> {
    return this.decide(pairKey(ip, username), username, now, (t) => t.begin(ip, username, stamp, now));
  }

  async succeeded(ticket: LoginTicket, now: number): Promise<void> {
    await this.decide(ticket.pair, ticket.username, now, (t) => t.succeeded(ticket));
  }

  async isSlowed(username: string, stamp: number, now: number): Promise<boolean> {
    const t = new LoginThrottle();
    t.restore(
      'account',
      username,
      (await this.store.readState({ bucket: 'login.account', key: username }, now)) as Counter,
    );
    return t.isSlowed(username, stamp, now);
  }

  private decide<R>(pair: string, username: string, now: number, act: (t: LoginThrottle) => R): Promise<R> {
    // stored under a printable key (PostgreSQL text holds no NUL), kept in memory under the throttle's own
    const keys = [
      {
        bucket: 'login.pair',
        key: JSON.stringify(pair.split('\u0000')),
        memory: pair,
        kind: 'pair' as const,
      },
      { bucket: 'login.account', key: username, memory: username, kind: 'account' as const },
    ];
    return this.store.withLockedState(keys, now, (values) => {
      const t = new LoginThrottle();
      for (const k of keys) t.restore(k.kind, k.memory, values.get(stateId(k)) as Counter | undefined);
      const result = act(t);
      const writes: StateWrite[] = keys.map((k) => {
        const c = t.counter(k.kind, k.memory);
        return { bucket: k.bucket, key: k.key, value: c, expiresAt: (c?.last ?? now) + FORGET_AFTER_MS };
      });
      return { result, writes };
    });
  }
}
