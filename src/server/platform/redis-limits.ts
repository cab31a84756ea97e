/**
 * The shared limits in Redis (MOTCUA_REDIS_URL; docs/OPERATIONS.md "A province", docs/SECURITY.md): the same
 * LimitStore the database offers (shared-limits.ts), under keys `motcua:<bucket>:<key>` that expire by themselves.
 *
 * - A sliding-window limit (the portal's) is one Lua script per decision: the window is a Redis list of instants,
 *   checked and extended atomically, with the application's `now` passed in (never Redis's TIME), so a test's
 *   clock and the servers' clocks decide, as in memory and in the database.
 * - Other counters (the sign-in throttle's) are JSON values `{"v": counter, "e": expiresAt}` read with MGET,
 *   decided by the in-memory logic, and written by a compare-and-set script that applies the writes only if no
 *   other server changed the counters since the read; else the read and decision are retried.
 * - A key lives `expiresAt - now` milliseconds (PEXPIRE/PX with the application's clock): Redis drops it by itself,
 *   and a value read past its `expiresAt` on the application's clock counts as absent.
 *
 * When Redis does not answer, the limits are not dropped: FallbackLimitStore decides in the database store instead,
 * logs a warning once per outage, and GET /api/health shows `redis: down` until Redis answers again.
 */
import type { RateLimitOptions } from './rate-limit.ts';
import { LuaScript, RedisClient, redactRedisUrl, type RedisArg } from './redis-client.ts';
import {
  stateId,
  type Decide,
  type Limiter,
  type LimitStore,
  type StateKey,
  type StateWrite,
} from './shared-limits.ts';

/** Every key the server writes starts with this. */
export const REDIS_PREFIX = 'motcua:';

/** How many times a decision is retried when other servers keep changing its counters (then it fails). */
const CAS_ATTEMPTS = 100;

/**
 * KEYS: the counters. ARGV: each key's value as read ('' when absent), then for each key its new value ('' deletes
 * it, '=' leaves it) and its time to live in ms. Returns 1 when written, 0 when a counter changed since the read.
 */
const COMPARE_AND_SET = new LuaScript(`
local n = #KEYS
for i = 1, n do
  if (redis.call('GET', KEYS[i]) or '') ~= ARGV[i] then return 0 end
end
for i = 1, n do
  local value, ttl = ARGV[n + 2 * i - 1], tonumber(ARGV[n + 2 * i])
  if value == '' or ttl <= 0 then redis.call('DEL', KEYS[i])
  elseif value ~= '=' then redis.call('SET', KEYS[i], value, 'PX', ttl) end
end
return 1
`);

/**
 * A sliding-window log, as rate-limit.ts keeps it in memory: the list holds at most `limit` instants, oldest first.
 * KEYS[1]: the list. ARGV: now, windowMs, limit. Drops the instants at the head that left the window; when `limit`
 * remain, returns the seconds to wait (at least 1) and records nothing; else appends `now`, keeps the last `limit`,
 * sets the list to expire a window after `now` and returns 0.
 */
const SLIDING_WINDOW = new LuaScript(`
local key, now, window, limit = KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
while true do
  local head = redis.call('LINDEX', key, 0)
  if not head or tonumber(head) > now - window then break end
  redis.call('LPOP', key)
end
local n = redis.call('LLEN', key)
if n >= limit then
  local wait = math.ceil((tonumber(redis.call('LINDEX', key, n - limit)) + window - now) / 1000)
  if wait < 1 then wait = 1 end
  -- an instant stamped after this caller's now (another server's take that arrived first) never asks for more
  -- than a window
  local most = math.ceil(window / 1000)
  if wait > most then wait = most end
  return wait
end
redis.call('RPUSH', key, ARGV[1])
redis.call('LTRIM', key, -limit, -1)
redis.call('PEXPIRE', key, window)
return 0
`);

interface Stored {
  v: unknown;
  e: number;
}

