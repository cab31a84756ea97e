import {
  CalendarError,
  createCalendar,
  defaultCalendarSpec,
  formatInstant,
  parseInstant,
  type LimitUnit,
  type WorkingCalendar,
} from '../../../shared/calendar/index.ts';
import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../bootstrap.ts';
import {
  currentOverride,
  loadCalendar,
  NATIONAL_SCOPE,
  requestFieldOf,
  saveCalendarOverride,
  type CalendarOverride,
} from '../../calendar/calendar.service.ts';
import { yearSummary } from '../../calendar/calendar.presenter.ts';
import { checkOpenDues } from '../../dossiers/dossier.due-check.service.ts';
import { AppError } from '../../platform/app-error.ts';
import { EVERY_TENANT } from '../../platform/tenant.ts';
import { parseCommandArgs, requireString } from '../args.ts';
import { CliUsageError, type CliIo } from '../cli-error.ts';

const USAGE =
  'calendar: usage: motcua calendar due --received <ISO 8601> --limit <N> --unit working_day|working_hour|calendar_day ' +
  '[--province <code>] [--cutoff HH:MM] | days --year <YYYY> [--province <code>] | set --province <code>|VN ' +
  '[--day-off DATE --reason R] [--working-day DATE --reason R] [--clear DATE] [--periods 07:30-11:30,13:30-17:30] ' +
  '[--weekdays 1,2,3,4,5] [--note TEXT] | check-open [--province <code>] [--json]';

const OPTIONS = {
  received: { type: 'string' },
  limit: { type: 'string' },
  unit: { type: 'string' },
  province: { type: 'string' },
  cutoff: { type: 'string' },
  year: { type: 'string' },
  'day-off': { type: 'string' },
  'working-day': { type: 'string' },
  reason: { type: 'string' },
  clear: { type: 'string' },
  periods: { type: 'string' },
  weekdays: { type: 'string' },
  note: { type: 'string' },
  json: { type: 'boolean' },
} as const;

type Values = ReturnType<typeof parseCommandArgs<typeof OPTIONS>>['values'];

function checkProvince(code: string | undefined, allowNational = false): string | undefined {
  if (code === undefined) return undefined;
  if (/^\d{2}$/.test(code) || (allowNational && code === NATIONAL_SCOPE)) return code;
  throw new CliUsageError(
    `calendar: --province must be a 2-digit province code${allowNational ? ' or VN' : ''}, got "${code}"`,
  );
}

/** The national calendar needs no database; a province's calendar is read from it. */
async function withCalendar<T>(
  province: string | undefined,
  io: CliIo,
  use: (cal: WorkingCalendar) => T,
): Promise<T> {
  if (!province) return use(createCalendar(defaultCalendarSpec()));
  const handle = await openDatabase(loadConfig(), { clock: io.clock });
  try {
    return use(await loadCalendar(handle.db, province));
  } finally {
    await handle.close();
  }
}

async function due(values: Values, io: CliIo): Promise<number> {
  const received = requireString('calendar due', 'received', values.received);
  const limitText = requireString('calendar due', 'limit', values.limit);
  const unit = requireString('calendar due', 'unit', values.unit);
  if (!/^-?\d+(\.\d+)?$/.test(limitText))
    throw new CliUsageError(`calendar due: --limit must be a non-negative integer, got "${limitText}"`);
  const province = checkProvince(values.province);
  try {
    const result = await withCalendar(province, io, (cal) => {
      const at = cal.due(parseInstant(received), {
        value: Number(limitText),
        unit: unit as LimitUnit,
        cutoff: values.cutoff,
      });
      return formatInstant(at, cal.utcOffsetMinutes);
    });
    io.out(JSON.stringify({ due: result }));
    return 0;
  } catch (e) {
    if (e instanceof CalendarError)
      throw new CliUsageError(`calendar due: --${requestFieldOf(e.field)} ${e.rule}`);
    throw e;
  }
}

