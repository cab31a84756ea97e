/**
 * Four weeks of two centres' work for the demo (`serve --demo`, `seed --demo` on an empty database), made through
 * the real services so that every row, due date, action and audit entry is what live use would write: dossiers
 * received each working day at Di Linh and Gia Hiệp and carried through assignment, appraisal, approval and
 * delivery (some late, some awaiting a supplement, some withdrawn, the recent ones still in progress), a few
 * complaints, denunciations and feedback, the leaders' tasks, and citizen reception (schedule and register). Deterministic for a given `now`.
 */
import type { Kysely } from 'kysely';
import { localDate } from '../../shared/calendar/index.ts';
import { prng } from '../../shared/prng.ts';
import { toActor } from '../accounts/account.service.ts';
import type { Actor } from '../accounts/roles.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import type { Database } from '../db/schema.ts';
import { applyAction } from '../dossiers/dossier.action.service.ts';
import { intake } from '../dossiers/dossier.intake.service.ts';
import type { TActionRequest } from '../dossiers/dossier.schemas.ts';
import { applyPetitionAction, lodgePetition } from '../petitions/petition.service.ts';
import { applyTaskAction, createTask } from '../tasks/task.service.ts';
import { demoReception } from './demo-reception.ts';
import { findUserByUsername } from '../accounts/account.repository.ts';
import { EVERY_TENANT } from '../platform/tenant.ts';

const HOUR = 3_600_000;
/** Working days of history. */
export const DEMO_DAYS = 20;
const DAYS = DEMO_DAYS;

const PROCEDURES = ['1.001193', '1.004873', '2.000815', '2.001008', '1.001612', '1.001776', '1.013978'];
const NAMES = [
  'Nguyễn Văn An',
  'Trần Thị Đào',
  "K'Brưi",
  'Ka Hồng',
  'Lê Minh Tuấn',
  'Phạm Thị Hoa',
  'Hoàng Văn Lâm',
  'Đỗ Thị Mai',
];

/** 08:00 + `hours` local time (UTC+7) on a local date, to the minute (instants are whole, as live ones). */
const at = (date: string, hours: number): number =>
  Date.parse(`${date}T08:00:00+07:00`) + Math.round((hours * HOUR) / 60_000) * 60_000;

/** An instant moved into 08:00-17:00 local time of its own day, to the minute. */
function officeHours(t: number): number {
  const date = localDate(t);
  return Math.min(Math.max(Math.round(t / 60_000) * 60_000, at(date, 0)), at(date, 9));
}

/** A structurally valid Lâm Đồng CCCD: province 068, born in the 1900s (0 male, 1 female), a serial. */
function cccd(rnd: () => number): string {
  const female = rnd() < 0.5 ? 1 : 0;
  const year = String(60 + Math.floor(rnd() * 40)).padStart(2, '0');
  return `068${female}${year}${String(Math.floor(rnd() * 1_000_000)).padStart(6, '0')}`;
}

export interface DemoActivity {
  dossiers: number;
  petitions: number;
  tasks: number;
  receptions: number;
}

interface Staff {
  counter: Actor;
  specialist: Actor;
  leader: Actor;
}

async function staffOf(db: Kysely<Database>, slug: string): Promise<Staff> {
  const one = async (username: string) =>
    toActor(
      (await findUserByUsername(db, username, EVERY_TENANT))!, // the demo's own accounts
    );
  return {
    counter: await one(`tiepnhan.${slug}`),
    specialist: await one(`chuyenvien.${slug}`),
    leader: await one(`lanhdao.${slug}`),
  };
}

/** The working days before today (oldest first), on the province's calendar. */
async function workingDays(db: Kysely<Database>, now: number): Promise<string[]> {
  const calendar = await loadCalendar(db, '68');
  const days: string[] = [];
  for (let t = now - 24 * HOUR; days.length < DAYS; t -= 24 * HOUR) {
    const date = localDate(t);
    if (calendar.isWorkingDay(date)) days.unshift(date);
  }
  return days;
}

