import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { withinScope, type Scope } from '../platform/tenant.ts';
import type { NewSigningCertificate, SigningCertificateRow } from './signing.table.ts';

type Db = Kysely<Database>;

/**
 * Adds a certificate as the active one of its unit and account: the one active before (same unit, same account or
 * both unit-wide) is marked replaced at `now`, kept. Call inside a transaction.
 */
export async function insertActiveCertificate(
  trx: Db,
  row: NewSigningCertificate,
  now: number,
): Promise<void> {
  let replace = trx
    .updateTable('signing_certificates')
    .set({ replaced_at: now })
    .where('unit_code', '=', row.unit_code)
    .where('replaced_at', 'is', null);
  replace = row.account_id
    ? replace.where('account_id', '=', row.account_id)
    : replace.where('account_id', 'is', null);
  await replace.execute();
  await trx.insertInto('signing_certificates').values(row).execute();
}

/** The active certificate of a unit (accountId null) or of one account in it. */
export function findActiveCertificate(
  db: Db,
  unitCode: string,
  accountId: string | null,
): Promise<SigningCertificateRow | undefined> {
  const query = db
    // tenant: the unit is the one being signed for (the approving leader's or the notice's), already in scope
    .selectFrom('signing_certificates')
    .selectAll()
    .where('unit_code', '=', unitCode)
    .where('replaced_at', 'is', null);
  return (accountId ? query.where('account_id', '=', accountId) : query.where('account_id', 'is', null))
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

/** Every certificate (active and replaced) within the scope, newest first, without the key material. */
export function listCertificates(db: Db, scope: Scope, unitCode?: string) {
  let query = withinScope(
    db
      .selectFrom('signing_certificates')
      .leftJoin('users', 'users.id', 'signing_certificates.account_id')
      .select([
        'signing_certificates.id',
        'signing_certificates.kind',
        'signing_certificates.unit_code',
        'signing_certificates.province_code',
        'signing_certificates.account_id',
        'users.username',
        'signing_certificates.subject',
        'signing_certificates.issuer',
        'signing_certificates.serial',
        'signing_certificates.not_before',
        'signing_certificates.not_after',
        'signing_certificates.fingerprint',
        'signing_certificates.created_by',
        'signing_certificates.created_at',
        'signing_certificates.replaced_at',
      ]),
    scope,
    'signing_certificates',
  );
  if (unitCode) query = query.where('signing_certificates.unit_code', '=', unitCode);
  return query.orderBy('signing_certificates.created_at', 'desc').limit(500).execute();
}

/** An account's username (the signers file names accounts by username). */
export async function usernameOf(db: Db, accountId: string): Promise<string | undefined> {
  const row = await db
    // tenant: the approving leader's own account, already authenticated
    .selectFrom('users')
    .select('username')
    .where('id', '=', accountId)
    .executeTakeFirst();
  return row?.username;
}
