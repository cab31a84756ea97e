import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const IN_PROGRESS = ['received', 'processing', 'supplement_requested', 'awaiting_approval'];

/**
 * The work queues (issue 12): `work_due_at` is the instant by which the next step is due while a dossier is open —
 * an online submission's acceptance deadline (8 working hours, Decree 118/2025 Art. 17.2), a received dossier's
 * due — and null once it is no longer anyone's work (ended, not received). The queues sort and filter on it; the
 * indexes serve every tab within a commune, a province, and an officer's own dossiers.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('dossiers').addColumn('work_due_at', 'bigint').execute();
  await db
    .updateTable('dossiers')
    .set((eb) => ({ work_due_at: eb.ref('due_at') }))
    .where('status', 'in', IN_PROGRESS)
    .execute();
  // An online submission's deadline was written at submission (data.acceptBy), in working hours of its province.
  const submitted = (await db
    .selectFrom('dossiers')
    .select(['id', 'data', 'created_at'])
    .where('status', '=', 'submitted')
    .execute()) as { id: string; data: string; created_at: number | string }[];
  for (const row of submitted) {
    const acceptBy = (JSON.parse(row.data) as { acceptBy?: number }).acceptBy ?? Number(row.created_at);
    await db.updateTable('dossiers').set({ work_due_at: acceptBy }).where('id', '=', row.id).execute();
  }
  const idx = (name: string, columns: string[]) =>
    db.schema.createIndex(name).on('dossiers').columns(columns).execute();
  await idx('dossiers_unit_work_due', ['unit_code', 'work_due_at', 'id']);
  await idx('dossiers_province_work_due', ['province_code', 'work_due_at', 'id']);
  await idx('dossiers_assignee_work_due', ['assignee_id', 'work_due_at', 'id']);
  await idx('dossiers_unit_created', ['unit_code', 'created_at', 'id']);
  await idx('dossiers_province_created', ['province_code', 'created_at', 'id']);
}

export async function down(db: AnyDb): Promise<void> {
  for (const name of [
    'dossiers_unit_work_due',
    'dossiers_province_work_due',
    'dossiers_assignee_work_due',
    'dossiers_unit_created',
    'dossiers_province_created',
  ])
    await db.schema.dropIndex(name).ifExists().execute();
  await db.schema.alterTable('dossiers').dropColumn('work_due_at').execute();
}