export async function seedDemoActivity(
  db: Kysely<Database>,
  agencyPrefix: string,
  now: number,
): Promise<DemoActivity> {
  const days = await workingDays(db, now);
  const out: DemoActivity = { dossiers: 0, petitions: 0, tasks: 0, receptions: 0 };
  for (const [index, slug] of ['dilinh', 'giahiep'].entries()) {
    const staff = await staffOf(db, slug);
    const rnd = prng(20250701 + index);
    const resolved: string[] = [];
    for (const [d, date] of days.entries()) {
      const count = 2 + Math.floor(rnd() * 4);
      for (let i = 0; i < count; i += 1) {
        const received = at(date, 0.5 + i * 1.5 + rnd());
        const { code, due } = await receive(db, staff, rnd, received, agencyPrefix);
        out.dossiers += 1;
        const fate = await carry(db, staff, rnd, { code, received, due }, days.slice(d + 1), now);
        if (fate === 'resolved') resolved.push(code);
      }
    }
    out.petitions += await petitions(db, staff, days, resolved, agencyPrefix);
    out.tasks += await tasks(db, staff, days);
    const dayAt = (i: number, hours: number) => at(days.at(i)!, hours);
    out.receptions += await demoReception(db, staff, dayAt, agencyPrefix);
  }
  return out;
}

async function receive(
  db: Kysely<Database>,
  staff: Staff,
  rnd: () => number,
  received: number,
  agencyPrefix: string,
): Promise<{ code: string; due: number }> {
  const name = NAMES[Math.floor(rnd() * NAMES.length)]!;
  const d = await db.transaction().execute((trx) =>
    intake(
      trx,
      staff.counter,
      {
        procedureCode: PROCEDURES[Math.floor(rnd() * PROCEDURES.length)]!,
        channel: rnd() < 0.35 ? 'online' : rnd() < 0.1 ? 'postal' : 'direct',
        applicant: {
          kind: 'person',
          name,
          idNumber: cccd(rnd),
          phone: `09${String(Math.floor(rnd() * 100_000_000)).padStart(8, '0')}`,
          address: 'Thôn 2, Lâm Đồng',
        },
        decision: 'receive',
        paper: false,
      },
      { now: received, agencyPrefix },
    ),
  );
  return { code: d.code, due: d.due_at ?? received + 24 * HOUR };
}

/**
 * Takes a received dossier along its path; steps later than `now` are not taken (the dossier stays open). Most are
 * resolved before their due (early or on the due day), about one in ten after it.
 */
async function carry(
  db: Kysely<Database>,
  staff: Staff,
  rnd: () => number,
  d: { code: string; received: number; due: number },
  later: string[],
  now: number,
): Promise<'resolved' | 'open' | 'ended'> {
  const step = async (actor: Actor, req: TActionRequest, when: number) => {
    if (when >= now) return false;
    await db.transaction().execute((trx) => applyAction(trx, actor, d.code, req, { now: when }));
    return true;
  };
  const on = (n: number, hours: number) => (later[n] ? at(later[n], hours) : Number.POSITIVE_INFINITY);
  const assigned = d.received + 10 * 60_000;
  if (!(await step(staff.leader, { type: 'assign', assignee: staff.specialist.username }, assigned)))
    return 'open';
  const roll = rnd();
  if (roll < 0.05) {
    await step(staff.counter, { type: 'withdraw', reason: 'Người nộp rút hồ sơ' }, on(0, 2));
    return 'ended';
  }
  if (roll < 0.15) {
    await step(
      staff.specialist,
      { type: 'request_supplement', missing: ['Bản sao giấy tờ chứng minh nơi cư trú'] },
      on(0, 1),
    );
    return 'open';
  }
  // The decision: a share of the time to the due (early or on time), or up to half as long again (late).
  const share = roll > 0.9 ? 1.05 + rnd() * 0.5 : 0.1 + rnd() * 0.85;
  const decided = Math.max(assigned + 20 * 60_000, officeHours(assigned + (d.due - assigned) * share));
  const submitted = Math.max(assigned + 5 * 60_000, decided - 30 * 60_000);
  if (!(await step(staff.specialist, { type: 'submit_for_approval' }, submitted))) return 'open';
  if (!(await step(staff.leader, { type: 'approve' }, decided))) return 'open';
  if (rnd() < 0.7)
    await step(
      staff.counter,
      { type: 'deliver', deliveryMethod: rnd() < 0.3 ? 'online' : 'counter' },
      decided + 2 * HOUR,
    );
  return 'resolved';
}

const PETITIONER = {
  name: 'Trần Văn Bình',
  idNumber: '068085004321',
  phone: '0987654321',
  address: 'Thôn 5',
};

