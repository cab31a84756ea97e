import { sql, type Kysely } from 'kysely';
import { userNamesByIds } from '../accounts/account.repository.ts';
import type { AssigneeName } from './dossier.presenter.ts';
import type { Database } from '../db/schema.ts';
import { EVERY_TENANT, withinScope, type Scope } from '../platform/tenant.ts';
import { after, type PageKey } from '../platform/cursor.ts';
import type { DossierActionRow, DossierRow, DossierUpdate, NewDossier } from './dossier.table.ts';
import { IN_PROGRESS_STATUSES } from '../../shared/dossier/status.ts';
import type { QueueTab } from '../../shared/dossier/queue.ts';
import { importedActionRows, withImportedDue, type DueRow } from './imported-history.ts';

type Db = Kysely<Database>;

/** A dossier by code, only inside the caller's scope (another commune's dossier does not exist for them). */
export function findDossierByCode(db: Db, code: string, scope: Scope): Promise<DossierRow | undefined> {
  const q = withinScope(db.selectFrom('dossiers').selectAll(), scope).where('code', '=', code);
  return q.executeTakeFirst();
}

/** The queues' sort key for a dossier in `status` (see DossierTable.work_due_at). */
export function workDueOf(status: string, dueAt: number | null, acceptBy: number | null): number | null {
  if (status === 'submitted') return acceptBy;
  return (IN_PROGRESS_STATUSES as readonly string[]).includes(status) ? dueAt : null;
}

export async function insertDossier(db: Db, row: NewDossier): Promise<void> {
  const acceptBy = (JSON.parse(row.data) as { acceptBy?: number | null }).acceptBy ?? null;
  const workDue = workDueOf(row.status, row.due_at ?? null, acceptBy);
  await db
    .insertInto('dossiers')
    .values({ ...row, work_due_at: workDue })
    .execute();
}

