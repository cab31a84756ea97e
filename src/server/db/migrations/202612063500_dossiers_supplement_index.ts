import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * The stale-supplement job (dossier.return.job.ts) reads every commune's dossiers waiting for a supplement, by code.
 * Without an index for it SQLite walked all dossiers in code order (2.6 s at 1,000,000 dossiers, on the request
 * thread, every run of the job). A partial index holds only the dossiers in that status: small, and untouched by
 * every other dossier's writes. The query names the status as a literal so both planners can use it.
 */
export async function up(db: AnyDb): Promise<void> {
  await sql`create index dossiers_supplement_requested on dossiers (code) where status = 'supplement_requested'`.execute(
    db,
  );
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('dossiers_supplement_requested').ifExists().execute();
}
