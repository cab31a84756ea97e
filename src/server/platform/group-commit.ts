/**
 * Group commit: concurrent writes share one transaction, so a burst of intakes pays one fsync (SQLite WAL with
 * synchronous=FULL) or one commit round trip (PostgreSQL) instead of one each (issue 14, item 3).
 *
 * A write is queued and runs in the next batch: one batch at a time per process, made of everything queued while
 * the previous one ran (at most `maxItems`; `maxWaitMs` > 0 also waits that long for company when the queue was
 * idle). Inside the batch each write runs in its own savepoint: a write that throws is rolled back alone and gets
 * its own error, its batch-mates go on. Every caller is answered only after the batch has committed — an answer
 * never names a row that a power cut could take back. When the batch itself fails (the commit, or PostgreSQL
 * aborting it on a deadlock), nothing of it was written and each write runs again alone in its own transaction.
 *
 * On PostgreSQL a batch first takes a transaction-scoped advisory lock, so the batches of several server processes
 * run one after the other: a batch locks many counters and chain heads, and two batches taking them in different
 * orders would deadlock. Writes must touch only the database (no file, no message sent) since one may run twice
 * (once in a failed batch, once alone); the failed run left nothing behind.
 */
import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { DialectName } from '../db/connect.ts';
import type { Database } from '../db/schema.ts';

type Db = Kysely<Database>;

export type Write<T> = (trx: Transaction<Database>) => Promise<T>;

export interface GroupCommitOptions {
  /** The most writes in one transaction. */
  maxItems?: number;
  /** How long an idle queue waits for more writes before its batch starts (0: at the next turn of the loop). */
  maxWaitMs?: number;
  /** Called with the size of each committed batch (metrics, tests). */
  onBatch?: (size: number) => void;
}

interface Pending {
  write: Write<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** The advisory lock key intake batches serialise on across processes (any constant; "MCIN" in ASCII). */
export const GROUP_COMMIT_LOCK = 0x4d43494e;

/** PostgreSQL errors after which the same write, run again, may succeed. */
const isRetryable = (e: unknown): boolean => {
  const code = (e as { code?: string })?.code;
  return code === '40P01' || code === '40001';
};

export class GroupCommitter {
  private queue: Pending[] = [];
  private running: Promise<void> | null = null;
  private scheduled = false;
  private readonly maxItems: number;
  private readonly maxWaitMs: number;
  /** Called with the size of each committed batch (metrics, tests); may be set after construction. */
  onBatch?: (size: number) => void;
  private readonly db: Db;
  private readonly dialect: DialectName;

  constructor(db: Db, dialect: DialectName, options: GroupCommitOptions = {}) {
    this.db = db;
    this.dialect = dialect;
    this.maxItems = Math.max(1, options.maxItems ?? 64);
    this.maxWaitMs = Math.max(0, options.maxWaitMs ?? 0);
    this.onBatch = options.onBatch;
  }

  /** Runs `write` in the next batch; settles once that batch has committed (or the write failed on its own). */
  run<T>(write: Write<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ write, resolve: resolve as (v: unknown) => void, reject });
      this.schedule();
    });
  }

  /** Waits until every queued write is settled (the app's onClose). */
  async drain(): Promise<void> {
    while (this.running || this.queue.length) {
      this.schedule();
      await (this.running ?? new Promise((r) => setTimeout(r, 1)));
    }
  }

  private schedule(): void {
    if (this.running || this.scheduled || this.queue.length === 0) return;
    this.scheduled = true;
    const start = () => {
      this.scheduled = false;
      if (this.running || this.queue.length === 0) return;
      const batch = this.queue.splice(0, this.maxItems);
      this.running = this.runBatch(batch).finally(() => {
        this.running = null;
        this.schedule();
      });
    };
    if (this.maxWaitMs > 0 && this.queue.length < this.maxItems) setTimeout(start, this.maxWaitMs);
    else setImmediate(start);
  }

  private async runBatch(batch: Pending[]): Promise<void> {
    let outcomes: Outcome[];
    try {
      outcomes = await this.inOneTransaction(batch);
      this.onBatch?.(batch.length);
    } catch {
      // Nothing of the batch was written: each write again, alone.
      outcomes = [];
      for (const p of batch) outcomes.push(await this.alone(p.write));
    }
    for (let i = 0; i < batch.length; i++) {
      const o = outcomes[i]!;
      // A write that lost a deadlock inside the batch (its savepoint rolled back) gets one more try, alone.
      const settled = !o.ok && isRetryable(o.error) ? await this.alone(batch[i]!.write) : o;
      if (settled.ok) batch[i]!.resolve(settled.value);
      else batch[i]!.reject(settled.error);
    }
  }

  private async inOneTransaction(batch: Pending[]): Promise<Outcome[]> {
    const trx = await this.db.startTransaction().execute();
    try {
      await this.lock(trx);
      const outcomes: Outcome[] = [];
      for (let i = 0; i < batch.length; i++) {
        const name = `w${i}`;
        const sp = await trx.savepoint(name).execute();
        try {
          const value = await batch[i]!.write(sp);
          await sp.releaseSavepoint(name).execute();
          outcomes.push({ ok: true, value });
        } catch (error) {
          await sp.rollbackToSavepoint(name).execute();
          outcomes.push({ ok: false, error });
        }
      }
      await trx.commit().execute();
      return outcomes;
    } catch (e) {
      await trx
        .rollback()
        .execute()
        .catch(() => undefined);
      throw e;
    }
  }

  /** PostgreSQL: one batch (or lone write) at a time across every server process on the database. */
  private async lock(trx: Transaction<Database>): Promise<void> {
    if (this.dialect === 'postgres')
      await sql`select pg_advisory_xact_lock(${GROUP_COMMIT_LOCK})`.execute(trx);
  }

  private async alone(write: Write<unknown>): Promise<Outcome> {
    try {
      const value = await this.db.transaction().execute(async (trx) => {
        await this.lock(trx);
        return write(trx);
      });
      return { ok: true, value };
    } catch (error) {
      return { ok: false, error };
    }
  }
}