/** The LimitStore in Redis. */
export class RedisLimitStore implements LimitStore {
  readonly name = 'redis';
  readonly client: RedisClient;
  private readonly prefix: string;

  constructor(client: RedisClient, prefix = REDIS_PREFIX) {
    this.client = client;
    this.prefix = prefix;
  }

  /** The Redis key of a counter. */
  keyOf(k: StateKey): string {
    return `${this.prefix}${k.bucket}:${k.key}`;
  }

  async withLockedState<R>(keys: StateKey[], now: number, decide: Decide<R>): Promise<R> {
    const redisKeys = keys.map((k) => this.keyOf(k));
    for (let attempt = 1; attempt <= CAS_ATTEMPTS; attempt++) {
      const raw = keys.length ? await this.client.call('MGET', ...redisKeys) : [];
      const read = (raw as (string | null)[]).map((r) => r ?? '');
      const values = new Map<string, unknown>();
      keys.forEach((k, i) => {
        const stored = parseStored(read[i]!);
        if (stored && stored.e > now) values.set(stateId(k), stored.v);
      });
      const { result, writes } = decide(values);
      const byId = new Map<string, StateWrite>(writes.map((w) => [stateId(w), w]));
      if (writes.some((w) => !keys.some((k) => stateId(k) === stateId(w))))
        throw new Error('a shared limit wrote a counter it did not read');
      const args: RedisArg[] = [...read];
      for (const k of keys) {
        const w = byId.get(stateId(k));
        if (!w) args.push('=', 0);
        else if (w.value === undefined || w.expiresAt <= now) args.push('', 0);
        else args.push(JSON.stringify({ v: w.value, e: w.expiresAt } satisfies Stored), w.expiresAt - now);
      }
      if ((await this.client.eval(COMPARE_AND_SET, redisKeys, args)) === 1) return result;
    }
    throw new Error(`shared limit ${keys.map((k) => k.bucket).join(', ')}: too much contention`);
  }

  async readState(k: StateKey, now: number): Promise<unknown> {
    const stored = parseStored(((await this.client.call('GET', this.keyOf(k))) as string | null) ?? '');
    return stored && stored.e > now ? stored.v : undefined;
  }

  rateLimiter(bucket: string, options: RateLimitOptions): Limiter {
    return new RedisRateLimiter(this.client, `${this.prefix}${bucket}:`, options);
  }
}

function parseStored(raw: string): Stored | undefined {
  if (raw === '') return undefined;
  const parsed = JSON.parse(raw) as Partial<Stored>;
  return typeof parsed.e === 'number' ? { v: parsed.v, e: parsed.e } : undefined;
}

/** A sliding-window limit in Redis: one script per `take`, one LREM per `release`. */
export class RedisRateLimiter implements Limiter {
  private readonly client: RedisClient;
  private readonly prefix: string;
  private readonly options: RateLimitOptions;

  constructor(client: RedisClient, prefix: string, options: RateLimitOptions) {
    this.client = client;
    this.prefix = prefix;
    this.options = options;
  }

  async take(key: string, now: number): Promise<number> {
    const { windowMs, limit } = this.options;
    const wait = await this.client.eval(SLIDING_WINDOW, [this.prefix + key], [now, windowMs, limit]);
    if (typeof wait !== 'number') throw new Error('the sliding-window script answered no number');
    return wait;
  }

  async release(key: string, at: number): Promise<void> {
    // the last occurrence of `at`, as the in-memory limiter's lastIndexOf
    await this.client.call('LREM', this.prefix + key, -1, at);
  }
}

export type RedisHealth = 'off' | 'up' | 'down';

/** Where the store says Redis went away and came back (the app's logger). */
export interface LimitsLog {
  warn(message: string): void;
  info(message: string): void;
}

/**
 * Redis first; when a call to Redis fails (down, timed out, or an error), the same decision is taken in the
 * database store: the limits hold, on counters that start afresh in the database for the outage (the database
 * store is what a province without Redis uses). A warning is logged when the outage starts, an info line when
 * Redis answers again.
 */
