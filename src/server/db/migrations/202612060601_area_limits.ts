import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * Limits that depend on the area (issue 11): a procedure may carry a longer limit for mountainous, border, island or
 * hardship communes (`procedures.area_limit`, JSON {value, unit, areas, basis}); a unit version carries its area
 * classes (JSON array) and the decision that classified it. Existing rows: no area limit, no classes. The shipped
 * catalog's one area limit (first land certificates, 1.013978) is written here for installations whose catalog was
 * loaded before; classes of existing units are set by a unit change set (docs/UNITS.md), never in place.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('procedures').addColumn('area_limit', 'text').execute();
  await db.schema
    .alterTable('unit_versions')
    .addColumn('area_classes', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema.alterTable('unit_versions').addColumn('area_class_source', 'text').execute();
  await db
    .updateTable('procedures')
    .set({
      area_limit: JSON.stringify({
        value: 30,
        unit: 'working_day',
        areas: ['mountainous', 'border', 'island', 'hardship'],
        basis:
          'Quyết định 2304/QĐ-BNNMT ngày 23/6/2025 (bộ TTHC lĩnh vực đất đai): đối với các xã miền núi, biên giới; đảo, ' +
          'vùng có điều kiện kinh tế - xã hội khó khăn, vùng có điều kiện kinh tế - xã hội đặc biệt khó khăn thì thời ' +
          'gian thực hiện được tăng thêm không quá 10 ngày',
      }),
    })
    .where('code', '=', '1.013978')
    .where('origin', '=', 'catalog')
    .where('limit_value', '=', 20)
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('unit_versions').dropColumn('area_class_source').execute();
  await db.schema.alterTable('unit_versions').dropColumn('area_classes').execute();
  await db.schema.alterTable('procedures').dropColumn('area_limit').execute();
}
