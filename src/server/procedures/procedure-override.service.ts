/**
 * Province overrides of the national catalog: a province sets its own fee, notes and extra components for a
 * procedure, as versions (never edited in place). The legal limit and the competence stay national. The
 * effective procedure of a commune is the national entry with its province's override in force applied.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../accounts/roles.ts';
import { appendAudit } from '../audit/audit.service.ts';
import type { Database } from '../db/schema.ts';
import { AppError, invalidField } from '../platform/app-error.ts';
import { isUniqueViolation } from '../platform/idempotency.ts';
import type { CatalogComponent } from './catalog-data/catalog.types.ts';
import type {
  OverriddenField,
  TExtraComponent,
  TProcedureOverrideUpdate,
} from './procedure-override.schemas.ts';
import * as repo from './procedure.repository.ts';
import type { ProcedureOverrideRow, ProcedureRow } from './procedure.table.ts';

type Db = Kysely<Database>;

/** A component of the effective procedure: the national ones, then the province's additions. */
export interface EffectiveComponent extends CatalogComponent {
  note?: string;
  addedBy: 'national' | 'province';
}

/** What applies to a dossier of this procedure in a province: the dossier keeps it as it was at intake. */
export interface EffectiveTerms {
  fee: { amount: number; text: string };
  notes: string | null;
  components: EffectiveComponent[];
  override: { provinceCode: string; version: number; fields: OverriddenField[] } | null;
}

export interface OverrideValues {
  feeAmount: number | null;
  feeNote: string | null;
  notes: string | null;
  extraComponents: TExtraComponent[];
}

export const valuesOf = (row: ProcedureOverrideRow): OverrideValues => ({
  feeAmount: row.fee_amount === null ? null : Number(row.fee_amount),
  feeNote: row.fee_note,
  notes: row.notes,
  extraComponents: JSON.parse(row.extra_components) as TExtraComponent[],
});

/** "15.000 đồng": the fee text of an overridden amount without a note of its own. */
const amountText = (amount: number): string =>
  amount === 0 ? 'Không thu phí, lệ phí' : `${amount.toLocaleString('vi-VN')} đồng`;

/** The national entry with an override applied (pure): fee and fee text replaced, notes set, components added. */
export function applyOverride(row: ProcedureRow, override: ProcedureOverrideRow | undefined): EffectiveTerms {
  const national = (JSON.parse(row.components) as CatalogComponent[]).map((c): EffectiveComponent => ({
    ...c,
    addedBy: 'national',
  }));
  const base: EffectiveTerms = {
    fee: { amount: row.fee_amount, text: row.fee_text },
    notes: null,
    components: national,
    override: null,
  };
  if (!override) return base;
  const v = valuesOf(override);
  const fields: OverriddenField[] = [];
  if (v.feeAmount !== null) fields.push('fee');
  if (v.feeNote !== null || v.feeAmount !== null) fields.push('feeText');
  if (v.notes !== null) fields.push('notes');
  if (v.extraComponents.length) fields.push('components');
  if (!fields.length) return base; // a version that went back to the national entry
  const amount = v.feeAmount ?? row.fee_amount;
  return {
    fee: { amount, text: v.feeNote ?? (v.feeAmount !== null ? amountText(amount) : row.fee_text) },
    notes: v.notes,
    components: [
      ...national,
      ...v.extraComponents.map((c): EffectiveComponent => ({
        name: c.name,
        copies: 1,
        kind: 'original_or_copy',
        required: c.required,
        ...(c.note ? { note: c.note } : {}),
        addedBy: 'province',
      })),
    ],
    override: { provinceCode: override.province_code, version: override.version, fields },
  };
}

/** The effective terms of a procedure in a province (none given: the national entry as it is). */
export async function effectiveTerms(
  db: Db,
  row: ProcedureRow,
  provinceCode: string | null | undefined,
): Promise<EffectiveTerms> {
  if (!provinceCode) return applyOverride(row, undefined);
  return applyOverride(row, await repo.findCurrentOverride(db, provinceCode, row.code));
}

/** The effective terms of many procedures in one province, with one query for the province's overrides. */
export async function effectiveTermsOfAll(
  db: Db,
  rows: ProcedureRow[],
  provinceCode: string | null | undefined,
): Promise<EffectiveTerms[]> {
  const overrides = provinceCode ? await repo.listCurrentOverrides(db, provinceCode) : [];
  const byCode = new Map(overrides.map((o) => [o.procedure_code, o]));
  return rows.map((r) => applyOverride(r, byCode.get(r.code)));
}

