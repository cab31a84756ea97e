import { describe, expect, it } from 'vitest';
import { ARGON2_AT_ONCE, argon2Running, hashPassword, verifyPassword } from './password.ts';

describe('password hashing', () => {
  it('verifies the right password only', async () => {
    const stored = await hashPassword('đúng-mật-khẩu');
    expect(await verifyPassword(stored, 'đúng-mật-khẩu')).toBe(true);
    expect(await verifyPassword(stored, 'sai-mật-khẩu')).toBe(false);
    expect(await verifyPassword('not a hash', 'đúng-mật-khẩu')).toBe(false);
  });

  it('runs at most one hash per CPU at once; the others wait their turn and all are answered', async () => {
    const stored = await hashPassword('mật-khẩu');
    let most = 0;
    let settled = false;
    const watch = (async () => {
      while (!settled) {
        most = Math.max(most, argon2Running());
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const many = 3 * ARGON2_AT_ONCE + 1;
    const answers = await Promise.all(
      Array.from({ length: many }, (_, i) => verifyPassword(stored, i % 2 ? 'mật-khẩu' : 'khác')),
    );
    settled = true;
    await watch;
    expect(most).toBe(ARGON2_AT_ONCE);
    expect(argon2Running()).toBe(0);
    expect(answers).toEqual(Array.from({ length: many }, (_, i) => i % 2 === 1));
  });
});
