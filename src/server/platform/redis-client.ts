/**
 * A minimal Redis client (RESP2 over node:net) for the shared limits (redis-limits.ts): one connection, commands
 * pipelined on it (each write is answered in order), EVALSHA with EVAL when the script is not cached, AUTH and
 * SELECT from the URL, a timeout on connecting and on every command, and reconnection with exponential backoff.
 *
 * No TLS (`rediss://` is refused): Redis is reached on loopback or on the province's private network; across an
 * untrusted network put stunnel or a WireGuard link in front of it (docs/OPERATIONS.md).
 *
 * A command sent while the connection is down fails at once with RedisUnavailableError (nothing is queued): the
 * caller falls back to another store rather than wait.
 */
import { createHash } from 'node:crypto';
import { connect as netConnect, type Socket } from 'node:net';

export type RedisReply = string | number | null | RedisError | RedisReply[];
export type RedisArg = string | number | Buffer;

/** An error reply (`-ERR …`): thrown for a command, kept as a value inside an array reply. */
export class RedisError extends Error {
  /** The first word of the reply: ERR, NOSCRIPT, WRONGPASS, NOAUTH… */
  readonly code: string;
  constructor(message: string) {
    super(message);
    this.name = 'RedisError';
    this.code = message.split(' ', 1)[0] ?? 'ERR';
  }
}

/** The connection is down, timed out or closed: the command was not answered (it may or may not have run). */
export class RedisUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RedisUnavailableError';
  }
}

export interface RedisLocation {
  host: string;
  port: number;
  db: number;
  username?: string;
  password?: string;
}

/** Reads `redis://[[user]:password@]host[:port][/db]`; throws on anything else (rediss:// included). */
export function parseRedisUrl(url: string): RedisLocation {
  if (/^rediss:/i.test(url))
    throw new Error('rediss:// (TLS) is not supported: use redis:// on a private network');
  if (!/^redis:\/\//i.test(url)) throw new Error('a Redis URL starts with redis://');
  const u = new URL(url);
  if (!u.hostname) throw new Error('the Redis URL has no host');
  const path = u.pathname.replace(/^\/+/, '');
  if (path !== '' && !/^\d{1,5}$/.test(path))
    throw new Error('the Redis database is a number: redis://host:6379/0');
  const location: RedisLocation = {
    host: u.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: u.port ? Number(u.port) : 6379,
    db: path === '' ? 0 : Number(path),
  };
  if (u.password) location.password = decodeURIComponent(u.password);
  if (u.username) location.username = decodeURIComponent(u.username);
  if (location.username && !location.password) throw new Error('a Redis user needs a password');
  return location;
}

/** The URL with its password hidden, for logs. */
export const redactRedisUrl = (url: string): string => url.replace(/\/\/([^@/]*):[^@/]*@/, '//$1:***@');

/** Encodes one command as a RESP array of bulk strings. */
export function encodeCommand(args: readonly RedisArg[]): Buffer {
  const parts: Buffer[] = [Buffer.from(`*${args.length}\r\n`)];
  for (const a of args) {
    const b = Buffer.isBuffer(a) ? a : Buffer.from(String(a), 'utf8');
    parts.push(Buffer.from(`$${b.length}\r\n`), b, Buffer.from('\r\n'));
  }
  return Buffer.concat(parts);
}

const INCOMPLETE = Symbol('incomplete');

/**
 * An incremental RESP2 reader: `push` the bytes as they arrive (a reply may be split anywhere, even inside a
 * multi-byte character), `next` returns each complete reply in order. Bulk strings are decoded as UTF-8 once
 * whole. A malformed reply throws (the connection is then unusable and is dropped).
 */
export class RespParser {
  private buffer: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): void {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
  }

  /** The next complete reply, or `undefined` when more bytes are needed. */
  next(): { reply: RedisReply } | undefined {
    const r = this.read(0);
    if (r === INCOMPLETE) return undefined;
    this.buffer = this.buffer.subarray(r.end);
    return { reply: r.value };
  }

  private line(at: number): { text: string; end: number } | typeof INCOMPLETE {
    const cr = this.buffer.indexOf('\r\n', at);
    if (cr < 0) return INCOMPLETE;
    return { text: this.buffer.toString('utf8', at, cr), end: cr + 2 };
  }

  private read(at: number): { value: RedisReply; end: number } | typeof INCOMPLETE {
    if (at >= this.buffer.length) return INCOMPLETE;
    const type = String.fromCharCode(this.buffer[at]!);
    const l = this.line(at + 1);
    if (l === INCOMPLETE) return INCOMPLETE;
    switch (type) {
      case '+':
        return { value: l.text, end: l.end };
      case '-':
        return { value: new RedisError(l.text), end: l.end };
      case ':':
        return { value: integer(l.text), end: l.end };
      case '$': {
        const n = integer(l.text);
        if (n < 0) return { value: null, end: l.end };
        if (this.buffer.length < l.end + n + 2) return INCOMPLETE;
        if (this.buffer[l.end + n] !== 13 || this.buffer[l.end + n + 1] !== 10)
          throw new Error('RESP: a bulk string does not end with CRLF');
        return { value: this.buffer.toString('utf8', l.end, l.end + n), end: l.end + n + 2 };
      }
      case '*': {
        const n = integer(l.text);
        if (n < 0) return { value: null, end: l.end };
        const items: RedisReply[] = [];
        let end = l.end;
        for (let i = 0; i < n; i++) {
          const item = this.read(end);
          if (item === INCOMPLETE) return INCOMPLETE;
          items.push(item.value);
          end = item.end;
        }
        return { value: items, end };
      }
      default:
        throw new Error(`RESP: unexpected reply type ${JSON.stringify(type)}`);
    }
  }
}