export interface OverrideHistory {
  version: number;
  current: ProcedureOverrideRow | null;
  history: ProcedureOverrideRow[];
}

export async function overrideHistory(
  db: Db,
  provinceCode: string,
  procedureCode: string,
): Promise<OverrideHistory> {
  const history = await repo.listOverrideVersions(db, provinceCode, procedureCode);
  return { version: history[0]?.version ?? 0, current: history[0] ?? null, history };
}

/** What the audit entry says of a version: the values, the notes cut short. */
function summary(v: OverrideValues | null): Record<string, unknown> | null {
  if (!v) return null;
  return {
    feeAmount: v.feeAmount,
    feeNote: v.feeNote,
    notes: v.notes && v.notes.length > 200 ? `${v.notes.slice(0, 200)}…` : v.notes,
    extraComponents: v.extraComponents.map((c) => c.name),
  };
}

/**
 * Saves a new version of a province's override of a procedure, audited (`catalog.override`, before and after) in
 * the caller's transaction. `expectedVersion` must be the version in force (0: none), else 409; an empty version
 * (every field null, no extra component) reverts to the national entry, keeping the history.
 */
export async function saveOverride(
  trx: Db,
  actor: Actor,
  provinceCode: string,
  procedure: ProcedureRow,
  input: Pick<TProcedureOverrideUpdate, 'expectedVersion'> & OverrideValues,
  now: number,
): Promise<ProcedureOverrideRow> {
  const national = new Set(
    (JSON.parse(procedure.components) as CatalogComponent[]).map((c) =>
      c.name.normalize('NFC').toLocaleLowerCase('vi'),
    ),
  );
  input.extraComponents.forEach((c, i) => {
    if (national.has(c.name.normalize('NFC').toLocaleLowerCase('vi')))
      throw invalidField(
        `extraComponents.${i}.name`,
        'catalog.component_national',
        '@catalog.component_national',
      );
  });
  const previous = await repo.findCurrentOverride(trx, provinceCode, procedure.code);
  const current = previous?.version ?? 0;
  if (input.expectedVersion !== current) throw versionConflict(input.expectedVersion, current);
  const row = {
    province_code: provinceCode,
    procedure_code: procedure.code,
    version: current + 1,
    fee_amount: input.feeAmount,
    fee_note: input.feeNote,
    notes: input.notes,
    extra_components: JSON.stringify(
      input.extraComponents.map((c) => ({
        name: c.name.normalize('NFC'),
        ...(c.note ? { note: c.note.normalize('NFC') } : {}),
        required: c.required,
      })),
    ),
    effective_from: now,
    created_by: actor.username,
    created_at: now,
  };
  try {
    await repo.insertOverride(trx, row);
  } catch (e) {
    // Another editor saved the same version between our read and our write.
    if (isUniqueViolation(e)) throw versionConflict(input.expectedVersion, current + 1);
    throw e;
  }
  await appendAudit(
    trx,
    {
      actor,
      action: 'catalog.override',
      targetType: 'procedure',
      targetId: procedure.code,
      provinceCode,
      details: {
        version: row.version,
        before: previous ? summary(valuesOf(previous)) : null,
        after: summary(valuesOf(row)),
      },
    },
    now,
  );
  return row;
}

const versionConflict = (expected: number, current: number): AppError =>
  new AppError('CONFLICT', {
    params: { reason: `the province's override is at version ${current}, not ${expected}; reload and retry` },
    details: { expectedVersion: expected, currentVersion: current },
  });

/** A refused attempt on the catalog: the national entry (`catalog.edit`) or a province's override. */
export interface CatalogRefusal {
  action: 'catalog.edit' | 'catalog.override';
  attempt: 'import' | 'override' | 'revert';
  target: string;
  provinceCode?: string;
}

/**
 * Writes `catalog.edit_refused` / `catalog.override_refused` in a transaction of its own (the request fails with
 * 403, the refusal is kept), in the chain of the province attempted, else of the actor's province.
 */
export async function auditCatalogRefusal(
  db: Db,
  actor: Actor,
  refusal: CatalogRefusal,
  ip: string,
  now: number,
): Promise<void> {
  await db.transaction().execute((trx) =>
    appendAudit(
      trx,
      {
        actor,
        action: `${refusal.action}_refused`,
        targetType: 'procedure',
        targetId: refusal.target,
        provinceCode: refusal.provinceCode ?? (actor.provinceCode || null),
        ip,
        details: { attempt: refusal.attempt, roles: actor.roles, province: refusal.provinceCode ?? null },
      },
      now,
    ),
  );
}
