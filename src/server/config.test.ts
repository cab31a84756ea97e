import { describe, expect, it } from 'vitest';
import { DEFAULT_SQLITE_READ_WORKERS, loadConfig, MODE_DEFAULTS } from './config.ts';
import { availableParallelism } from 'node:os';

describe('loadConfig', () => {
  it('a real server: ./data/motcua.db, every interface', () => {
    const config = loadConfig({});
    expect(config.DATABASE_URL).toBe('sqlite:./data/motcua.db');
    expect(config.HOST).toBe('0.0.0.0');
    expect(config.PORT).toBe(3000);
  });

  it('the demo: its own file, this machine only', () => {
    const config = loadConfig({}, 'demo');
    expect(config.DATABASE_URL).toBe('sqlite:./data/demo.db');
    expect(config.HOST).toBe('127.0.0.1');
    expect(MODE_DEFAULTS.demo.DATABASE_URL).not.toBe(MODE_DEFAULTS.server.DATABASE_URL);
  });

  it('the environment wins over either default', () => {
    const env = { DATABASE_URL: 'sqlite:/srv/other.db', HOST: '192.168.1.10', PORT: '8080' };
    for (const mode of ['server', 'demo'] as const)
      expect(loadConfig(env, mode)).toMatchObject({
        DATABASE_URL: 'sqlite:/srv/other.db',
        HOST: '192.168.1.10',
        PORT: 8080,
      });
  });

  it('the render pool: one worker, 30 s, 512 MB, 20 waiting by default; bounded settings', () => {
    expect(loadConfig({})).toMatchObject({
      MOTCUA_RENDER_WORKERS: 1,
      MOTCUA_RENDER_TIMEOUT_MS: 30_000,
      MOTCUA_RENDER_MEMORY_MB: 512,
      MOTCUA_RENDER_QUEUE: 20,
    });
    const set = {
      MOTCUA_RENDER_WORKERS: '2',
      MOTCUA_RENDER_TIMEOUT_MS: '10000',
      MOTCUA_RENDER_MEMORY_MB: '256',
    };
    expect(loadConfig(set)).toMatchObject({
      MOTCUA_RENDER_WORKERS: 2,
      MOTCUA_RENDER_TIMEOUT_MS: 10_000,
      MOTCUA_RENDER_MEMORY_MB: 256,
    });
    expect(() => loadConfig({ MOTCUA_RENDER_WORKERS: '0' })).toThrow(/MOTCUA_RENDER_WORKERS/);
    expect(() => loadConfig({ MOTCUA_RENDER_MEMORY_MB: '16' })).toThrow(/MOTCUA_RENDER_MEMORY_MB/);
  });

  it('SQLite read workers: one core left to the request thread, 1 or 2 by default; 0 turns them off', () => {
    expect(DEFAULT_SQLITE_READ_WORKERS).toBe(availableParallelism() <= 2 ? 1 : 2);
    expect(loadConfig({}).MOTCUA_SQLITE_READ_WORKERS).toBe(DEFAULT_SQLITE_READ_WORKERS);
    expect(loadConfig({ MOTCUA_SQLITE_READ_WORKERS: '0' }).MOTCUA_SQLITE_READ_WORKERS).toBe(0);
    expect(loadConfig({ MOTCUA_SQLITE_READ_WORKERS: '4' }).MOTCUA_SQLITE_READ_WORKERS).toBe(4);
    for (const bad of ['-1', '9', '1.5', 'off'])
      expect(() => loadConfig({ MOTCUA_SQLITE_READ_WORKERS: bad })).toThrow(/MOTCUA_SQLITE_READ_WORKERS/);
  });

  it('Redis: none by default; redis:// with a password and database; TLS and other schemes refused', () => {
    expect(loadConfig({}).MOTCUA_REDIS_URL).toBeUndefined();
    const url = 'redis://:s%40cret@10.0.0.20:6379/2';
    expect(loadConfig({ MOTCUA_REDIS_URL: url }).MOTCUA_REDIS_URL).toBe(url);
    expect(() => loadConfig({ MOTCUA_REDIS_URL: 'rediss://10.0.0.20:6380' })).toThrow(
      /MOTCUA_REDIS_URL: rediss:\/\/ \(TLS\) is not supported/,
    );
    expect(() => loadConfig({ MOTCUA_REDIS_URL: '10.0.0.20:6379' })).toThrow(
      /MOTCUA_REDIS_URL: a Redis URL starts/,
    );
    expect(() => loadConfig({ MOTCUA_REDIS_URL: 'redis://h/db1' })).toThrow(
      /MOTCUA_REDIS_URL: the Redis database/,
    );
  });

  it('fails fast on a bad value, naming it', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' }, 'demo')).toThrow(/DATABASE_URL: must start with/);
  });
});
