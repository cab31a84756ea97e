/** The benchmark's province: the real communes of Lâm Đồng (68) when the unit import runs, else synthetic ones. */
import type { Kysely } from 'kysely';
import type { Database } from '../../src/server/db/schema.ts';
import { foldVietnamese } from '../../src/shared/text/fold.ts';
import { runUnitsImport } from '../../src/server/units/unit.import.ts';
import { findUnits } from '../../src/server/units/unit.service.ts';
import type { BenchUnit } from './generate.ts';
import { systemClock, todayInVietnam } from '../../src/server/platform/clock.ts';

export interface BenchUnits {
  source: 'real units' | 'synthetic units';
  provinceCode: string;
  communes: BenchUnit[];
}

async function realUnits(db: Kysely<Database>): Promise<BenchUnits | null> {
  try {
    await runUnitsImport(db, { now: systemClock.now() });
  } catch (e) {
    console.error(
      `unit import failed (${e instanceof Error ? e.message : String(e)}); using synthetic units`,
    );
    return null;
  }
  const communes = await findUnits(db, {
    province: '68',
    limit: 10_000,
    asOf: todayInVietnam(systemClock.now()),
  });
  if (communes.length < 100) return null;
  return {
    source: 'real units',
    provinceCode: '68',
    communes: communes
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((c) => ({
        code: c.code,
        formerCodes: c.formerUnits.map((f) => f.code).filter((f): f is string => f !== null && f !== c.code),
      })),
  };
}

async function syntheticUnits(db: Kysely<Database>): Promise<BenchUnits> {
  await db
    .insertInto('unit_change_sets')
    .values({
      id: 'bench',
      name: 'bench',
      effective_date: '2025-07-01',
      source: 'bench',
      report: '{}',
      imported_at: 0,
    })
    .execute();
  const units = [
    { code: '99', name: 'Tỉnh Thử Nghiệm', type: 'province' },
    ...Array.from({ length: 124 }, (_, i) => ({
      code: String(99001 + i),
      name: `Xã Thử Nghiệm ${i + 1}`,
      type: 'commune',
    })),
  ];
  await db
    .insertInto('unit_versions')
    .values(
      units.map((u) => ({
        id: `${u.code}@2025-07-01`,
        code: u.code,
        name: u.name,
        name_folded: foldVietnamese(u.name),
        type: u.type,
        province_code: '99',
        valid_from: '2025-07-01',
        valid_to: null,
        change_set_id: 'bench',
        area_km2: null,
        population: null,
        ethnic_minority_share: null,
      })),
    )
    .execute();
  return {
    source: 'synthetic units',
    provinceCode: '99',
    communes: units.slice(1).map((u) => ({ code: u.code, formerCodes: [] })),
  };
}

export async function benchUnits(db: Kysely<Database>): Promise<BenchUnits> {
  return (await realUnits(db)) ?? syntheticUnits(db);
}
