/** Test helper: dossiers with the histories each form needs, made through the real intake and actions. */
import type { Kysely } from 'kysely';
import { at, buildIntake, type Staff } from '../../../test/support/dossiers.ts';
import type { Actor } from '../accounts/roles.ts';
import type { Database } from '../db/schema.ts';
import { applyAction } from '../dossiers/dossier.action.service.ts';
import { intake } from '../dossiers/dossier.intake.service.ts';
import type { TActionRequest, TCreateDossierRequest } from '../dossiers/dossier.schemas.ts';
import type { DossierRow } from '../dossiers/dossier.table.ts';

export const MISSING = [
  'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân theo mẫu',
  'Bản sao trích lục ghi chú ly hôn',
  'Giấy tờ chứng minh nơi cư trú',
];
export const EXTENSION_REASON = 'Cần xác minh tình trạng hôn nhân tại nơi cư trú trước đây';
export const STOP_REASON = 'Thủ tục không thuộc thẩm quyền giải quyết của Ủy ban nhân dân xã';
export const REFUSAL_REASON = 'Yêu cầu không thuộc danh mục thủ tục hành chính của xã';

export interface Histories {
  /** Received Mon 2 Mar 2026 09:00, due Thu 5 Mar 17:30. */
  received: DossierRow;
  /** Form 02 at the counter: three missing items, not received. */
  intakeSupplement: DossierRow;
  /** Form 03 at the counter. */
  refused: DossierRow;
  /** Received Mon 6 Apr 09:00 (due Thu 9 Apr 17:30), extended on Tue 7 Apr to Tue 14 Apr 17:30. */
  extended: DossierRow;
  /** Received and stopped (no competence). */
  stopped: DossierRow;
  /** Received Mon 23 Mar, assigned, supplement asked and received, approved, delivered. */
  complete: DossierRow;
}

export async function makeHistories(db: Kysely<Database>, s: Staff): Promise<Histories> {
  const receive = (now: number, overrides: Partial<TCreateDossierRequest> = {}) =>
    db
      .transaction()
      .execute((trx) => intake(trx, s.counter, buildIntake(overrides), { now, agencyPrefix: '000.00' }));
  const act = (actor: Actor, code: string, req: TActionRequest, now: number) =>
    db.transaction().execute((trx) => applyAction(trx, actor, code, req, { now }));

  const received = await receive(at(2026, 3, 2, 9), {
    components: [
      { name: 'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân theo mẫu', provided: true, copies: 1 },
      {
        name: 'Giấy xác nhận tình trạng hôn nhân đã được cấp trước đây (trường hợp cấp lại)',
        provided: false,
      },
    ],
  });
  const intakeSupplement = await receive(at(2026, 3, 2, 10), {
    decision: 'request_supplement',
    missing: MISSING,
  });
  const refused = await receive(at(2026, 3, 2, 11), { decision: 'refuse', reason: REFUSAL_REASON });

  const ext = await receive(at(2026, 4, 6, 9));
  // The extend action's payload keeps newDueAt and previousDueAt but not (yet) the reason: the note carries it too.
  const extension = {
    type: 'extend',
    newDueAt: '2026-04-14T17:30:00+07:00',
    reason: EXTENSION_REASON,
    note: EXTENSION_REASON,
  } as const;
  const extended = await act(s.leader, ext.code, extension, at(2026, 4, 7, 9));

  const st = await receive(at(2026, 3, 3, 9));
  const stopped = await act(
    s.leader,
    st.code,
    { type: 'stop', reason: STOP_REASON, stopKind: 'no_competence' },
    at(2026, 3, 3, 11),
  );

  const c = await receive(at(2026, 3, 23, 9));
  await act(s.leader, c.code, { type: 'assign', assignee: 'chuyenvien.a' }, at(2026, 3, 23, 10));
  await act(
    s.specialistA,
    c.code,
    { type: 'request_supplement', missing: ['Giấy tờ tùy thân'], note: 'Bản sao bị mờ' },
    at(2026, 3, 24, 10),
  );
  await act(s.counter, c.code, { type: 'receive_supplement' }, at(2026, 4, 6, 10));
  await act(s.specialistA, c.code, { type: 'submit_for_approval', note: 'Đủ điều kiện' }, at(2026, 4, 7, 9));
  await act(s.leader, c.code, { type: 'approve' }, at(2026, 4, 7, 14));
  const complete = await act(
    s.counter,
    c.code,
    { type: 'deliver', deliveryMethod: 'counter' },
    at(2026, 4, 8, 8),
  );
  return { received, intakeSupplement, refused, extended, stopped, complete };
}