function integer(text: string): number {
  if (!/^-?\d+$/.test(text)) throw new Error(`RESP: not an integer: ${JSON.stringify(text)}`);
  return Number(text);
}

/** A Lua script and its SHA1, for EVALSHA. */
export class LuaScript {
  readonly source: string;
  readonly sha: string;
  constructor(source: string) {
    this.source = source;
    this.sha = createHash('sha1').update(source).digest('hex');
  }
}

export type RedisStatus = 'connecting' | 'ready' | 'down' | 'closed';

export interface RedisClientOptions {
  /** Longest wait for the TCP connection and AUTH/SELECT (default 1,000 ms). */
  connectTimeoutMs?: number;
  /** Longest wait for a command's answer (default 1,000 ms): past it the connection is dropped and reopened. */
  commandTimeoutMs?: number;
  /** First and largest wait between reconnection attempts (default 100 ms doubling up to 5,000 ms). */
  minBackoffMs?: number;
  maxBackoffMs?: number;
  /** Told of every change of status (with the error that caused a drop). */
  onStatus?: (status: RedisStatus, error?: Error) => void;
}

interface Pending {
  resolve: (reply: RedisReply) => void;
  reject: (error: Error) => void;
}

export class RedisClient {
  readonly location: RedisLocation;
  private readonly options: Required<Omit<RedisClientOptions, 'onStatus'>> &
    Pick<RedisClientOptions, 'onStatus'>;
  private socket: Socket | undefined;
  private parser = new RespParser();
  private pending: Pending[] = [];
  private state: RedisStatus = 'down';
  private attempts = 0;
  private retryTimer: NodeJS.Timeout | undefined;
  private commandTimer: NodeJS.Timeout | undefined;
  private ready: Promise<void> | undefined;

  constructor(url: string, options: RedisClientOptions = {}) {
    this.location = parseRedisUrl(url);
    this.options = {
      connectTimeoutMs: options.connectTimeoutMs ?? 1000,
      commandTimeoutMs: options.commandTimeoutMs ?? 1000,
      minBackoffMs: options.minBackoffMs ?? 100,
      maxBackoffMs: options.maxBackoffMs ?? 5000,
      onStatus: options.onStatus,
    };
  }

  get status(): RedisStatus {
    return this.state;
  }

  /**
   * Opens the connection (AUTH and SELECT done) and resolves once it is ready; rejects when this attempt fails,
   * and keeps trying in the background with backoff until `close`.
   */
  connect(): Promise<void> {
    if (this.state === 'closed') return Promise.reject(new RedisUnavailableError('redis client closed'));
    if (this.state === 'ready') return Promise.resolve();
    return this.ready ?? this.open();
  }

  /** Sends one command; an error reply rejects with RedisError. */
  async call(...args: RedisArg[]): Promise<RedisReply> {
    const [reply] = await this.send([args]);
    if (reply instanceof RedisError) throw reply;
    return reply!;
  }

  /** Sends the commands in one write; resolves with every reply in order (error replies as RedisError values). */
  pipeline(commands: readonly (readonly RedisArg[])[]): Promise<RedisReply[]> {
    return this.send(commands);
  }

  /** Runs a script by its SHA1, sending its source only when Redis does not have it yet (NOSCRIPT). */
  async eval(script: LuaScript, keys: readonly RedisArg[], args: readonly RedisArg[]): Promise<RedisReply> {
    const tail = [keys.length, ...keys, ...args];
    const [reply] = await this.send([['EVALSHA', script.sha, ...tail]]);
    if (reply instanceof RedisError && reply.code === 'NOSCRIPT')
      return this.call('EVAL', script.source, ...tail);
    if (reply instanceof RedisError) throw reply;
    return reply!;
  }

