import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDb, type TestDb } from '../../../test/support/db.ts';
import { buildIntake, seedCentre, type Staff } from '../../../test/support/dossiers.ts';
import { TEST_NOW } from '../../../test/support/clock.ts';
import { createUser } from '../accounts/account.service.ts';
import type { Actor } from '../accounts/roles.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import { intake } from './dossier.intake.service.ts';
import { presentDossier } from './dossier.presenter.ts';

const PREFIX = '000.00';
const LAND = '1.013978'; // first land certificate: 20 working days, 30 in mountainous … communes
const MARRIAGE_STATUS = '1.004873'; // 3 working days, no area limit

/**
 * Issue 11: intake picks the area limit for a mountainous, border, island or hardship commune and records which limit
 * applied. Di Linh and Gia Hiệp are mountainous (Lâm Đồng Decision 2284/QĐ-UBND of 25/11/2025); Ba Đình is not.
 */
for (const dialect of DIALECTS) {
  describe(`intake picks the area limit on ${dialect}`, () => {
    let t: TestDb;
    let s: Staff;
    let baDinh: Actor;
    beforeAll(async () => {
      t = await openTestDb(dialect);
      s = await seedCentre(t.db);
      baDinh = await t.db.transaction().execute((trx) =>
        createUser(
          trx,
          null,
          {
            username: 'tiepnhan.badinh',
            displayName: 'tiepnhan.badinh',
            password: 'test-password',
            unitCode: '00004',
            roles: ['counter_officer'],
          },
          TEST_NOW,
        ),
      );
    });
    afterAll(async () => t?.dispose());

    const receive = (actor: Actor, procedureCode: string) =>
      t.db
        .transaction()
        .execute((trx) =>
          intake(trx, actor, buildIntake({ procedureCode }), { now: TEST_NOW, agencyPrefix: PREFIX }),
        );
    const dueIn = async (province: string, value: number) =>
      (await loadCalendar(t.db, province)).due(TEST_NOW, { value, unit: 'working_day' });

    const cases = [
      {
        commune: 'Di Linh (mountainous)',
        actor: () => s.counter,
        province: '68',
        code: LAND,
        value: 30,
        kind: 'area',
      },
      {
        commune: 'Gia Hiệp (mountainous)',
        actor: () => s.otherCounter,
        province: '68',
        code: LAND,
        value: 30,
        kind: 'area',
      },
      {
        commune: 'Ba Đình (not classified)',
        actor: () => baDinh,
        province: '01',
        code: LAND,
        value: 20,
        kind: 'standard',
      },
      {
        commune: 'Di Linh, procedure without an area limit',
        actor: () => s.counter,
        province: '68',
        code: MARRIAGE_STATUS,
        value: 3,
        kind: 'standard',
      },
    ] as const;

    for (const c of cases)
      it(`${c.commune}: ${c.code} gets ${c.value} working days (${c.kind})`, async () => {
        const d = await receive(c.actor(), c.code);
        expect(d.limit_value).toBe(c.value);
        expect(d.due_at).toBe(await dueIn(c.province, c.value));
        const data = JSON.parse(d.data) as { limitApplied: Record<string, unknown> };
        expect(data.limitApplied).toMatchObject({
          kind: c.kind,
          areaClasses: c.kind === 'area' ? ['mountainous'] : [],
        });
        if (c.kind === 'area') {
          expect(data.limitApplied.basis).toContain('2304/QĐ-BNNMT');
          expect(data.limitApplied.unitAreaClassSource).toContain('2284/QĐ-UBND');
          expect(data.limitApplied.standard).toMatchObject({ value: 20 });
        }
        const shown = presentDossier(d, c.actor(), new Map());
        expect(shown.limit).toMatchObject({ value: c.value, kind: c.kind });
      });

    it('keeps the recorded limit in the audit entry of the intake', async () => {
      const d = await receive(s.counter, LAND);
      const entry = await t.db
        .selectFrom('audit_log')
        .select('details')
        .where('target_id', '=', d.code)
        .executeTakeFirstOrThrow();
      expect(JSON.parse(entry.details as string)).toMatchObject({ procedure: LAND, limit: 'area' });
    });
  });
}
