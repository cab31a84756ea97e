import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { applyAction } from './dossier.action.service.ts';
import { SUPPLEMENT_WAIT_DAYS } from './dossier.rules.ts';
import { staleSupplementPage, type StaleDossier } from './dossier.repository.ts';

const DAY = 86_400_000;

/**
 * Dossiers returned per transaction. After a large import thousands may be due at once (3,831 at the benchmark's
 * first start, docs/PERFORMANCE.md): one transaction each paid one fsync each, and the run held the server for a
 * minute. A batch shares one commit, and the event loop is given back between batches, so requests are answered
 * meanwhile; 25 keeps one batch to a few tens of milliseconds of the request thread.
 */
export const RETURN_BATCH_SIZE = 25;

export interface ReturnOptions {
  onError?: (code: string, error: unknown) => void;
  batchSize?: number;
  /** Called after each batch committed, with the codes it returned (the tests watch the batches). */
  onBatch?: (codes: string[]) => void;
}

/** Deadlock or serialization failure (PostgreSQL): worth one more try, alone. */
const isRetryable = (e: unknown): boolean => {
  const code = (e as { code?: string } | null)?.code;
  return code === '40P01' || code === '40001';
};

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

const autoReturn = (trx: Transaction<Database> | Kysely<Database>, code: string, now: number) =>
  applyAction(trx, null, code, { type: 'auto_return' }, { now, system: true });

/** Consecutive dossiers of one province: a batch appends to one audit chain only, as a single return did. */
function byProvince(page: StaleDossier[], size: number): string[][] {
  const runs: string[][] = [];
  let province: string | null = null;
  for (const d of page) {
    const last = runs.at(-1);
    if (last && d.province_code === province && last.length < size) last.push(d.code);
    else runs.push([d.code]);
    province = d.province_code;
  }
  return runs;
}

/**
 * Returns one batch in one transaction, each dossier in its own savepoint: one that fails is rolled back alone
 * (a deadlock is tried once more in a transaction of its own), the others are committed together. Returns the
 * codes returned and the failures.
 */
async function returnBatch(
  db: Kysely<Database>,
  codes: string[],
  now: number,
): Promise<{ returned: string[]; failed: { code: string; error: unknown }[] }> {
  const returned: string[] = [];
  const failed: { code: string; error: unknown }[] = [];
  const retry: string[] = [];
  const trx = await db.startTransaction().execute();
  try {
    for (let i = 0; i < codes.length; i++) {
      const code = codes[i]!;
      const name = `r${i}`;
      const sp = await trx.savepoint(name).execute();
      try {
        await autoReturn(sp, code, now);
        await sp.releaseSavepoint(name).execute();
        returned.push(code);
      } catch (error) {
        await sp.rollbackToSavepoint(name).execute();
        if (isRetryable(error)) retry.push(code);
        else failed.push({ code, error });
      }
    }
    await trx.commit().execute();
  } catch {
    await trx
      .rollback()
      .execute()
      .catch(() => undefined);
    // Nothing of the batch was written: each dossier again, alone.
    returned.length = 0;
    failed.length = 0;
    retry.splice(0, retry.length, ...codes);
  }
  for (const code of retry) {
    try {
      await db.transaction().execute((t) => autoReturn(t, code, now));
      returned.push(code);
    } catch (error) {
      failed.push({ code, error });
    }
  }
  return { returned, failed };
}

/**
 * Closes (returns) every dossier that has waited SUPPLEMENT_WAIT_DAYS days for a supplement (Decree 118
 * Art. 19), each as a system action in its log. In bounded batches (RETURN_BATCH_SIZE, one province each), one
 * transaction per batch, the event loop given back between batches; the dossiers read page by page. One that
 * fails (e.g. changed meanwhile) is counted and the others are still returned.
 */
export async function returnStaleSupplements(
  db: Kysely<Database>,
  now: number,
  options: ReturnOptions = {},
): Promise<string[]> {
  const size = Math.max(1, options.batchSize ?? RETURN_BATCH_SIZE);
  const before = now - SUPPLEMENT_WAIT_DAYS * DAY;
  const codes: string[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await staleSupplementPage(db, before, { after, limit: size });
    if (page.length === 0) break;
    after = page.at(-1)!.code;
    for (const batch of byProvince(page, size)) {
      const { returned, failed } = await returnBatch(db, batch, now);
      codes.push(...returned);
      for (const f of failed) options.onError?.(f.code, f.error);
      options.onBatch?.(returned);
      await yieldToEventLoop();
    }
  }
  return codes;
}
