import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { eachItem } from '../platform/job-runner.ts';
import { applyAction } from './dossier.action.service.ts';
import { SUPPLEMENT_WAIT_DAYS } from './dossier.rules.ts';
import { staleSupplementCodes } from './dossier.repository.ts';

const DAY = 86_400_000;

/**
 * Closes (returns) every dossier that has waited SUPPLEMENT_WAIT_DAYS days for a supplement (Decree 118
 * Art. 19). Each dossier in its own transaction, as a system action in its log; one that fails (e.g. changed
 * meanwhile) is counted and the others are still returned.
 */
export async function returnStaleSupplements(
  db: Kysely<Database>,
  now: number,
  onError: (code: string, error: unknown) => void = () => {},
): Promise<string[]> {
  const stale = await staleSupplementCodes(db, now - SUPPLEMENT_WAIT_DAYS * DAY);
  const codes: string[] = [];
  await eachItem(
    stale,
    async (code) => {
      await db
        .transaction()
        .execute((trx) => applyAction(trx, null, code, { type: 'auto_return' }, { now, system: true }));
      codes.push(code);
    },
    onError,
  );
  return codes;
}
