/**
 * The demo's citizen reception (docs/RECEPTION.md), through the real services: each commune's weekly schedule (the
 * chairman on Thursday morning, Art. 15.2.d; a vice-chairman on Tuesday) and three receptions — guidance given on
 * the spot, a complaint forwarded to the province and answered within the 10 working days (Art. 28), and a recent
 * delegation's feedback forwarded and still awaiting its reply.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../accounts/roles.ts';
import type { Database } from '../db/schema.ts';
import { saveSchedule } from '../reception/reception.schedule.service.ts';
import { createReception, replyToReception } from '../reception/reception.service.ts';
import type { TCreateReceptionRequest } from '../reception/reception.schemas.ts';

const PLACE = 'Phòng tiếp công dân, trụ sở UBND xã';

export async function demoReception(
  db: Kysely<Database>,
  staff: { counter: Actor; leader: Actor },
  at: (dayIndex: number, hours: number) => number,
  agencyPrefix: string,
): Promise<number> {
  const unitCode = staff.leader.unitCode;
  const slot = (
    weekday: number,
    hostRole: 'chairman' | 'vice_chairman',
    hostName: string,
    hostTitle: string,
  ) => ({
    weekday,
    fromTime: '07:30',
    toTime: '11:00',
    hostRole,
    hostName,
    hostTitle,
    place: PLACE,
  });
  await db.transaction().execute((trx) =>
    saveSchedule(
      trx,
      staff.leader,
      unitCode,
      {
        slots: [
          slot(4, 'chairman', 'Nguyễn Văn Hùng', 'Chủ tịch UBND xã'),
          slot(2, 'vice_chairman', 'Trần Thị Lan', 'Phó Chủ tịch UBND xã'),
        ],
        exceptions: [],
      },
      at(0, 0),
    ),
  );
  const record = (input: TCreateReceptionRequest, when: number) =>
    db
      .transaction()
      .execute((trx) => createReception(trx, staff.counter, input, { now: when, agencyPrefix }));
  const citizen = { name: 'Lê Thị Hồng', idNumber: '068185001122', address: 'Thôn 2' };
  await record(
    {
      citizen,
      peopleCount: 1,
      kind: 'other',
      content: 'Hỏi thủ tục đăng ký thường trú cho con mới sinh.',
      handling: 'guided',
    },
    at(4, 1),
  );
  const complaint = await record(
    {
      citizen: { name: 'Phạm Văn Tài', idNumber: '068080003344', address: 'Thôn 6' },
      peopleCount: 1,
      kind: 'complaint',
      content: 'Khiếu nại việc bồi thường khi thu hồi đất làm đường liên thôn chưa đúng diện tích.',
      handling: 'forwarded',
      forwardedTo: 'Sở Nông nghiệp và Môi trường tỉnh Lâm Đồng',
    },
    at(8, 1),
  );
  await db
    .transaction()
    .execute((trx) =>
      replyToReception(
        trx,
        staff.counter,
        complaint.row.code,
        { note: 'Đã thông báo bằng văn bản việc chuyển đơn đến Sở Nông nghiệp và Môi trường.' },
        at(12, 2),
      ),
    );
  await record(
    {
      citizen: { name: 'Ka Hồng', address: 'Thôn 9' },
      peopleCount: 6,
      kind: 'feedback',
      content: 'Đoàn 6 hộ dân phản ánh đường vào thôn bị sạt lở sau mưa, đề nghị khắc phục.',
      handling: 'forwarded',
      forwardedTo: 'Ban Quản lý dự án đầu tư xây dựng tỉnh Lâm Đồng',
    },
    at(-2, 1),
  );
  return 3;
}
