import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * Denunciations after the Law on Denunciation 2018 Art. 24 and 30 (issue 11): `multi_place` marks a denunciation
 * whose conditions must be checked in several places (10 working days to accept instead of 7), and `complex` takes
 * three levels for denunciations, 0 ordinary (no extension), 1 complex (one), 2 especially complex (two). The flag
 * stored before meant "very complex", so denunciations flagged 1 become 2.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('petitions')
    .addColumn('multi_place', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`update petitions set complex = 2 where kind = 'denunciation' and complex = 1`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  await sql`update petitions set complex = 1 where kind = 'denunciation' and complex = 2`.execute(db);
  await db.schema.alterTable('petitions').dropColumn('multi_place').execute();
}