async function days(values: Values, io: CliIo): Promise<number> {
  const yearText = requireString('calendar days', 'year', values.year);
  if (!/^\d{4}$/.test(yearText) || Number(yearText) < 1990 || Number(yearText) > 2100)
    throw new CliUsageError(`calendar days: --year must be a year from 1990 to 2100, got "${yearText}"`);
  const province = checkProvince(values.province);
  const summary = await withCalendar(province, io, (cal) =>
    yearSummary(cal, province ?? NATIONAL_SCOPE, Number(yearText)),
  );
  const names = ['', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ Nhật'];
  io.out(`Lịch làm việc ${summary.province} năm ${summary.year}: ${summary.workingDays} ngày làm việc`);
  for (const d of summary.days) {
    const [y, m, dd] = d.date.split('-');
    io.out(
      `${dd}/${m}/${y}  ${names[d.weekday]?.padEnd(9)}  ${d.working ? 'làm việc' : 'nghỉ    '}  ${d.reason}`,
    );
  }
  return 0;
}

function applyEdit(base: CalendarOverride, values: Values): CalendarOverride {
  const extraDaysOff = [...(base.extraDaysOff ?? [])];
  const extraWorkingDays = [...(base.extraWorkingDays ?? [])];
  const next: CalendarOverride = { ...base, extraDaysOff, extraWorkingDays };
  const isDate = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d);
  for (const [flag, list] of [
    ['day-off', extraDaysOff],
    ['working-day', extraWorkingDays],
  ] as const) {
    const date = values[flag];
    if (date === undefined) continue;
    if (!isDate(date)) throw new CliUsageError(`calendar set: --${flag} must be YYYY-MM-DD, got "${date}"`);
    list.push({ date, reason: requireString('calendar set', 'reason', values.reason) });
  }
  if (values.clear !== undefined) {
    next.extraDaysOff = next.extraDaysOff?.filter((d) => d.date !== values.clear);
    next.extraWorkingDays = next.extraWorkingDays?.filter((d) => d.date !== values.clear);
  }
  if (values.periods !== undefined)
    next.periods = values.periods.split(',').map((p) => {
      const [start = '', end = ''] = p.split('-');
      return { start, end };
    });
  if (values.weekdays !== undefined) next.workingWeekdays = values.weekdays.split(',').map(Number);
  return next;
}

async function set(values: Values, io: CliIo): Promise<number> {
  const scope = checkProvince(requireString('calendar set', 'province', values.province), true)!;
  const handle = await openDatabase(loadConfig(), { clock: io.clock });
  try {
    const { override } = await currentOverride(handle.db, scope);
    const next = applyEdit(override, values);
    const note = values.note ?? 'motcua calendar set';
    const version = await handle.db
      .transaction()
      .execute((trx) => saveCalendarOverride(trx, null, scope, next, note, io.clock.now()))
      .catch((e: unknown) => {
        if (e instanceof AppError)
          throw new CliUsageError(
            `calendar set: ${e.issues.map((i) => `${i.path} ${i.message}`).join('; ')}`,
          );
        throw e;
      });
    io.out(`Calendar ${scope} saved as version ${version}. Due dates already stored are not changed.`);
  } finally {
    await handle.close();
  }
  return 0;
}

/** '2026-11-24T17:30:00+07:00' → '24/11/2026 17:30' (dates as the centre writes them). */
const dmy = (ms: number): string => {
  const [date = '', time = ''] = formatInstant(ms).split('T');
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y} ${time.slice(0, 5)}`;
};

/**
 * Open dossiers whose stored due would differ under the calendar in force (after a correction). Stored dues are
 * never changed; the list is for the centre to review (docs/CALENDAR.md). Exit 0 whatever it finds.
 */
async function checkOpen(values: Values, io: CliIo): Promise<number> {
  const province = checkProvince(values.province);
  const handle = await openDatabase(loadConfig(), { clock: io.clock });
  try {
    // The operator's command: every commune, or one province's.
    const scope = province ? { kind: 'province' as const, provinceCode: province } : EVERY_TENANT;
    const result = await checkOpenDues(handle.db, scope);
    if (values.json) {
      io.out(
        JSON.stringify({
          checked: result.checked,
          differences: result.differences.map((d) => ({
            ...d,
            storedDue: formatInstant(d.storedDue),
            currentDue: formatInstant(d.currentDue),
          })),
          notRecomputed: result.notRecomputed,
        }),
      );
      return 0;
    }
    io.out(
      `Đã kiểm tra ${result.checked} hồ sơ đang giải quyết: ${result.differences.length} hồ sơ có hạn khác ` +
        `nếu tính theo lịch hiện hành; ${result.notRecomputed.length} hồ sơ có hạn đặt tay (gia hạn) hoặc nhập ` +
        `từ hệ thống cũ, không tính lại.`,
    );
    for (const d of result.differences)
      io.out(
        `${d.code}  xã ${d.unitCode}  hạn đã lưu ${dmy(d.storedDue)}  theo lịch hiện hành ${dmy(d.currentDue)}  ` +
          `(${d.workingDays > 0 ? '+' : ''}${d.workingDays} ngày làm việc)`,
      );
    if (result.differences.length > 0)
      io.out('Hạn đã lưu không bị thay đổi. Xem docs/CALENDAR.md, mục "After a calendar correction".');
    return 0;
  } finally {
    await handle.close();
  }
}

export async function calendarCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('calendar', args, OPTIONS);
  const sub = positionals[0];
  if (positionals.length !== 1) throw new CliUsageError(USAGE);
  if (sub === 'due') return due(values, io);
  if (sub === 'days') return days(values, io);
  if (sub === 'set') return set(values, io);
  if (sub === 'check-open') return checkOpen(values, io);
  throw new CliUsageError(USAGE);
}
