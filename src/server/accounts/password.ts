import { availableParallelism } from 'node:os';
import { hash, verify } from '@node-rs/argon2';

// argon2id (the library's default algorithm), OWASP parameters: 19 MiB, 2 passes, 1 lane.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * At most one hash per CPU (1-4) at a time. Each takes 19 MiB while it runs, on libuv's thread pool (4 threads),
 * which file reads and writes share: 64 sign-ins at once used to hold every pool thread and 76 MiB, where two at a
 * time on two cores sign in as fast (docs/PERFORMANCE.md, "Memory"). The others wait their turn, in order.
 */
export const ARGON2_AT_ONCE = Math.min(4, Math.max(1, availableParallelism()));
let running = 0;
const waiting: (() => void)[] = [];

async function inTurn<T>(work: () => Promise<T>): Promise<T> {
  if (running >= ARGON2_AT_ONCE) await new Promise<void>((resolve) => waiting.push(resolve));
  else running += 1;
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  }
}

/** How many hashes run now (tests). */
export const argon2Running = (): number => running;

export function hashPassword(password: string): Promise<string> {
  return inTurn(() => hash(password, OPTIONS));
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await inTurn(() => verify(passwordHash, password));
  } catch {
    return false;
  }
}

/** A fixed hash to verify against when the user does not exist, so timing does not reveal usernames. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('motcua-no-such-user');
  return dummyHash;
}