/** Optimistic update: only when the dossier still has the action count the caller read. */
export async function updateDossier(
  db: Db,
  id: string,
  expectedActions: number,
  patch: DossierUpdate,
  current?: Pick<DossierRow, 'status' | 'due_at' | 'work_due_at'>,
): Promise<boolean> {
  // The queues' key follows the status and the due in the same statement (an acceptance deadline only at intake).
  const status = patch.status ?? current?.status;
  const workDue =
    current && status !== undefined
      ? status === 'submitted'
        ? current.work_due_at
        : workDueOf(status, patch.due_at !== undefined ? patch.due_at : current.due_at, null)
      : undefined;
  const result = await db
    .updateTable('dossiers')
    .set(workDue === undefined ? patch : { ...patch, work_due_at: workDue })
    .where('id', '=', id)
    .where('action_count', '=', expectedActions)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertAction(db: Db, row: DossierActionRow): Promise<void> {
  await db.insertInto('dossier_actions').values(row).execute();
}

/** Every action of a dossier in order: for an imported one, the former system's history first (seq 1..n). */
export async function listActions(
  db: Db,
  dossier: Pick<DossierRow, 'id' | 'imported_actions'>,
): Promise<DossierActionRow[]> {
  const rows = await db
    .selectFrom('dossier_actions')
    .selectAll()
    .where('dossier_id', '=', dossier.id)
    .orderBy('seq')
    .execute();
  return [...importedActionRows(dossier), ...rows];
}

/** Every due a dossier has had, oldest first (see withImportedDue). */
export async function listDues(
  db: Db,
  dossier: Pick<DossierRow, 'id' | 'source' | 'received_at' | 'due_at'>,
): Promise<DueRow[]> {
  // tenant: the due history of a dossier already read within the caller's scope
  const rows = await db
    .selectFrom('dossier_dues')
    .select(['set_at', 'due_at', 'reason'])
    .where('dossier_id', '=', dossier.id)
    .orderBy('set_at')
    .execute();
  return withImportedDue(dossier, rows);
}

export async function insertDue(
  db: Db,
  dossierId: string,
  unitCode: string,
  setAt: number,
  dueAt: number,
  reason: string,
) {
  await db
    .insertInto('dossier_dues')
    .values({ dossier_id: dossierId, unit_code: unitCode, set_at: setAt, due_at: dueAt, reason })
    .execute();
}

/**
 * A new due from `setAt` (supplement received, extension). An imported dossier whose due never changed has no due
 * rows (imported-history.ts): its receipt due is written first, so that its history stays whole.
 */
export async function changeDue(
  db: Db,
  d: Pick<DossierRow, 'id' | 'unit_code' | 'source' | 'received_at' | 'due_at'>,
  setAt: number,
  dueAt: number,
  reason: 'supplement_received' | 'extended',
): Promise<void> {
  if (d.source === 'import' && d.received_at !== null && d.due_at !== null) {
    // tenant: the due history of a dossier already read within the caller's scope
    const any = await db
      .selectFrom('dossier_dues')
      .select('set_at')
      .where('dossier_id', '=', d.id)
      .limit(1)
      .executeTakeFirst();
    if (!any) await insertDue(db, d.id, d.unit_code, d.received_at, d.due_at, 'import');
  }
  await insertDue(db, d.id, d.unit_code, setAt, dueAt, reason);
}

/** Whether the dossier ever awaited a supplement (a supplement was requested). */
export async function hasSuspension(db: Db, dossierId: string): Promise<boolean> {
  // tenant: the suspensions of a dossier already read within the caller's scope
  const row = await db
    .selectFrom('dossier_suspensions')
    .select('dossier_id')
    .where('dossier_id', '=', dossierId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function openSuspension(db: Db, dossierId: string, unitCode: string, at: number): Promise<void> {
  await db
    .insertInto('dossier_suspensions')
    .values({ dossier_id: dossierId, unit_code: unitCode, started_at: at, ended_at: null })
    .execute();
}

export async function closeSuspension(db: Db, dossierId: string, at: number): Promise<void> {
  await db
    .updateTable('dossier_suspensions')
    .set({ ended_at: at })
    .where('dossier_id', '=', dossierId)
    .where('ended_at', 'is', null)
    .execute();
}

export interface QueueFilter {
  scope: Scope;
  /** The work queue's tab (see QUEUE_TABS); without one, every dossier newest first. */
  tab?: QueueTab;
  /** mine: the caller's id. */
  meId?: string;
  /** overdue, due_soon: the instant judged; due_soon: and the end of its window. */
  now?: number;
  soonBy?: number;
  unitCode?: string;
  status?: string;
  assigneeId?: string;
  dueBefore?: number;
  overdueAt?: number;
  qFolded?: string;
  /** Keyset pagination: rows strictly after this (instant, id) pair in the queue's order. */
  after?: PageKey;
  limit: number;
}

/** The order of a tab: by due (ascending) for work, by creation (newest first) for `all`. */
export const queueOrder = (
  tab: QueueTab | undefined,
): { at: 'work_due_at' | 'created_at'; dir: 'asc' | 'desc' } =>
  tab === undefined || tab === 'all' ? { at: 'created_at', dir: 'desc' } : { at: 'work_due_at', dir: 'asc' };

function queueWhere(db: Db, f: Omit<QueueFilter, 'after' | 'limit'>) {
  let q = withinScope(db.selectFrom('dossiers'), f.scope);
  switch (f.tab) {
    case undefined:
    case 'all':
      break;
    case 'open':
      q = q.where('work_due_at', 'is not', null);
      break;
    case 'mine':
      q = q.where('assignee_id', '=', f.meId ?? '-').where('work_due_at', 'is not', null);
      break;
    case 'awaiting_acceptance':
      q = q.where('status', '=', 'submitted').where('work_due_at', 'is not', null);
      break;
    case 'due_soon':
      q = q
        .where('clock_stopped_at', 'is', null)
        .where('work_due_at', '>=', f.now ?? 0)
        .where('work_due_at', '<', f.soonBy ?? 0);
      break;
    case 'overdue':
      q = q.where('clock_stopped_at', 'is', null).where('work_due_at', '<', f.now ?? 0);
      break;
    case 'awaiting_approval':
      q = q.where('status', '=', 'awaiting_approval').where('work_due_at', 'is not', null);
      break;
  }
  if (f.unitCode) q = q.where('unit_code', '=', f.unitCode);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.assigneeId) q = q.where('assignee_id', '=', f.assigneeId);
  if (f.dueBefore !== undefined) q = q.where('due_at', '<', f.dueBefore);
  if (f.overdueAt !== undefined)
    q = q
      .where('ended_at', 'is', null)
      .where('clock_stopped_at', 'is', null)
      .where('due_at', '<', f.overdueAt);
  if (f.qFolded) q = q.where('search_folded', 'like', `%${f.qFolded.replace(/[%_\\]/g, '')}%`);
  return q;
}

/** One page of a work queue (see QUEUE_TABS), keyset-paginated on the tab's order. */
export function queue(db: Db, f: QueueFilter): Promise<DossierRow[]> {
  const order = queueOrder(f.tab);
  const q = after(queueWhere(db, f).selectAll(), f.after, { at: order.at, id: 'id' }, order.dir);
  return q.orderBy(order.at, order.dir).orderBy('id', order.dir).limit(f.limit).execute();
}

/**
 * How many dossiers a tab holds, counted up to `cap` only (the page shows "99+"): the count reads at most `cap`
 * index entries, whatever the size of the province.
 */
export async function countQueue(
  db: Db,
  f: Omit<QueueFilter, 'after' | 'limit'>,
  cap: number,
): Promise<number> {
  const row = await countQueueQuery(db, f, cap).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The query of `countQueue` (its plans are tested: dossier.queue.plan.test.ts). */
export function countQueueQuery(db: Db, f: Omit<QueueFilter, 'after' | 'limit'>, cap: number) {
  const inner = queueWhere(db, f).select('id').limit(cap);
  return db.selectFrom(inner.as('t')).select((eb) => eb.fn.countAll<number>().as('n'));
}

/** Open dossiers per specialist of a unit, for automatic assignment to the least loaded. */
/** The open dossiers assigned to an officer (oldest receipt first), whose status an `assign` may leave. */
export function openDossiersOf(db: Db, scope: Scope, assigneeId: string): Promise<DossierRow[]> {
  return withinScope(db.selectFrom('dossiers').selectAll(), scope)
    .where('assignee_id', '=', assigneeId)
    .where('ended_at', 'is', null)
    .where('status', 'in', ['received', 'processing', 'awaiting_approval'])
    .orderBy('received_at')
    .orderBy('id')
    .execute();
}

export async function openLoadBySpecialist(db: Db, scope: Scope): Promise<Map<string, number>> {
  const rows = await withinScope(
    db.selectFrom('dossiers').select(['assignee_id', (eb) => eb.fn.countAll<number>().as('n')]),
    scope,
  )
    .where('ended_at', 'is', null)
    .where('assignee_id', 'is not', null)
    .groupBy('assignee_id')
    .execute();
  return new Map(rows.map((r) => [r.assignee_id as string, Number(r.n)]));
}

/** Form 07: the dossiers of a scope received in [fromMs, endMs), by receipt then code, at most `limit`. */
export function registerDossiers(
  db: Db,
  scope: Scope,
  period: { fromMs: number; endMs: number },
  limit: number,
): Promise<DossierRow[]> {
  return withinScope(db.selectFrom('dossiers').selectAll(), scope)
    .where('received_at', '>=', period.fromMs)
    .where('received_at', '<', period.endMs)
    .orderBy('received_at')
    .orderBy('code')
    .limit(limit)
    .execute();
}

/** Codes of the dossiers awaiting a supplement since `before` or earlier: the system's automatic return. */
export interface StaleDossier {
  code: string;
  province_code: string;
}

/**
 * A page of the dossiers waiting for a supplement since `before` or earlier, by code after `after` (keyset: the
 * job walks them in bounded pages, and a dossier that could not be returned is not read again in the same run).
 */
/** The query of `staleSupplementPage` (its plan is tested: the partial index dossiers_supplement_requested). */
export function staleSupplementQuery(db: Db, before: number, page: { after: string | null; limit: number }) {
  // The system returns every commune's stale dossiers.
  let q = withinScope(db.selectFrom('dossiers').select(['code', 'province_code']), EVERY_TENANT)
    // A literal, not a parameter: the partial index dossiers_supplement_requested serves only this status.
    .where(sql<boolean>`status = 'supplement_requested'`)
    .where('clock_stopped_at', '<=', before);
  if (page.after !== null) q = q.where('code', '>', page.after);
  return q.orderBy('code').limit(page.limit);
}

export async function staleSupplementPage(
  db: Db,
  before: number,
  page: { after: string | null; limit: number },
): Promise<StaleDossier[]> {
  return staleSupplementQuery(db, before, page).execute();
}

/** The codes of the dossiers (by id) that petitions and tasks refer to, inside the scope. */
export async function findDossierCodes(
  db: Db,
  ids: readonly string[],
  scope: Scope,
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await withinScope(db.selectFrom('dossiers').select(['id', 'code']), scope)
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((d) => [d.id, d.code]));
}

/** Usernames and display names of assignees, one query for a page of dossiers. */
export async function assigneeNames(db: Db, rows: DossierRow[]): Promise<Map<string, AssigneeName>> {
  const ids = [...new Set(rows.map((r) => r.assignee_id).filter((x): x is string => x !== null))];
  if (!ids.length) return new Map();
  // tenant: the assignees of dossiers already read within the caller's scope
  const users = await userNamesByIds(db, ids, EVERY_TENANT);
  return new Map(users.map((u) => [u.id, { username: u.username, name: u.display_name }]));
}

/** An open dossier's running due and the due row it came from (null when none: imported, never changed). */
export interface OpenDue {
  code: string;
  province_code: string;
  unit_code: string;
  procedure_code: string;
  limit_value: number;
  limit_unit: string;
  limit_cutoff: string | null;
  due_at: number;
  set_at: number | null;
  reason: string | null;
}

/**
 * Open dossiers whose clock runs (received, not ended, not awaiting a supplement), each with its latest due row,
 * in code order: what `motcua calendar check-open` recomputes under the current calendar.
 */
export async function listOpenDues(db: Db, scope: Scope): Promise<OpenDue[]> {
  const rows = await withinScope(
    db
      .selectFrom('dossiers as d')
      .leftJoin('dossier_dues as u', (join) =>
        join.onRef('u.dossier_id', '=', 'd.id').on((eb) =>
          eb(
            'u.set_at',
            '=',
            eb
              .selectFrom('dossier_dues as v')
              .select((v) => v.fn.max('v.set_at').as('m'))
              .whereRef('v.dossier_id', '=', 'd.id'),
          ),
        ),
      )
      .select([
        'd.code',
        'd.province_code',
        'd.unit_code',
        'd.procedure_code',
        'd.limit_value',
        'd.limit_unit',
        'd.limit_cutoff',
        'd.due_at',
        'u.set_at',
        'u.reason',
      ])
      .where('d.ended_at', 'is', null)
      .where('d.received_at', 'is not', null)
      .where('d.clock_stopped_at', 'is', null)
      .where('d.due_at', 'is not', null)
      .orderBy('d.code'),
    scope,
    'd',
  ).execute();
  return rows.map((r) => ({
    ...r,
    due_at: Number(r.due_at),
    set_at: r.set_at === null ? null : Number(r.set_at),
  }));
}

/** The applicant's rating of a dossier (one per source; a second one from the same source replaces nothing). */
export async function insertRating(
  db: Db,
  d: Pick<DossierRow, 'id' | 'province_code' | 'unit_code'>,
  r: { source: 'counter' | 'portal'; rating: number; comment: string | null },
  now: number,
): Promise<void> {
  await db
    .insertInto('dossier_ratings')
    .values({
      dossier_id: d.id,
      province_code: d.province_code,
      unit_code: d.unit_code,
      source: r.source,
      rating: r.rating,
      comment: r.comment,
      rated_at: now,
    })
    .onConflict((oc) => oc.columns(['dossier_id', 'source']).doNothing())
    .execute();
}
