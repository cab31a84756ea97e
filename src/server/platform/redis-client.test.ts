/**
 * The RESP2 client (redis-client.ts): the reader on replies split anywhere, then against the real local Redis —
 * pipelining, scripts, AUTH and SELECT from the URL, replies cut into one-byte reads by a proxy, reconnection after
 * the connection drops, and the command timeout.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Socket } from 'node:net';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  encodeCommand,
  LuaScript,
  parseRedisUrl,
  RedisClient,
  RedisError,
  RedisUnavailableError,
  RespParser,
  type RedisReply,
  type RedisStatus,
} from './redis-client.ts';
import {
  deleteKeys,
  eventually,
  REDIS_UP,
  RedisProxy,
  TEST_REDIS_URL,
  testPrefix,
  testRedis,
} from '../../../test/support/redis.ts';

/** Every reply in `bytes`, fed `step` bytes at a time. */
function readAll(bytes: Buffer, step: number): RedisReply[] {
  const parser = new RespParser();
  const replies: RedisReply[] = [];
  for (let i = 0; i < bytes.length; i += step) {
    parser.push(bytes.subarray(i, i + step));
    for (let r = parser.next(); r; r = parser.next()) replies.push(r.reply);
  }
  return replies;
}

describe('RespParser', () => {
  const wire = Buffer.from(
    [
      '+OK',
      '-WRONGTYPE Operation against a key holding the wrong kind of value',
      ':-42',
      '$-1', // nil bulk
      '*-1', // nil array
      '$0',
      '',
      `$${Buffer.byteLength('Thủ tục')}`,
      'Thủ tục', // "ủ" and "ụ" are 3 bytes each in UTF-8: a split may fall inside them
      '$4',
      'a\r\nb', // a bulk string holding CRLF
      '*3',
      ':1',
      '*2',
      '$1',
      'x',
      '$-1',
      '-ERR inside',
      '*0',
      '',
    ].join('\r\n'),
  );

  it('reads every kind of reply, whole or cut into pieces of any size', () => {
    const whole = readAll(wire, wire.length);
    expect(whole).toHaveLength(10);
    expect(whole.slice(0, 1)).toEqual(['OK']);
    expect(whole[1]).toBeInstanceOf(RedisError);
    expect((whole[1] as RedisError).code).toBe('WRONGTYPE');
    expect(whole.slice(2, 7)).toEqual([-42, null, null, '', 'Thủ tục']);
    expect(whole[7]).toBe('a\r\nb');
    const nested = whole[8] as RedisReply[];
    expect(nested.slice(0, 2)).toEqual([1, ['x', null]]);
    expect((nested[2] as RedisError).message).toBe('ERR inside');
    expect(whole[9]).toEqual([]);
    for (const step of [1, 2, 3, 5, 7, 13]) expect(readAll(wire, step)).toEqual(whole);
  });

  it('waits for the rest of a bulk string, and refuses a malformed reply', () => {
    const parser = new RespParser();
    parser.push(Buffer.from('$5\r\nhel'));
    expect(parser.next()).toBeUndefined();
    parser.push(Buffer.from('lo\r\n:7'));
    expect(parser.next()).toEqual({ reply: 'hello' });
    expect(parser.next()).toBeUndefined(); // ":7" without its CRLF yet
    parser.push(Buffer.from('\r\n'));
    expect(parser.next()).toEqual({ reply: 7 });
    const bad = new RespParser();
    bad.push(Buffer.from('?what\r\n'));
    expect(() => bad.next()).toThrow(/unexpected reply type/);
    const badLength = new RespParser();
    badLength.push(Buffer.from('$3\r\nabcd\r\n'));
    expect(() => badLength.next()).toThrow(/CRLF/);
  });

  it('encodes a command as an array of bulk strings, counting bytes', () => {
    expect(encodeCommand(['SET', 'k', 'ủ', 12]).toString()).toBe(
      '*4\r\n$3\r\nSET\r\n$1\r\nk\r\n$3\r\nủ\r\n$2\r\n12\r\n',
    );
  });
});

