/**
 * Issue 5, "done when": imported history and live dossiers give identical figures. The same histories are run
 * through the live lifecycle (intake + actions) in one database, exported as legacy JSONL lines from what the
 * lifecycle recorded, imported into a second database, and the period reports of both are compared.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatInstant } from '../../src/shared/calendar/index.ts';
import type { Actor } from '../../src/server/accounts/roles.ts';
import { applyAction } from '../../src/server/dossiers/dossier.action.service.ts';
import { intake } from '../../src/server/dossiers/dossier.intake.service.ts';
import type { TActionRequest } from '../../src/server/dossiers/dossier.schemas.ts';
import { importLegacyDossiers } from '../../src/server/legacy/legacy.import.ts';
import { periodReport } from '../../src/server/reports/period-report.ts';
import { DIALECTS, openTestDb, type TestDb } from '../support/db.ts';
import { at, buildIntake, seedCentre, type Staff } from '../support/dossiers.ts';
import { insertUnits, LAM_DONG_SAMPLE } from '../support/factories.ts';
import { TEST_NOW } from '../support/clock.ts';

type Step = [who: keyof Staff, req: TActionRequest, when: number];

interface Story {
  procedureCode: string;
  channel: 'direct' | 'online' | 'postal';
  receivedAt: number;
  steps: Step[];
}

const assign: TActionRequest = { type: 'assign' };
const submit: TActionRequest = { type: 'submit_for_approval' };
const approve: TActionRequest = { type: 'approve' };

/** Histories around the period 9-31 March 2026 (E = 1 April 00:00). */
const STORIES: Story[] = [
  // carried over, resolved early inside the period
  {
    procedureCode: '1.004873',
    channel: 'direct',
    receivedAt: at(2026, 3, 5, 9),
    steps: [
      ['leader', assign, at(2026, 3, 5, 10)],
      ['specialistA', submit, at(2026, 3, 9, 8)],
      ['leader', approve, at(2026, 3, 9, 9)],
    ],
  },
  // ended before the period: counted nowhere
  {
    procedureCode: '1.004873',
    channel: 'direct',
    receivedAt: at(2026, 3, 2, 9),
    steps: [['counter', { type: 'withdraw' }, at(2026, 3, 3, 9)]],
  },
  // new, on time
  {
    procedureCode: '1.004873',
    channel: 'online',
    receivedAt: at(2026, 3, 10, 9),
    steps: [
      ['leader', assign, at(2026, 3, 10, 10)],
      ['specialistA', submit, at(2026, 3, 13, 9)],
      ['leader', approve, at(2026, 3, 13, 16)],
    ],
  },
  // new, late refusal
  {
    procedureCode: '1.004873',
    channel: 'postal',
    receivedAt: at(2026, 3, 11, 9),
    steps: [
      ['leader', assign, at(2026, 3, 11, 10)],
      ['leader', { type: 'refuse', reason: 'Không đủ điều kiện' }, at(2026, 3, 17, 9)],
    ],
  },
  // supplement, then resolved on the day of the restarted due (on time)
  {
    procedureCode: '1.004873',
    channel: 'direct',
    receivedAt: at(2026, 3, 16, 9),
    steps: [
      ['leader', assign, at(2026, 3, 16, 10)],
      ['specialistA', { type: 'request_supplement', missing: ['Tờ khai'] }, at(2026, 3, 17, 9)],
      ['counter', { type: 'receive_supplement' }, at(2026, 3, 23, 9)],
      ['specialistA', submit, at(2026, 3, 25, 9)],
      ['leader', approve, at(2026, 3, 26, 10)],
      ['counter', { type: 'deliver' }, at(2026, 3, 27, 9)],
    ],
  },
  // awaiting a supplement at E
  {
    procedureCode: '1.000894',
    channel: 'direct',
    receivedAt: at(2026, 3, 30, 9),
    steps: [
      ['leader', assign, at(2026, 3, 30, 9, 30)],
      ['specialistA', { type: 'request_supplement', missing: ['Giấy tờ'] }, at(2026, 3, 30, 10)],
    ],
  },
  // extended once, still in progress and within the new due at E
  {
    procedureCode: '1.004873',
    channel: 'direct',
    receivedAt: at(2026, 3, 26, 9),
    steps: [
      [
        'leader',
        { type: 'extend', newDueAt: '2026-04-07T17:30:00+07:00', reason: 'Xác minh' },
        at(2026, 3, 27, 9),
      ],
    ],
  },
  // in progress and overdue at E
  {
    procedureCode: '1.004873',
    channel: 'online',
    receivedAt: at(2026, 3, 23, 9),
    steps: [['leader', assign, at(2026, 3, 23, 10)]],
  },
  // stopped (returned)
  {
    procedureCode: '2.001035',
    channel: 'direct',
    receivedAt: at(2026, 3, 18, 9),
    steps: [
      [
        'leader',
        { type: 'stop', reason: 'Không thuộc thẩm quyền', stopKind: 'no_competence' },
        at(2026, 3, 19, 9),
      ],
    ],
  },
  // received after the period: not counted
  { procedureCode: '1.004873', channel: 'direct', receivedAt: at(2026, 4, 1, 9), steps: [] },
];

