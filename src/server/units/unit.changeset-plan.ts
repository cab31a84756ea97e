import type { z } from 'zod';
import { foldVietnamese } from '../../shared/text/fold.ts';
import { invalidField } from '../platform/app-error.ts';
import type { ZUnitChangeSet, ZUnitProfilePatch } from './unit.changeset.ts';
import { communeTypeOf, provinceTypeOf } from './unit.names.ts';
import {
  COMMUNE_TYPES,
  type NewUnitLineage,
  type NewUnitVersion,
  type UnitVersionRow,
} from './unit.table.ts';

type ChangeSet = z.output<typeof ZUnitChangeSet>;
type ProfilePatch = z.output<typeof ZUnitProfilePatch>;

/** What a change set does, computed before anything is written. */
export interface ChangePlan {
  /** Ids of the versions to close (valid_to = effective date). */
  close: string[];
  open: NewUnitVersion[];
  lineage: NewUnitLineage[];
}

interface Ctx {
  set: ChangeSet;
  current: Map<string, UnitVersionRow>;
  provinceName: Map<string, string>;
  plan: ChangePlan;
}

function must(ctx: Ctx, code: string, path: string): UnitVersionRow {
  const v = ctx.current.get(code);
  if (!v)
    throw invalidField(path, 'unit.not_current', `unit ${code} is not in force on ${ctx.set.effectiveDate}`);
  return v;
}

function typeFromName(name: string, commune: boolean, path: string) {
  const type = commune ? communeTypeOf(name) : provinceTypeOf(name);
  if (type === null)
    throw invalidField(path, 'unit.name_type', `"${name}" does not start with a unit-type word`);
  return type;
}

function profileOf(patch: ProfilePatch | undefined, base: UnitVersionRow | null) {
  const keep = <T>(value: T | null | undefined, old: T | null | undefined): T | null =>
    value === undefined ? (old ?? null) : value;
  return {
    area_km2: keep(patch?.areaKm2, base?.area_km2),
    population: keep(patch?.population, base?.population),
    ethnic_minority_share: keep(patch?.ethnicMinorityShare, base?.ethnic_minority_share),
    // The area classification carries over to the next version unless the change set sets it.
    area_classes:
      patch?.areaClasses === undefined ? (base?.area_classes ?? '[]') : JSON.stringify(patch.areaClasses),
    area_class_source:
      patch?.areaClasses === undefined
        ? (base?.area_class_source ?? null)
        : patch.areaClasses.length
          ? (patch.areaClassSource ?? null)
          : null,
  };
}

function open(
  ctx: Ctx,
  v: Omit<NewUnitVersion, 'id' | 'valid_from' | 'valid_to' | 'change_set_id' | 'name_folded'>,
) {
  const { id, effectiveDate } = ctx.set;
  ctx.plan.open.push({
    ...v,
    id: `${v.code}@${effectiveDate}`,
    name_folded: foldVietnamese(v.name),
    valid_from: effectiveDate,
    valid_to: null,
    change_set_id: id,
  });
}

function close(ctx: Ctx, v: UnitVersionRow): void {
  ctx.plan.close.push(v.id);
}

function lineage(ctx: Ctx, former: UnitVersionRow, currentCode: string): void {
  const { id, effectiveDate } = ctx.set;
  ctx.plan.lineage.push({
    id: `${former.code}>${currentCode}@${effectiveDate}`,
    former_code: former.code,
    former_name: former.name,
    former_name_folded: foldVietnamese(former.name),
    former_district_name: null,
    former_province_name: ctx.provinceName.get(former.province_code) ?? null,
    current_code: currentCode,
    effective_from: effectiveDate,
    change_set_id: id,
    partial: 0,
  });
}

const isCommune = (v: UnitVersionRow) => (COMMUNE_TYPES as readonly string[]).includes(v.type);

