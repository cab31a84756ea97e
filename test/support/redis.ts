/**
 * The real Redis the Redis tests run against (TEST_REDIS_URL, default the local one at 127.0.0.1:6379, which CI
 * starts). When it does not answer, those tests are skipped with a message saying so. Each test works under its
 * own key prefix and deletes its keys.
 */
import { randomBytes } from 'node:crypto';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { RedisClient, type RedisClientOptions } from '../../src/server/platform/redis-client.ts';

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/0';

async function answers(): Promise<boolean> {
  const c = new RedisClient(TEST_REDIS_URL, { connectTimeoutMs: 500 });
  try {
    await c.connect();
    return (await c.call('PING')) === 'PONG';
  } catch {
    return false;
  } finally {
    await c.close();
  }
}

/** Whether the test Redis answers (probed once per test file). */
export const REDIS_UP = await answers();
if (!REDIS_UP)
  console.warn(`SKIPPED: no Redis answers at ${TEST_REDIS_URL} (start redis-server, or set TEST_REDIS_URL)`);

/** A key prefix of the test's own: `motcua:test:<random>:`. */
export const testPrefix = (): string => `motcua:test:${randomBytes(6).toString('hex')}:`;

/** A connected client to the test Redis (close it). */
export async function testRedis(
  options: RedisClientOptions = {},
  url = TEST_REDIS_URL,
): Promise<RedisClient> {
  const c = new RedisClient(url, options);
  await c.connect();
  return c;
}

/** The keys under `prefix`. */
export async function keysUnder(client: RedisClient, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = (await client.call('SCAN', cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000)) as [
      string,
      string[],
    ];
    keys.push(...batch);
    cursor = next;
  } while (cursor !== '0');
  return keys;
}

/** Deletes every key under `prefix`; returns how many there were. */
export async function deleteKeys(prefix: string): Promise<number> {
  const c = await testRedis();
  try {
    const keys = await keysUnder(c, prefix);
    if (keys.length) await c.call('DEL', ...keys);
    return keys.length;
  } finally {
    await c.close();
  }
}

/**
 * A TCP proxy on loopback in front of the test Redis that forwards its answers `chunk` bytes at a time (each piece
 * its own write, so a reply arrives split across reads), and that a test can stop (every connection dropped) and
 * start again on the same port.
 */
export class RedisProxy {
  port = 0;
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private readonly chunk: number;
  private readonly target: { host: string; port: number };

  constructor(chunk = 1) {
    this.chunk = chunk;
    const u = new URL(TEST_REDIS_URL);
    this.target = { host: u.hostname, port: Number(u.port || 6379) };
  }

  /** The proxy's URL (database 0 unless given). */
  url(db = 0): string {
    return `redis://127.0.0.1:${this.port}/${db}`;
  }

  async start(): Promise<void> {
    const server = createServer((client) => {
      const upstream = connect(this.target);
      this.sockets.add(client).add(upstream);
      client.on('data', (d: Buffer) => upstream.write(d));
      upstream.on('data', (d: Buffer) => {
        for (let i = 0; i < d.length; i += this.chunk) client.write(d.subarray(i, i + this.chunk));
      });
      const end = () => {
        client.destroy();
        upstream.destroy();
        this.sockets.delete(client);
        this.sockets.delete(upstream);
      };
      client.on('close', end).on('error', end);
      upstream.on('close', end).on('error', end);
    });
    await new Promise<void>((ok, fail) => {
      server.once('error', fail);
      server.listen(this.port, '127.0.0.1', () => ok());
    });
    this.port = (server.address() as { port: number }).port;
    this.server = server;
  }

  /** Stops listening and drops every connection (Redis "goes away"). */
  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((ok) => server.close(() => ok()));
  }
}

/** Waits until `check` holds (polling every 20 ms), failing after `timeoutMs`. */
export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  for (let waited = 0; ; waited += 20) {
    if (await check()) return;
    if (waited >= timeoutMs) throw new Error(`not true after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
