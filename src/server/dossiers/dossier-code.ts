import { sql, type Kysely } from 'kysely';
import { localDate } from '../../shared/calendar/index.ts';
import type { Database } from '../db/schema.ts';

/** Decision 20/2020/QĐ-TTg agency identifiers: groups of digits/letters joined by dots, at most 35 characters. */
export const AGENCY_CODE_PATTERN = /^[0-9A-Z]+(\.[0-9A-Z]+)*$/;

export const agencySettingKey = (unitCode: string): string => `agency_code:${unitCode}`;

/**
 * The agency identifier that prefixes a unit's dossier codes: the official one set by an administrator, or a
 * configurable fallback `<prefix>.<province>.<unit>` for a commune without one.
 */
export async function agencyCodeOf(
  db: Kysely<Database>,
  unitCode: string,
  provinceCode: string,
  fallbackPrefix: string,
) {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', agencySettingKey(unitCode))
    .executeTakeFirst();
  if (row) return JSON.parse(row.value) as string;
  return `${fallbackPrefix}.${provinceCode}.${unitCode}`;
}

/** Formats `<agency>-<YYMMDD>-<NNNN>` (five digits past 9,999). */
export function formatDossierCode(agencyCode: string, localDay: string, sequence: number): string {
  const yymmdd = localDay.slice(2).replaceAll('-', '');
  return `${agencyCode}-${yymmdd}-${String(sequence).padStart(sequence > 9_999 ? 5 : 4, '0')}`;
}

/**
 * Issues the next dossier code of an agency for the local day of `at` (Decree 118 Art. 28). The counter row is
 * upserted inside the caller's transaction: concurrent intakes serialise on it, and a rolled-back intake gives
 * its number back, so codes are unique and gapless per agency and day.
 */
export async function nextDossierCode(
  trx: Kysely<Database>,
  agencyCode: string,
  at: number,
): Promise<string> {
  const day = localDate(at);
  const row = await trx
    .insertInto('dossier_code_counters')
    .values({ agency_code: agencyCode, day: day.slice(2).replaceAll('-', ''), last_value: 1 })
    .onConflict((oc) =>
      oc
        .columns(['agency_code', 'day'])
        .doUpdateSet({ last_value: sql`dossier_code_counters.last_value + 1` }),
    )
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return formatDossierCode(agencyCode, day, Number(row.last_value));
}