describe('parseRedisUrl', () => {
  it('reads host, port, database and credentials; refuses TLS and malformed URLs', () => {
    expect(parseRedisUrl('redis://127.0.0.1')).toEqual({ host: '127.0.0.1', port: 6379, db: 0 });
    expect(parseRedisUrl('redis://:p%40ss@redis.lan:6380/3')).toEqual({
      host: 'redis.lan',
      port: 6380,
      db: 3,
      password: 'p@ss',
    });
    expect(parseRedisUrl('redis://motcua:secret@[::1]:6379/0')).toMatchObject({
      host: '::1',
      username: 'motcua',
      password: 'secret',
    });
    expect(() => parseRedisUrl('rediss://h:6379')).toThrow(/TLS/);
    expect(() => parseRedisUrl('http://h')).toThrow(/redis:\/\//);
    expect(() => parseRedisUrl('redis://h/x')).toThrow(/number/);
  });
});

describe.skipIf(!REDIS_UP)('RedisClient against the local Redis', () => {
  const prefix = testPrefix();
  const opened: RedisClient[] = [];
  const proxies: RedisProxy[] = [];
  const open = async (url = TEST_REDIS_URL, options = {}) => {
    const c = await testRedis(options, url);
    opened.push(c);
    return c;
  };
  afterEach(async () => {
    for (const c of opened.splice(0)) await c.close();
    for (const p of proxies.splice(0)) await p.stop();
  });
  afterAll(async () => {
    await deleteKeys(prefix);
  });

  it('pipelines commands and answers each in order, an error reply in its place', async () => {
    const c = await open();
    const key = `${prefix}pipe`;
    const replies = await c.pipeline([
      ['SET', key, 'Lâm Đồng'],
      ['GET', key],
      ['INCR', key],
      ['GET', `${prefix}absent`],
      ['DEL', key],
    ]);
    expect(replies.slice(0, 2)).toEqual(['OK', 'Lâm Đồng']);
    expect((replies[2] as RedisError).message).toMatch(/not an integer/);
    expect(replies.slice(3)).toEqual([null, 1]);
    await expect(c.call('INCR')).rejects.toBeInstanceOf(RedisError);
    // 200 commands at once, from many callers: every answer to its own caller
    const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => c.call('ECHO', `n${i}`)));
    expect(answers).toEqual(Array.from({ length: 200 }, (_, i) => `n${i}`));
  });

  it('runs a script by its SHA1, sending the source once when Redis lacks it', async () => {
    const c = await open();
    // a script Redis cannot have cached yet: its first EVALSHA is NOSCRIPT, then EVAL loads it
    const script = new LuaScript(`-- ${randomBytes(8).toString('hex')}\nreturn {KEYS[1], ARGV[1] + 1}`);
    expect(await c.call('SCRIPT', 'EXISTS', script.sha)).toEqual([0]);
    expect(await c.eval(script, [`${prefix}s`], [41])).toEqual([`${prefix}s`, 42]);
    expect(await c.call('SCRIPT', 'EXISTS', script.sha)).toEqual([1]);
    expect(await c.eval(script, [`${prefix}s`], [1])).toEqual([`${prefix}s`, 2]);
    await expect(c.eval(new LuaScript('return redis.call("NOPE")'), [], [])).rejects.toBeInstanceOf(
      RedisError,
    );
  });

  it('authenticates and selects the database from the URL; a wrong password fails the connection', async () => {
    const admin = await open();
    const user = `motcua-test-${randomBytes(4).toString('hex')}`;
    const password = randomBytes(12).toString('hex');
    await admin.call('ACL', 'SETUSER', user, 'on', `>${password}`, `~${prefix}*`, '+@all');
    try {
      const host = new URL(TEST_REDIS_URL).host;
      const c = await open(`redis://${user}:${password}@${host}/3`);
      expect(await c.call('ACL', 'WHOAMI')).toBe(user);
      await c.call('SET', `${prefix}db3`, 'yes');
      // the key is in database 3, not in the admin's 0
      expect(await admin.call('EXISTS', `${prefix}db3`)).toBe(0);
      expect(
        await admin.pipeline([
          ['SELECT', 3],
          ['GET', `${prefix}db3`],
          ['DEL', `${prefix}db3`],
          ['SELECT', 0],
        ]),
      ).toEqual(['OK', 'yes', 1, 'OK']);
      const wrong = new RedisClient(`redis://${user}:wrong@${host}/0`, { minBackoffMs: 60_000 });
      await expect(wrong.connect()).rejects.toMatchObject({ code: 'WRONGPASS' });
      expect(wrong.status).toBe('down');
      await wrong.close();
    } finally {
      await admin.call('ACL', 'DELUSER', user);
    }
  });

  it('reads replies that arrive one byte at a time', async () => {
    const proxy = new RedisProxy(1);
    proxies.push(proxy);
    await proxy.start();
    const c = await open(proxy.url());
    const key = `${prefix}split`;
    const value = 'Ủy ban nhân dân xã '.repeat(20);
    const replies = await c.pipeline([
      ['RPUSH', key, value, '', 'ba'],
      ['LRANGE', key, 0, -1],
      ['GET', key],
      ['LPOP', `${prefix}absent`],
      ['DEL', key],
    ]);
    expect(replies[0]).toBe(3);
    expect(replies[1]).toEqual([value, '', 'ba']);
    expect((replies[2] as RedisError).code).toBe('WRONGTYPE');
    expect(replies.slice(3)).toEqual([null, 1]);
  });

  it('fails at once while the connection is down, and reconnects by itself', async () => {
    const statuses: RedisStatus[] = [];
    const c = await open(TEST_REDIS_URL, {
      minBackoffMs: 20,
      onStatus: (s: RedisStatus) => statuses.push(s),
    });
    const admin = await open();
    const id = await c.call('CLIENT', 'ID');
    expect(await admin.call('CLIENT', 'KILL', 'ID', id as number)).toBe(1);
    await eventually(() => c.status !== 'ready');
    await expect(c.call('PING')).rejects.toBeInstanceOf(RedisUnavailableError);
    await eventually(() => c.status === 'ready');
    expect(await c.call('PING')).toBe('PONG');
    expect(await c.call('CLIENT', 'ID')).not.toBe(id);
    expect(statuses).toEqual(['connecting', 'ready', 'down', 'connecting', 'ready']);
  });

  it('keeps retrying with backoff while Redis is away, and is back when it returns', async () => {
    const proxy = new RedisProxy(64);
    proxies.push(proxy);
    await proxy.start();
    const c = await open(proxy.url(), { minBackoffMs: 10, maxBackoffMs: 40 });
    const pending = c.call('BLPOP', `${prefix}never`, 5); // waiting when the connection drops
    await proxy.stop();
    await expect(pending).rejects.toBeInstanceOf(RedisUnavailableError);
    await eventually(() => c.status === 'down');
    await new Promise((r) => setTimeout(r, 150)); // several refused attempts
    expect(c.status).not.toBe('ready');
    await proxy.start(); // same port
    await eventually(() => c.status === 'ready');
    expect(await c.call('PING')).toBe('PONG');
  });

  it('drops a connection whose server stops answering, past the command timeout', async () => {
    // a server that accepts and never answers
    const sockets: Socket[] = [];
    const silent = createServer((s) => sockets.push(s));
    await new Promise<void>((ok) => silent.listen(0, '127.0.0.1', () => ok()));
    const port = (silent.address() as { port: number }).port;
    const c = new RedisClient(`redis://127.0.0.1:${port}/0`, { connectTimeoutMs: 100, minBackoffMs: 60_000 });
    try {
      // no password and database 0: ready as soon as TCP connects
      await c.connect();
      const c2 = new RedisClient(`redis://:pw@127.0.0.1:${port}/0`, {
        connectTimeoutMs: 100,
        minBackoffMs: 60_000,
      });
      await expect(c2.connect()).rejects.toThrow(/within 100 ms/); // AUTH never answered
      await c2.close();
    } finally {
      await c.close();
    }
    const d = new RedisClient(`redis://127.0.0.1:${port}/0`, { commandTimeoutMs: 100, minBackoffMs: 60_000 });
    await d.connect();
    await expect(d.call('PING')).rejects.toThrow(/did not answer within 100 ms/);
    expect(d.status).toBe('down');
    await d.close();
    for (const s of sockets) s.destroy();
    await new Promise<void>((ok) => silent.close(() => ok()));
  });

  it('refuses commands after close', async () => {
    const c = await testRedis();
    await c.close();
    expect(c.status).toBe('closed');
    await expect(c.call('PING')).rejects.toBeInstanceOf(RedisUnavailableError);
    await expect(c.connect()).rejects.toBeInstanceOf(RedisUnavailableError);
  });
});