  /** Closes the connection for good (pending commands fail); no reconnection afterwards. */
  async close(): Promise<void> {
    this.setStatus('closed');
    clearTimeout(this.retryTimer);
    const socket = this.socket;
    this.drop(new RedisUnavailableError('redis client closed'));
    if (socket && !socket.destroyed)
      await new Promise<void>((done) => {
        socket.once('close', () => done());
        socket.destroy();
      });
  }

  private send(commands: readonly (readonly RedisArg[])[]): Promise<RedisReply[]> {
    if (this.state !== 'ready' || !this.socket)
      return Promise.reject(new RedisUnavailableError(`redis is ${this.state}`));
    return this.write(this.socket, commands);
  }

  private write(socket: Socket, commands: readonly (readonly RedisArg[])[]): Promise<RedisReply[]> {
    const replies = commands.map(
      () =>
        new Promise<RedisReply>((resolve, reject) => {
          this.pending.push({ resolve, reject });
        }),
    );
    socket.write(Buffer.concat(commands.map((c) => encodeCommand(c))));
    this.armTimer();
    return Promise.all(replies);
  }

  /** One timer for the oldest unanswered command: each answer restarts it, silence past the timeout drops. */
  private armTimer(): void {
    if (this.commandTimer || this.pending.length === 0) return;
    this.commandTimer = setTimeout(() => {
      this.commandTimer = undefined;
      this.fail(new RedisUnavailableError(`redis did not answer within ${this.options.commandTimeoutMs} ms`));
    }, this.options.commandTimeoutMs);
  }

  private open(): Promise<void> {
    const { host, port, db, username, password } = this.location;
    clearTimeout(this.retryTimer);
    this.setStatus('connecting');
    this.parser = new RespParser();
    const socket = netConnect({ host, port });
    socket.setNoDelay(true);
    socket.setKeepAlive(true, 10_000);
    this.socket = socket;
    const ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          this.fail(
            new RedisUnavailableError(`no connection to redis within ${this.options.connectTimeoutMs} ms`),
          ),
        this.options.connectTimeoutMs,
      );
      socket.once('close', () => {
        clearTimeout(timer);
        reject(this.lastError ?? new RedisUnavailableError('redis closed the connection'));
      });
      socket.once('connect', () => {
        const setup: RedisArg[][] = [];
        if (password !== undefined) setup.push(username ? ['AUTH', username, password] : ['AUTH', password]);
        if (db !== 0) setup.push(['SELECT', db]);
        (setup.length ? this.write(socket, setup) : Promise.resolve([]))
          .then((replies) => {
            const error = replies.find((r) => r instanceof RedisError);
            if (error) throw error;
            clearTimeout(timer);
            this.attempts = 0;
            this.setStatus('ready');
            resolve();
          })
          .catch((e: Error) => {
            clearTimeout(timer);
            this.fail(e);
          });
      });
    });
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (e) => (this.lastError = new RedisUnavailableError(`redis: ${e.message}`)));
    socket.once('close', () => this.onClose(socket));
    this.lastError = undefined;
    this.ready = ready;
    ready.catch(() => undefined); // the background retries need no listener
    return ready;
  }

  private lastError: Error | undefined;

  private onData(chunk: Buffer): void {
    this.parser.push(chunk);
    for (;;) {
      let next: { reply: RedisReply } | undefined;
      try {
        next = this.parser.next();
      } catch (e) {
        this.fail(e as Error);
        return;
      }
      if (!next) return;
      const p = this.pending.shift();
      if (!p) {
        this.fail(new Error('RESP: a reply nobody asked for'));
        return;
      }
      clearTimeout(this.commandTimer);
      this.commandTimer = undefined;
      this.armTimer();
      p.resolve(next.reply);
    }
  }

  /** Drops the connection with `error` (pending commands reject with it); reconnection follows. */
  private fail(error: Error): void {
    this.lastError = error;
    this.socket?.destroy();
  }

  private onClose(socket: Socket): void {
    if (socket !== this.socket) return;
    this.socket = undefined;
    this.ready = undefined;
    const error = this.lastError ?? new RedisUnavailableError('redis closed the connection');
    this.drop(error);
    if (this.state === 'closed') return;
    this.setStatus('down', error);
    const backoff = Math.min(this.options.maxBackoffMs, this.options.minBackoffMs * 2 ** this.attempts);
    this.attempts = Math.min(this.attempts + 1, 30);
    this.retryTimer = setTimeout(() => {
      if (this.state === 'down') void this.open().catch(() => undefined);
    }, backoff);
    this.retryTimer.unref();
  }

  private drop(error: Error): void {
    clearTimeout(this.commandTimer);
    this.commandTimer = undefined;
    const pending = this.pending;
    this.pending = [];
    for (const p of pending) p.reject(error);
  }

  private setStatus(status: RedisStatus, error?: Error): void {
    if (this.state === status || this.state === 'closed') return;
    this.state = status;
    this.options.onStatus?.(status, error);
  }
}
