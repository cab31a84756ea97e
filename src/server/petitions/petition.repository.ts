/** All SQL of petitions: the petitions and petition_actions tables, their province's rules, their dossiers' codes. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { after, type PageKey } from '../platform/cursor.ts';
import { whereUnitOrProvince, withinScope, type Scope } from '../platform/tenant.ts';
import type {
  NewPetition,
  NewPetitionAction,
  PetitionActionRow,
  PetitionRow,
  PetitionUpdate,
} from './petition.table.ts';

type Db = Kysely<Database>;

/** A petition by code, only inside the scope (another commune's petition does not exist for its caller). */
export function findPetitionByCode(db: Db, code: string, scope: Scope): Promise<PetitionRow | undefined> {
  return withinScope(db.selectFrom('petitions').selectAll(), scope)
    .where('code', '=', code)
    .executeTakeFirst();
}

export async function insertPetition(db: Db, row: NewPetition): Promise<void> {
  await db.insertInto('petitions').values(row).execute();
}

/** Optimistic update: only when the petition still has the action count the caller read. */
export async function updatePetition(
  db: Db,
  id: string,
  expectedActions: number,
  patch: PetitionUpdate,
): Promise<boolean> {
  const result = await db
    .updateTable('petitions')
    .set(patch)
    .where('id', '=', id)
    .where('action_count', '=', expectedActions)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertPetitionAction(db: Db, row: NewPetitionAction): Promise<void> {
  await db.insertInto('petition_actions').values(row).execute();
}

/** A petition's log, in order. */
export function listPetitionActions(db: Db, petitionId: string): Promise<PetitionActionRow[]> {
  return db
    .selectFrom('petition_actions')
    .selectAll()
    .where('petition_id', '=', petitionId)
    .orderBy('seq')
    .execute();
}

export interface PetitionFilter {
  scope: Scope;
  /** A province (2 digits) or a commune (5 digits). */
  unit?: string;
  kind?: string;
  status?: string;
  /** Only the petitions whose pending deadline (nextDeadline) has passed at this instant. */
  overdueAt?: number;
  /** Keyset pagination: rows strictly after this (received_at, id), newest first. */
  after?: PageKey;
  limit: number;
}

/** The register: newest receipt first, keyset-paginated on (received_at, id). */
export function findPetitions(db: Db, f: PetitionFilter): Promise<PetitionRow[]> {
  let q = withinScope(db.selectFrom('petitions').selectAll(), f.scope);
  if (f.unit) q = whereUnitOrProvince(q, f.unit);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.status) q = q.where('status', '=', f.status);
  const now = f.overdueAt;
  if (now !== undefined)
    q = q.where((eb) =>
      eb.or([
        eb.and([eb('status', 'in', ['received', 'more_info_requested']), eb('respond_by', '<', now)]),
        eb.and([eb('status', '=', 'accepted'), eb('due_at', '<', now)]),
        eb.and([
          eb('status', '=', 'resolved'),
          eb('kind', '=', 'feedback'),
          eb('published_at', 'is', null),
          eb('publish_by', '<', now),
        ]),
      ]),
    );
  q = after(q, f.after, { at: 'received_at', id: 'id' });
  return q.orderBy('received_at', 'desc').orderBy('id', 'desc').limit(f.limit).execute();
}

/** The settings key of a province's petition time limits. */
export const rulesSettingKey = (provinceCode: string): string => `petition_rules:${provinceCode}`;

/** The province's override of the petition time limits (parsed JSON), or undefined when it has none. */
export async function findRulesOverride(db: Db, provinceCode: string): Promise<unknown> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', rulesSettingKey(provinceCode))
    .executeTakeFirst();
  return row ? (JSON.parse(row.value) as unknown) : undefined;
}

/** Replaces the province's override of the petition time limits. */
export async function saveRulesOverride(
  db: Db,
  provinceCode: string,
  override: object,
  now: number,
): Promise<void> {
  const value = JSON.stringify(override);
  await db
    .insertInto('settings')
    .values({ key: rulesSettingKey(provinceCode), value, updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now }))
    .execute();
}
