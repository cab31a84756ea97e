/** All SQL of citizen reception: the weekly slots, their exceptions and the reception register. */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { after, type PageKey } from '../platform/cursor.ts';
import { scopeSql, whereUnitOrProvince, withinScope, type Scope } from '../platform/tenant.ts';
import type {
  NewReception,
  ReceptionExceptionRow,
  ReceptionRow,
  ReceptionSlotRow,
  ReceptionUpdate,
} from './reception.table.ts';

type Db = Kysely<Database>;

export function findSlots(db: Db, unitCode: string, scope: Scope): Promise<ReceptionSlotRow[]> {
  return withinScope(db.selectFrom('reception_slots').selectAll(), scope)
    .where('unit_code', '=', unitCode)
    .orderBy('weekday')
    .orderBy('from_time')
    .execute();
}

export function findExceptions(
  db: Db,
  unitCode: string,
  scope: Scope,
  range?: { from: string; to: string },
): Promise<ReceptionExceptionRow[]> {
  let q = withinScope(db.selectFrom('reception_exceptions').selectAll(), scope).where(
    'unit_code',
    '=',
    unitCode,
  );
  if (range) q = q.where('date', '>=', range.from).where('date', '<=', range.to);
  return q.orderBy('date').orderBy('from_time').execute();
}

/** The settings key that holds a commune's schedule version (and serialises its writers). */
export const scheduleVersionKey = (unitCode: string): string => `reception_schedule:${unitCode}`;

/**
 * Takes the commune's schedule lock and moves its version on by one (the caller's transaction): the upsert locks the
 * settings row, so a concurrent save waits and then replaces what this one wrote, never mixing the two.
 */
export async function nextScheduleVersion(trx: Db, unitCode: string, now: number): Promise<number> {
  const key = scheduleVersionKey(unitCode);
  await trx
    .insertInto('settings')
    .values({ key, value: '0', updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ updated_at: now }))
    .execute();
  const row = await trx
    .selectFrom('settings')
    .select('value')
    .where('key', '=', key)
    .executeTakeFirstOrThrow();
  const version = Number(row.value) + 1;
  await trx
    .updateTable('settings')
    .set({ value: String(version) })
    .where('key', '=', key)
    .execute();
  return version;
}

/** The commune's schedule version (0: never saved). */
export async function scheduleVersion(db: Db, unitCode: string): Promise<number> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', scheduleVersionKey(unitCode))
    .executeTakeFirst();
  return row ? Number(row.value) : 0;
}

/** Replaces a commune's schedule: its slots and exceptions, in the caller's transaction. */
export async function replaceSchedule(
  trx: Db,
  tenant: { provinceCode: string; unitCode: string },
  slots: Omit<ReceptionSlotRow, 'province_code' | 'unit_code'>[],
  exceptions: Omit<ReceptionExceptionRow, 'province_code' | 'unit_code'>[],
): Promise<void> {
  const keys = { province_code: tenant.provinceCode, unit_code: tenant.unitCode };
  await trx.deleteFrom('reception_slots').where('unit_code', '=', tenant.unitCode).execute();
  await trx.deleteFrom('reception_exceptions').where('unit_code', '=', tenant.unitCode).execute();
  if (slots.length)
    await trx
      .insertInto('reception_slots')
      .values(slots.map((s) => ({ ...s, ...keys })))
      .execute();
  if (exceptions.length)
    await trx
      .insertInto('reception_exceptions')
      .values(exceptions.map((e) => ({ ...e, ...keys })))
      .execute();
}

export async function insertReception(db: Db, row: NewReception): Promise<void> {
  await db.insertInto('receptions').values(row).execute();
}

/** A reception by its register number, only inside the scope. */
export function findReceptionByCode(db: Db, code: string, scope: Scope): Promise<ReceptionRow | undefined> {
  return withinScope(db.selectFrom('receptions').selectAll(), scope)
    .where('code', '=', code)
    .executeTakeFirst();
}

/** Records the reply once: only while none is recorded (a second reply is a conflict, not an overwrite). */
export async function recordReply(db: Db, id: string, patch: ReceptionUpdate): Promise<boolean> {
  const result = await db
    .updateTable('receptions')
    .set(patch)
    .where('id', '=', id)
    .where('replied_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface ReceptionFilter {
  scope: Scope;
  unit?: string;
  kind?: string;
  handling?: string;
  overdueAt?: number;
  after?: PageKey;
  limit: number;
}

/** The register: newest reception first, keyset-paginated on (received_at, id). */
export function findReceptions(db: Db, f: ReceptionFilter): Promise<ReceptionRow[]> {
  let q = withinScope(db.selectFrom('receptions').selectAll(), f.scope);
  if (f.unit) q = whereUnitOrProvince(q, f.unit);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.handling) q = q.where('handling', '=', f.handling);
  const now = f.overdueAt;
  if (now !== undefined) q = q.where('replied_at', 'is', null).where('reply_by', '<', now);
  q = after(q, f.after, { at: 'received_at', id: 'id' });
  return q.orderBy('received_at', 'desc').orderBy('id', 'desc').limit(f.limit).execute();
}

/** The petitions' codes by id (the receptions that created one), inside the scope. */
export async function petitionCodes(db: Db, ids: string[], scope: Scope): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await withinScope(db.selectFrom('petitions').select(['id', 'code']), scope)
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.code]));
}

export interface ReceptionCountRow {
  kind: string;
  handling: string;
  receptions: number;
  delegations: number;
  people: number;
  overdue: number;
}

/**
 * The receptions of a period, counted by kind and handling: how many, how many delegations and people, and how
 * many replies were overdue at `at` (due before it and not given by it).
 */
export async function countReceptions(
  db: Db,
  scope: Scope,
  bounds: { fromMs: number; endMs: number },
  at: number,
): Promise<ReceptionCountRow[]> {
  const { rows } = await sql<{
    kind: string;
    handling: string;
    receptions: number | string;
    delegations: number | string;
    people: number | string;
    overdue: number | string;
  }>`select r.kind, r.handling, count(*) as receptions,
      sum(case when r.people_count >= 5 then 1 else 0 end) as delegations,
      sum(r.people_count) as people,
      sum(case when r.reply_by is not null and r.reply_by < ${at}
        and (r.replied_at is null or r.replied_at > ${at}) then 1 else 0 end) as overdue
    from receptions r
    where ${scopeSql(scope, 'r')} and r.received_at >= ${bounds.fromMs} and r.received_at < ${bounds.endMs}
    group by r.kind, r.handling`.execute(db);
  return rows.map((r) => ({
    kind: r.kind,
    handling: r.handling,
    receptions: Number(r.receptions),
    delegations: Number(r.delegations),
    people: Number(r.people),
    overdue: Number(r.overdue),
  }));
}