async function petitions(
  db: Kysely<Database>,
  staff: Staff,
  days: string[],
  resolved: string[],
  agencyPrefix: string,
): Promise<number> {
  const lodge = (input: Parameters<typeof lodgePetition>[2], when: number) =>
    db.transaction().execute((trx) => lodgePetition(trx, staff.counter, input, { now: when, agencyPrefix }));
  const act = (code: string, req: Parameters<typeof applyPetitionAction>[3], when: number) =>
    db.transaction().execute((trx) => applyPetitionAction(trx, staff.leader, code, req, when));
  const feedback = await lodge(
    {
      kind: 'feedback',
      channel: 'direct',
      subject: 'Thời gian chờ trả kết quả',
      content:
        'Đề nghị Trung tâm niêm yết rõ thời gian trả kết quả để người dân không phải đi lại nhiều lần.',
      petitioner: PETITIONER,
      dossierCode: resolved[0],
      instance: 1,
      complex: false,
      remote: false,
      multiPlace: false,
    },
    at(days[5]!, 2),
  );
  await act(feedback.code, { type: 'accept' }, at(days[6]!, 1));
  await act(
    feedback.code,
    { type: 'resolve', conclusion: 'adopted', result: 'Đã niêm yết lịch trả kết quả tại quầy và trên Cổng.' },
    at(days[9]!, 3),
  );
  await act(feedback.code, { type: 'publish' }, at(days[10]!, 1));
  const complaint = await lodge(
    {
      kind: 'complaint',
      channel: 'postal',
      subject: 'Khiếu nại quyết định từ chối cấp giấy xác nhận',
      content:
        'Tôi không đồng ý với việc từ chối cấp giấy xác nhận tình trạng hôn nhân, đề nghị xem xét lại.',
      petitioner: PETITIONER,
      knownAt: new Date(at(days[12]!, 0)).toISOString(),
      instance: 1,
      complex: false,
      remote: true,
      multiPlace: false,
    },
    at(days[14]!, 2),
  );
  await act(complaint.code, { type: 'accept', remote: true }, at(days[16]!, 2));
  await lodge(
    {
      kind: 'denunciation',
      channel: 'direct',
      subject: 'Tố cáo hành vi gây phiền hà',
      content: 'Tố cáo một cán bộ yêu cầu nộp thêm giấy tờ không có trong thành phần hồ sơ theo quy định.',
      petitioner: { name: 'Nguyễn Thị Lan' },
      instance: 1,
      complex: false,
      remote: false,
      multiPlace: false,
    },
    at(days[DAYS - 2]!, 3),
  );
  return 3;
}

async function tasks(db: Kysely<Database>, staff: Staff, days: string[]): Promise<number> {
  const assign = (work: string, product: string, from: number, to: number) =>
    db.transaction().execute((trx) =>
      createTask(
        trx,
        staff.leader,
        {
          assignee: staff.specialist.username,
          work,
          dueAt: new Date(to).toISOString(),
          responsibility: 'Chịu trách nhiệm trước Lãnh đạo Trung tâm về tính đầy đủ, chính xác',
          product,
          authority: 'Được khai thác dữ liệu hồ sơ của Trung tâm; theo phân công của Chủ tịch UBND xã',
          collaborators: [],
        },
        from,
      ),
    );
  const act = (actor: Actor, id: string, req: Parameters<typeof applyTaskAction>[3], when: number) =>
    db.transaction().execute((trx) => applyTaskAction(trx, actor, id, req, when));
  const done = await assign(
    'Rà soát hồ sơ tồn của các xã cũ trước sáp nhập',
    'Danh sách hồ sơ tồn và đề xuất xử lý',
    at(days[2]!, 1),
    at(days[8]!, 9.5),
  );
  await act(staff.specialist, done.id, { type: 'start' }, at(days[3]!, 0));
  await act(
    staff.specialist,
    done.id,
    { type: 'submit', note: 'Danh sách 12 hồ sơ, đề xuất kèm theo' },
    at(days[7]!, 5),
  );
  await act(staff.leader, done.id, { type: 'accept' }, at(days[8]!, 1));
  const open = await assign(
    'Cập nhật danh mục thủ tục niêm yết tại quầy theo quyết định công bố mới',
    'Bảng niêm yết đã thay và ảnh chụp xác nhận',
    at(days[DAYS - 4]!, 1),
    at(days[DAYS - 1]!, 9.5), // the end of the last working day: overdue on the demo's day
  );
  await act(staff.specialist, open.id, { type: 'start' }, at(days[DAYS - 3]!, 0));
  return 2;
}