const EVENT_OF: Partial<Record<string, (payload: Record<string, unknown>) => Record<string, unknown>>> = {
  request_supplement: () => ({ type: 'supplement_requested' }),
  receive_supplement: (p) => ({ type: 'supplement_received', dueAt: formatInstant(p.dueAt as number) }),
  extend: (p) => ({ type: 'extended', dueAt: formatInstant(p.newDueAt as number) }),
  approve: () => ({ type: 'resolved', outcome: 'approved' }),
  refuse: () => ({ type: 'resolved', outcome: 'refused' }),
  stop: (p) => ({ type: 'returned', reason: String(p.reason) }),
  withdraw: () => ({ type: 'withdrawn' }),
  deliver: () => ({ type: 'delivered' }),
};

/** The legacy JSONL line of a live dossier, from what the lifecycle recorded. */
async function exportLine(t: TestDb, id: string): Promise<string> {
  const d = await t.db.selectFrom('dossiers').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const actions = await t.db
    .selectFrom('dossier_actions')
    .selectAll()
    .where('dossier_id', '=', id)
    .orderBy('seq')
    .execute();
  const first = await t.db
    .selectFrom('dossier_dues')
    .selectAll()
    .where('dossier_id', '=', id)
    .orderBy('set_at')
    .executeTakeFirstOrThrow();
  const events = actions.flatMap((a) => {
    const make = EVENT_OF[a.type];
    return make
      ? [{ ...make(JSON.parse(a.payload) as Record<string, unknown>), at: formatInstant(a.at) }]
      : [];
  });
  return JSON.stringify({
    code: `LEGACY-${d.code}`,
    unitCode: d.unit_code,
    procedureCode: d.procedure_code,
    procedureName: d.procedure_name,
    field: d.field,
    channel: d.channel,
    applicant: { name: d.applicant_name, idNumber: d.applicant_id_number },
    receivedAt: formatInstant(d.received_at!),
    dueAt: formatInstant(first.due_at),
    events,
  });
}

for (const dialect of DIALECTS) {
  describe(`live dossiers and their imported history give the same report (${dialect})`, () => {
    let live: TestDb;
    let imported: TestDb;
    beforeAll(async () => {
      live = await openTestDb(dialect);
      imported = await openTestDb(dialect);
      const staff = await seedCentre(live.db);
      await insertUnits(imported.db, LAM_DONG_SAMPLE);
      const ids: string[] = [];
      for (const story of STORIES) {
        const input = buildIntake({ procedureCode: story.procedureCode, channel: story.channel });
        const d = await live.db
          .transaction()
          .execute((trx) =>
            intake(trx, staff.counter, input, { now: story.receivedAt, agencyPrefix: '000.00' }),
          );
        for (const [who, req, when] of story.steps) {
          const actor: Actor = staff[who];
          await live.db.transaction().execute((trx) => applyAction(trx, actor, d.code, req, { now: when }));
        }
        ids.push(d.id);
      }
      const file = join(mkdtempSync(join(tmpdir(), 'motcua-live-')), 'history.jsonl');
      writeFileSync(file, `${(await Promise.all(ids.map((id) => exportLine(live, id)))).join('\n')}\n`);
      const result = await importLegacyDossiers(imported.db, file, { now: TEST_NOW });
      expect(result.status).toBe('imported');
    });
    afterAll(async () => {
      await live?.dispose();
      await imported?.dispose();
    });

    it('has the same totals and fields, and the figures the rules give', async () => {
      const period = { unitCode: '25000', from: '2026-03-09', to: '2026-03-31' };
      const a = await periodReport(live.db, period, TEST_NOW);
      const b = await periodReport(imported.db, period, TEST_NOW);
      expect(b.totals).toEqual(a.totals);
      expect(b.byField).toEqual(a.byField);
      expect(a.totals).toEqual({
        received: { total: 8, online: 2, directOrPostal: 5, carriedOver: 1 },
        resolved: { total: 4, early: 1, onTime: 2, late: 1 },
        inProgress: { total: 3, withinDeadline: 2, overdue: 1, awaitingSupplement: 1 },
        closedWithoutResult: { total: 1, returned: 1, withdrawn: 0 },
      });
    });
  });
}
