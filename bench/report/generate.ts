/**
 * Deterministic legacy JSONL for the report benchmark: N dossiers over a province's communes, received over ten
 * months from 1 July 2025, with supplements, extensions, all three endings and deliveries, each history as known
 * on the day the data ends (1 May 2026): the dossiers still open are the recent ones.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { prng } from '../../src/shared/prng.ts';

export interface BenchUnit {
  code: string;
  /** Former codes that resolve to this commune (a few lines use them). */
  formerCodes: string[];
}

const PROCEDURES = [
  { code: 'HT-KS', name: 'Đăng ký khai sinh', field: 'Hộ tịch', days: 3 },
  { code: 'HT-KH', name: 'Đăng ký kết hôn', field: 'Hộ tịch', days: 5 },
  { code: 'HT-KT', name: 'Đăng ký khai tử', field: 'Hộ tịch', days: 3 },
  { code: 'CT-BS', name: 'Chứng thực bản sao từ bản chính', field: 'Chứng thực', days: 1 },
  { code: 'CT-CK', name: 'Chứng thực chữ ký', field: 'Chứng thực', days: 1 },
  { code: 'DD-BD', name: 'Đăng ký biến động đất đai', field: 'Đất đai', days: 10 },
  { code: 'DD-CN', name: 'Cấp giấy chứng nhận quyền sử dụng đất lần đầu', field: 'Đất đai', days: 20 },
  { code: 'BTXH-TC', name: 'Trợ cấp xã hội hằng tháng', field: 'Bảo trợ xã hội', days: 7 },
  { code: 'NCC-TC', name: 'Trợ cấp người có công', field: 'Người có công', days: 12 },
  { code: 'XD-GP', name: 'Cấp giấy phép xây dựng nhà ở riêng lẻ', field: 'Xây dựng', days: 15 },
  { code: 'KD-HKD', name: 'Đăng ký hộ kinh doanh', field: 'Kinh doanh', days: 3 },
  { code: 'TP-LL', name: 'Cấp phiếu lý lịch tư pháp', field: 'Tư pháp', days: 10 },
];
const NAMES = [
  'Nguyễn Văn An',
  'Trần Thị Đào',
  "K'Brưi",
  'Ka Hồng',
  'Lê Minh Tuấn',
  'Phạm Thị Hoa',
  'Hoàng Văn Lâm',
];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export const GEN_START = Date.UTC(2025, 6, 1) - 7 * HOUR; // 2025-07-01 00:00 +07:00
const SPAN = 304 * DAY; // to 2026-05-01

const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** ISO 8601 in local time (+07:00), to the second. */
function iso(ms: number): string {
  const d = new Date(Math.floor(ms / 1000) * 1000 + 7 * HOUR);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(
    d.getUTCMinutes(),
  )}:${pad(d.getUTCSeconds())}+07:00`;
}

/**
 * One history, as exported on the day the data ends (events after it are not known yet): most dossiers are
 * resolved (a few late), some returned or withdrawn; a supplement not received within 15 days is returned.
 */
function events(rnd: () => number, received: number, due: number, days: number): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  let t = received;
  let currentDue = due;
  const step = (max: number) => (t += Math.floor(rnd() * max) + 60_000);
  const push = (e: Record<string, unknown>) => out.push(e);
  if (rnd() < 0.15) {
    push({ type: 'supplement_requested', at: iso(step(2 * DAY)) });
    if (rnd() < 0.6) {
      step(6 * DAY);
      currentDue = t + days * 1.4 * DAY;
      push({ type: 'supplement_received', at: iso(t), dueAt: iso(currentDue) });
    } else {
      t += 15 * DAY + HOUR;
      push({ type: 'returned', at: iso(t), reason: 'Không bổ sung hồ sơ trong 15 ngày' });
      return out;
    }
  }
  if (rnd() < 0.06) {
    currentDue += Math.floor(rnd() * 5 + 1) * DAY;
    push({ type: 'extended', at: iso(step(days * DAY)), dueAt: iso(currentDue) });
  }
  const r = rnd();
  if (r < 0.05) push({ type: 'returned', at: iso(step(2 * DAY)), reason: 'Không thuộc thẩm quyền' });
  else if (r < 0.09) push({ type: 'withdrawn', at: iso(step(3 * DAY)) });
  else {
    const span = Math.max(currentDue - t, HOUR);
    const stretch = r < 0.95 ? 1.25 : 3;
    t = Math.max(t + 60_000, t + Math.floor(rnd() * span * stretch));
    push({ type: 'resolved', at: iso(t), outcome: rnd() < 0.97 ? 'approved' : 'refused' });
    if (rnd() < 0.6) push({ type: 'delivered', at: iso(step(3 * DAY)) });
  }
  return out;
}

/** Only what happened by the day the data ends. */
function knownBy(events: Record<string, unknown>[], end: number): Record<string, unknown>[] {
  const cut = events.findIndex((e) => Date.parse(String(e.at)) > end);
  return cut < 0 ? events : events.slice(0, cut);
}

/** Writes `count` lines; returns the file's size in bytes. */
export async function generateJsonl(
  file: string,
  count: number,
  units: BenchUnit[],
  seed = 20250709,
): Promise<number> {
  const rnd = prng(seed);
  const out = createWriteStream(file, { encoding: 'utf8' });
  let bytes = 0;
  let chunk: string[] = [];
  for (let i = 1; i <= count; i += 1) {
    const unit = units[Math.floor(rnd() * units.length)] as BenchUnit;
    const proc = PROCEDURES[Math.floor(rnd() * PROCEDURES.length)] as (typeof PROCEDURES)[number];
    const received = GEN_START + Math.floor(rnd() * SPAN);
    const due = received + Math.floor(proc.days * 1.4 * DAY);
    const unitCode = unit.formerCodes.length > 0 && rnd() < 0.1 ? (unit.formerCodes[0] as string) : unit.code;
    const line = {
      code: `BENCH-${unit.code}-${String(i).padStart(8, '0')}`,
      unitCode,
      procedureCode: proc.code,
      procedureName: proc.name,
      field: proc.field,
      channel: rnd() < 0.35 ? 'online' : rnd() < 0.9 ? 'direct' : 'postal',
      applicant: { name: NAMES[i % NAMES.length], idNumber: `068${String(i).padStart(9, '0')}` },
      receivedAt: iso(received),
      dueAt: iso(due),
      events: knownBy(events(rnd, received, due, proc.days), GEN_START + SPAN),
    };
    const text = `${JSON.stringify(line)}\n`;
    bytes += Buffer.byteLength(text);
    chunk.push(text);
    if (chunk.length >= 2000) {
      if (!out.write(chunk.join(''))) await once(out, 'drain');
      chunk = [];
    }
  }
  out.end(chunk.join(''));
  await once(out, 'finish');
  return bytes;
}
