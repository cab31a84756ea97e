/** Test fixtures of the legacy import and reports: communes with their lineage, and JSONL builders. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { foldVietnamese } from '../../shared/text/fold.ts';
import { insertUnits, TEST_CHANGE_SET } from '../../../test/support/factories.ts';

export interface FixtureUnit {
  code: string;
  name: string;
  provinceCode: string;
  type: string;
  areaKm2?: number;
  population?: number;
  ethnicMinorityShare?: number;
}

/** Lâm Đồng, Di Linh (with its former units) and Gia Hiệp; Hà Nội with one ward (another province). */
export const REPORT_UNITS: FixtureUnit[] = [
  { code: '68', name: 'Tỉnh Lâm Đồng', provinceCode: '68', type: 'province' },
  {
    code: '25000',
    name: 'Xã Di Linh',
    provinceCode: '68',
    type: 'commune',
    areaKm2: 268.28,
    population: 64179,
    ethnicMinorityShare: 35.4,
  },
  {
    code: '25015',
    name: 'Xã Gia Hiệp',
    provinceCode: '68',
    type: 'commune',
    areaKm2: 324.43,
    population: 21462,
    ethnicMinorityShare: 33.58,
  },
  { code: '01', name: 'Thành phố Hà Nội', provinceCode: '01', type: 'city' },
  { code: '00004', name: 'Phường Ba Đình', provinceCode: '01', type: 'ward' },
];

export const REPORT_LINEAGE = [
  { former: '25000', name: 'Thị trấn Di Linh', current: '25000' },
  { former: '25009', name: 'Xã Tân Châu', current: '25000' },
  { former: '25027', name: 'Xã Liên Đầm', current: '25000' },
  { former: '25030', name: 'Xã Gung Ré', current: '25000' },
  { former: '25015', name: 'Xã Gia Hiệp', current: '25015' },
  { former: '25021', name: 'Xã Tam Bố', current: '25015' },
];

/** Inserts the units, their profiles and lineage (a unit test's own change set). */
export async function insertReportUnits(
  db: Kysely<Database>,
  units = REPORT_UNITS,
  lineage = REPORT_LINEAGE,
) {
  await insertUnits(db, units);
  if (lineage.length === 0) return;
  await db
    .insertInto('unit_lineage')
    .values(
      lineage.map((l) => ({
        id: `${l.former}>${l.current}@2025-07-01`,
        former_code: l.former,
        former_name: l.name,
        former_name_folded: foldVietnamese(l.name),
        former_district_name: 'Huyện Di Linh',
        former_province_name: 'Tỉnh Lâm Đồng',
        current_code: l.current,
        effective_from: '2025-07-01',
        change_set_id: TEST_CHANGE_SET,
        partial: 0,
      })),
    )
    .execute();
}

export interface LegacyEventInput {
  type: string;
  at: string;
  dueAt?: string;
  outcome?: string;
  reason?: string;
}

export interface LegacyLineInput {
  code: string;
  unitCode?: string;
  procedureCode?: string;
  procedureName?: string;
  field?: string;
  channel?: string;
  applicant?: { name: string; idNumber?: string };
  receivedAt: string;
  dueAt: string;
  events?: LegacyEventInput[];
}

/** A complete legacy line with sensible defaults (Di Linh, birth registration, direct). */
export function legacyLine(input: LegacyLineInput): Record<string, unknown> {
  return {
    code: input.code,
    unitCode: input.unitCode ?? '25000',
    procedureCode: input.procedureCode ?? 'HT-KS',
    procedureName: input.procedureName ?? 'Đăng ký khai sinh',
    field: input.field ?? 'Hộ tịch',
    channel: input.channel ?? 'direct',
    applicant: input.applicant ?? { name: 'Nguyễn Văn An', idNumber: '068085000123' },
    receivedAt: input.receivedAt,
    dueAt: input.dueAt,
    events: input.events ?? [],
  };
}

/** Writes lines (objects are JSON-encoded, strings written as they are) to a fresh temporary file. */
export function writeJsonl(lines: (Record<string, unknown> | string)[], name = 'legacy.jsonl'): string {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-legacy-'));
  const file = join(dir, name);
  writeFileSync(file, `${lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n')}\n`);
  return file;
}
