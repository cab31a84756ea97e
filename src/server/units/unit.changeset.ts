import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.ts';
import { AppError } from '../platform/app-error.ts';
import { planChanges, type ChangePlan } from './unit.changeset-plan.ts';
import {
  closeVersion,
  findChangeSet,
  findVersionHistory,
  findVersions,
  insertChangeSet,
  insertLineage,
  insertVersions,
} from './unit.repository.ts';
import { PROVINCE_TYPES } from './unit.table.ts';
import { AREA_CLASSES } from '../../shared/area/area-limit.ts';

const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const ZCommuneCode = z.string().regex(/^\d{5}$/, '@rule.unitCode');
const ZAnyCode = z.string().regex(/^(\d{2}|\d{5})$/, '@rule.unitCode');
const ZProvinceCode = z.string().regex(/^\d{2}$/, '@rule.provinceCode');
const ZName = z.string().trim().min(3).max(120);

/** Published figures; a field left out keeps its value (update) or is unknown (add, merge); null clears it. */
export const ZUnitProfilePatch = z
  .object({
    areaKm2: z.number().positive().nullable().optional(),
    population: z.number().int().nonnegative().nullable().optional(),
    ethnicMinorityShare: z.number().min(0).max(100).nullable().optional(),
    /** Mountainous, border, island, hardship: selects area limits at intake ([] clears the classification). */
    areaClasses: z.array(z.enum(AREA_CLASSES)).max(AREA_CLASSES.length).optional(),
    /** The act that classified the unit, e.g. "Quyết định 2284/QĐ-UBND ngày 25/11/2025 của UBND tỉnh Lâm Đồng". */
    areaClassSource: z.string().trim().min(3).max(500).nullable().optional(),
  })
  .refine((p) => !p.areaClasses?.length || !!p.areaClassSource, {
    message: '@rule.areaClassSource',
    path: ['areaClassSource'],
  });

export const ZUnitChange = z.discriminatedUnion('kind', [
  /** A new commune (e.g. split off); formerUnits names what it came from, if anything. */
  z.object({
    kind: z.literal('add'),
    code: ZCommuneCode,
    name: ZName,
    provinceCode: ZProvinceCode,
    profile: ZUnitProfilePatch.optional(),
  }),
  /** Same code, new name (the type follows the name: "Xã X" → "Phường X" makes it a ward). */
  z.object({ kind: z.literal('rename'), code: ZAnyCode, name: ZName }),
  /** `from` communes merged into `into` (an existing commune, one of `from`, or a new code). */
  z.object({
    kind: z.literal('merge'),
    from: z.array(ZCommuneCode).min(1),
    into: z.object({
      code: ZCommuneCode,
      name: ZName.optional(),
      provinceCode: ZProvinceCode.optional(),
      profile: ZUnitProfilePatch.optional(),
    }),
  }),
  /** New figures, or a commune moved to another province. */
  z.object({
    kind: z.literal('update'),
    code: ZAnyCode,
    provinceCode: ZProvinceCode.optional(),
    profile: ZUnitProfilePatch.optional(),
  }),
]);

export const ZUnitChangeSet = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{2,63}$/, 'lower-case letters, digits and hyphens'),
  name: z.string().trim().min(3).max(200),
  effectiveDate: ZDate,
  source: z.string().trim().min(3).max(500).describe('The legal act, e.g. "Nghị quyết 1234/NQ-UBTVQH15"'),
  changes: z.array(ZUnitChange).min(1),
});

export type TUnitChange = z.infer<typeof ZUnitChange>;
export type TUnitChangeSet = z.input<typeof ZUnitChangeSet>;

export interface ChangeSetOutcome {
  changeSetId: string;
  status: 'applied' | 'unchanged';
  closed: string[];
  opened: string[];
  lineage: number;
}

const conflict = (reason: string) => new AppError('CONFLICT', { params: { reason } });

/** Refuses a change that would rewrite history: every touched code must have no version starting on or after D. */
async function assertAppendOnly(
  trx: Kysely<Database>,
  codes: string[],
  effectiveDate: string,
): Promise<void> {
  for (const code of codes) {
    const history = await findVersionHistory(trx, code);
    const later = history.find((v) => v.valid_from >= effectiveDate);
    if (later)
      throw conflict(
        `unit ${code} already has a version from ${later.valid_from}; history is never rewritten`,
      );
  }
}

async function writePlan(trx: Kysely<Database>, plan: ChangePlan, effectiveDate: string): Promise<void> {
  for (const id of plan.close) {
    if ((await closeVersion(trx, id, effectiveDate)) !== 1) throw conflict(`version ${id} is no longer open`);
  }
  await insertVersions(trx, plan.open);
  await insertLineage(trx, plan.lineage);
}

/**
 * Applies a later change (e.g. the 30 April 2026 Đồng Nai adjustment) as a NEW change set: the affected versions
 * are closed (valid_to = effective date) and new ones opened (valid_from = effective date); lineage rows record
 * where each former unit went. Nothing already recorded is edited. Idempotent by change set id.
 * Call it inside a transaction.
 */
export async function applyUnitChangeSet(
  trx: Kysely<Database>,
  changeSet: TUnitChangeSet,
  options: { now: number },
): Promise<ChangeSetOutcome> {
  const input = ZUnitChangeSet.parse(changeSet);
  const hash = createHash('sha256').update(JSON.stringify(input)).digest('hex');
  const existing = await findChangeSet(trx, input.id);
  if (existing) {
    const stored = z.object({ hash: z.string() }).loose().safeParse(JSON.parse(existing.report));
    if (stored.success && stored.data.hash === hash)
      return { changeSetId: input.id, status: 'unchanged', closed: [], opened: [], lineage: 0 };
    throw conflict(`change set ${input.id} already exists with other content`);
  }
  const asOf = input.effectiveDate;
  const touched = input.changes.flatMap((c) => (c.kind === 'merge' ? [...c.from, c.into.code] : [c.code]));
  const current = await findVersions(trx, { asOf, codes: [...new Set(touched)] });
  const provinces = await findVersions(trx, { asOf, types: PROVINCE_TYPES });
  const plan = planChanges(input, current, provinces);
  await assertAppendOnly(trx, [...new Set(touched)], asOf);
  const report = {
    hash,
    changes: input.changes.length,
    closed: plan.close,
    opened: plan.open.map((v) => v.id),
  };
  await insertChangeSet(trx, {
    id: input.id,
    name: input.name,
    effective_date: asOf,
    source: input.source,
    report: JSON.stringify(report),
    imported_at: options.now,
  });
  await writePlan(trx, plan, asOf);
  return {
    changeSetId: input.id,
    status: 'applied',
    closed: plan.close,
    opened: report.opened,
    lineage: plan.lineage.length,
  };
}
