import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Clock } from '../platform/clock.ts';
import { applyAction } from './dossier.actions.ts';
import { SUPPLEMENT_WAIT_DAYS } from './dossier.rules.ts';

const DAY = 86_400_000;

/**
 * Closes (returns) every dossier that has waited SUPPLEMENT_WAIT_DAYS days for a supplement (Decree 118
 * Art. 19). Each dossier in its own transaction, as a system action in its log. Returns the codes closed.
 */
export async function returnStaleSupplements(db: Kysely<Database>, now: number): Promise<string[]> {
  const stale = await db
    .selectFrom('dossiers')
    .select('code')
    .where('status', '=', 'supplement_requested')
    .where('clock_stopped_at', '<=', now - SUPPLEMENT_WAIT_DAYS * DAY)
    .execute();
  const closed: string[] = [];
  for (const { code } of stale) {
    await db
      .transaction()
      .execute((trx) => applyAction(trx, null, code, { type: 'auto_return' }, { now, system: true }));
    closed.push(code);
  }
  return closed;
}

/** Runs the dossier jobs now and then every `intervalMs`; returns a stop function. */
export function scheduleDossierJobs(
  db: Kysely<Database>,
  clock: Clock,
  log: (msg: string) => void,
  intervalMs = 15 * 60_000,
): () => void {
  const run = () =>
    returnStaleSupplements(db, clock.now())
      .then(
        (codes) =>
          codes.length && log(`Returned ${codes.length} dossier(s) without supplement: ${codes.join(', ')}`),
      )
      .catch((e: unknown) => log(`Dossier jobs failed: ${e instanceof Error ? e.message : String(e)}`));
  void run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