function planMerge(ctx: Ctx, change: Extract<ChangeSet['changes'][number], { kind: 'merge' }>, path: string) {
  const from = change.from.map((code, i) => must(ctx, code, `${path}.from.${i}`));
  const into = ctx.current.get(change.into.code) ?? null;
  const parts = into && !change.from.includes(into.code) ? [into, ...from] : from;
  if (!parts.every(isCommune)) throw invalidField(path, 'unit.merge_commune', 'only communes can be merged');
  const provinces = new Set(parts.map((p) => p.province_code));
  const provinceCode =
    change.into.provinceCode ?? into?.province_code ?? (provinces.size === 1 ? [...provinces][0] : undefined);
  if (!provinceCode || !ctx.provinceName.has(provinceCode))
    throw invalidField(`${path}.into.provinceCode`, 'unit.province', 'give the province of the merged unit');
  const name = change.into.name ?? into?.name;
  if (!name) throw invalidField(`${path}.into.name`, 'unit.name', 'a new unit needs a name');
  for (const p of parts) close(ctx, p);
  const figures = profileOf(change.into.profile, null);
  open(ctx, {
    code: change.into.code,
    name,
    type: typeFromName(name, true, `${path}.into.name`),
    province_code: provinceCode,
    ...figures,
  });
  for (const p of parts) lineage(ctx, p, change.into.code);
}

function planOne(ctx: Ctx, change: ChangeSet['changes'][number], path: string): void {
  switch (change.kind) {
    case 'add': {
      if (ctx.current.has(change.code))
        throw invalidField(`${path}.code`, 'unit.exists', `unit ${change.code} exists`);
      if (!ctx.provinceName.has(change.provinceCode))
        throw invalidField(`${path}.provinceCode`, 'unit.province', `no province ${change.provinceCode}`);
      const type = typeFromName(change.name, true, `${path}.name`);
      open(ctx, {
        code: change.code,
        name: change.name,
        type,
        province_code: change.provinceCode,
        ...profileOf(change.profile, null),
      });
      return;
    }
    case 'rename': {
      const v = must(ctx, change.code, `${path}.code`);
      close(ctx, v);
      const type = typeFromName(change.name, isCommune(v), `${path}.name`);
      open(ctx, {
        code: v.code,
        name: change.name,
        type,
        province_code: v.province_code,
        ...profileOf(undefined, v),
      });
      lineage(ctx, v, v.code);
      return;
    }
    case 'update': {
      const v = must(ctx, change.code, `${path}.code`);
      const provinceCode = change.provinceCode ?? v.province_code;
      if (!isCommune(v) && provinceCode !== v.province_code)
        throw invalidField(`${path}.provinceCode`, 'unit.province', 'a province cannot move');
      if (!ctx.provinceName.has(provinceCode))
        throw invalidField(`${path}.provinceCode`, 'unit.province', `no province ${provinceCode}`);
      close(ctx, v);
      open(ctx, {
        code: v.code,
        name: v.name,
        type: v.type,
        province_code: provinceCode,
        ...profileOf(change.profile, v),
      });
      return;
    }
    case 'merge':
      planMerge(ctx, change, path);
      return;
  }
}

/** Plans a change set against the versions in force on its effective date (pure: nothing is written). */
export function planChanges(
  set: ChangeSet,
  current: UnitVersionRow[],
  provinces: UnitVersionRow[],
): ChangePlan {
  const ctx: Ctx = {
    set,
    current: new Map(current.map((v) => [v.code, v])),
    provinceName: new Map(provinces.map((p) => [p.code, p.name])),
    plan: { close: [], open: [], lineage: [] },
  };
  const seen = new Set<string>();
  set.changes.forEach((change, i) => {
    const codes = change.kind === 'merge' ? [...new Set([...change.from, change.into.code])] : [change.code];
    for (const code of codes) {
      if (seen.has(code))
        throw invalidField(`changes.${i}`, 'unit.touched_twice', `unit ${code} changes twice`);
      seen.add(code);
    }
    planOne(ctx, change, `changes.${i}`);
  });
  return ctx.plan;
}