export class FallbackLimitStore implements LimitStore {
  readonly name = 'redis';
  readonly primary: RedisLimitStore;
  readonly fallback: LimitStore;
  private readonly log: LimitsLog;
  private failing = false;

  constructor(primary: RedisLimitStore, fallback: LimitStore, log: LimitsLog) {
    this.primary = primary;
    this.fallback = fallback;
    this.log = log;
  }

  /** Whether the last call fell back to the database. */
  get degraded(): boolean {
    return this.failing;
  }

  withLockedState<R>(keys: StateKey[], now: number, decide: Decide<R>): Promise<R> {
    return this.attempt(
      () => this.primary.withLockedState(keys, now, decide),
      () => this.fallback.withLockedState(keys, now, decide),
    );
  }

  readState(k: StateKey, now: number): Promise<unknown> {
    return this.attempt(
      () => this.primary.readState(k, now),
      () => this.fallback.readState(k, now),
    );
  }

  rateLimiter(bucket: string, options: RateLimitOptions): Limiter {
    const redis = this.primary.rateLimiter(bucket, options);
    const db = this.fallback.rateLimiter(bucket, options);
    return {
      take: (key, now) =>
        this.attempt(
          async () => redis.take(key, now),
          async () => db.take(key, now),
        ),
      release: (key, at) =>
        this.attempt(
          async () => redis.release(key, at),
          async () => db.release(key, at),
        ),
    };
  }

  /** Whether Redis answers a PING now. */
  async health(): Promise<RedisHealth> {
    try {
      await this.primary.client.connect();
      return (await this.primary.client.call('PING')) === 'PONG' ? 'up' : 'down';
    } catch {
      return 'down';
    }
  }

  private async attempt<R>(redis: () => Promise<R>, db: () => Promise<R>): Promise<R> {
    let value: R;
    try {
      value = await redis();
    } catch (e) {
      if (!this.failing)
        this.log.warn(
          `shared limits: redis failed (${(e as Error).message}); deciding in the database until it answers`,
        );
      this.failing = true;
      return db();
    }
    if (this.failing) this.log.info('shared limits: redis answers again; deciding in redis');
    this.failing = false;
    return value;
  }
}

/** Where the app keeps its shared limits (app.ts `app.limits`). */
export interface SharedLimits {
  /** The shared store; null when the limits stay in this process's memory (SQLite without Redis). */
  store: LimitStore | null;
  /** `off` without MOTCUA_REDIS_URL; else whether Redis answers (GET /api/health). */
  redis(): Promise<RedisHealth>;
  close(): Promise<void>;
}

/**
 * Picks the store: Redis (falling back to the database) when `redisUrl` is set; else the database on PostgreSQL,
 * which may serve several server processes; else memory (SQLite serves one process).
 */
export function openSharedLimits(options: {
  database: LimitStore;
  sharesDatabase: boolean;
  redisUrl: string | undefined;
  log: LimitsLog;
  prefix?: string;
}): SharedLimits {
  const { redisUrl, log } = options;
  if (!redisUrl)
    return {
      store: options.sharesDatabase ? options.database : null,
      redis: async () => 'off',
      close: async () => undefined,
    };
  // one line when the connection is lost (or the first one fails) and one when it is back, not one per retry
  let reported: 'ready' | 'down' | undefined;
  const client = new RedisClient(redisUrl, {
    onStatus: (status, error) => {
      if (status === 'down' && reported !== 'down') {
        reported = 'down';
        log.warn(`redis ${redactRedisUrl(redisUrl)} is down: ${error?.message ?? 'closed'}`);
      } else if (status === 'ready') {
        if (reported === 'down') log.info(`redis ${redactRedisUrl(redisUrl)} answers again`);
        reported = 'ready';
      }
    },
  });
  client.connect().catch(() => undefined); // the first failure is logged by onStatus, and retried
  const store = new FallbackLimitStore(new RedisLimitStore(client, options.prefix), options.database, log);
  return { store, redis: () => store.health(), close: () => client.close() };
}
