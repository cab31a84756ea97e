import { describe, expect, it } from 'vitest';
import { loadConfig, MODE_DEFAULTS } from './config.ts';

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

  it('fails fast on a bad value, naming it', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' }, 'demo')).toThrow(/DATABASE_URL: must start with/);
  });
});
