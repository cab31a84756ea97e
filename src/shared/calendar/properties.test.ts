/**
 * Property tests: the fast engine against a naive day-by-day reference written here from the rules, plus
 * monotonicity, "due inside working time", and composition of working hours.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCalendar } from './engine.ts';
import { defaultCalendarSpec } from './official-schedules.ts';
import { statutoryYear } from './statutory.ts';
import type { CalendarSpec, DeadlineLimit, LimitUnit, WorkingCalendar } from './types.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MIN = 60_000;

// ---- naive reference ----------------------------------------------------------------------------------

const clock = (hhmm: string): number => Number(hhmm.slice(0, 2)) * HOUR + Number(hhmm.slice(3)) * MIN;

/** Is a day (days since 1970-01-01) a working day, straight from the spec's layers. */
function naiveWorkingDay(spec: CalendarSpec): (day: number) => boolean {
  const schedules = new Map<number, { off: Set<string>; work: Set<string> }>();
  const schedule = (year: number) => {
    let s = schedules.get(year);
    if (!s) {
      const y =
        spec.years[String(year)] ??
        statutoryYear(year, {
          workingWeekdays: spec.workingWeekdays,
          nationalDayAdjacent: spec.nationalDayAdjacent,
        });
      s = { off: new Set(y.daysOff.map((d) => d.date)), work: new Set(y.workingDays.map((d) => d.date)) };
      schedules.set(year, s);
    }
    return s;
  };
  const has = (list: { date: string }[] | undefined, date: string): boolean =>
    (list ?? []).some((d) => d.date === date);
  return (day) => {
    const date = new Date(day * DAY).toISOString().slice(0, 10);
    if (has(spec.extraWorkingDays, date)) return true;
    if (has(spec.extraDaysOff, date)) return false;
    const s = schedule(Number(date.slice(0, 4)));
    if (s.work.has(date)) return true;
    if (s.off.has(date)) return false;
    const js = new Date(day * DAY).getUTCDay();
    return spec.workingWeekdays.includes(js === 0 ? 7 : js);
  };
}

/** The rules D1-D5 walked day by day (and period by period for hours). */
function naiveCalendar(spec: CalendarSpec) {
  const off = spec.utcOffsetMinutes * MIN;
  const periods = spec.periods.map((p) => [clock(p.start), clock(p.end)] as const);
  const working = naiveWorkingDay(spec);
  const dayOf = (t: number): number => Math.floor((t + off) / DAY);
  const endOf = (day: number): number => day * DAY - off + (periods[periods.length - 1]?.[1] ?? 0);
  const clockStart = (r: number): number => {
    for (let day = dayOf(r); ; day += 1) {
      if (!working(day)) continue;
      for (const [s, e] of periods) if (r < day * DAY - off + e) return Math.max(r, day * DAY - off + s);
    }
  };
  const addHours = (s: number, hours: number): number => {
    let left = hours * HOUR;
    if (left === 0) return s;
    for (let day = dayOf(s); ; day += 1) {
      if (!working(day)) continue;
      for (const [ps, pe0] of periods) {
        const pe = day * DAY - off + pe0;
        const from = Math.max(s, day * DAY - off + ps);
        if (pe <= from) continue;
        if (left <= pe - from) return from + left;
        left -= pe - from;
      }
    }
  };
  const due = (r: number, limit: DeadlineLimit): number => {
    const s = clockStart(r);
    const ds = dayOf(s);
    if (limit.unit === 'working_hour') return addHours(s, limit.value);
    let d = ds;
    if (limit.unit === 'calendar_day') {
      for (d = ds + limit.value; !working(d);) d += 1;
      return endOf(d);
    }
    let n = limit.value;
    if (n === 0) n = s - (ds * DAY - off) < clock(limit.cutoff ?? '15:00') ? 0 : 1;
    for (let counted = 0; counted < n;) if (working(++d)) counted += 1;
    return endOf(d);
  };
  return { clockStart, due, working, dayOf };
}

// ---- calendars and generators ---------------------------------------------------------------------------

const SPECS: Record<string, CalendarSpec> = {
  national: defaultCalendarSpec(),
  statutoryOnly: { ...defaultCalendarSpec(), years: {} },
  province: {
    ...defaultCalendarSpec(),
    periods: [
      { start: '07:00', end: '11:00' },
      { start: '13:00', end: '16:30' },
    ],
    extraDaysOff: [
      { date: '2026-03-03', reason: 'Lễ hội địa phương' },
      { date: '2027-06-15', reason: 'Bão' },
    ],
    extraWorkingDays: [
      { date: '2026-03-07', reason: 'Làm bù' },
      { date: '2025-01-28', reason: 'Trực' },
    ],
  },
  sixDays: {
    ...defaultCalendarSpec(),
    workingWeekdays: [1, 2, 3, 4, 5, 6],
    periods: [
      { start: '08:00', end: '12:00' },
      { start: '12:30', end: '14:00' },
      { start: '15:00', end: '18:15' },
    ],
    years: {},
  },
};
const CALENDARS = Object.entries(SPECS).map(([name, spec]) => ({
  name,
  fast: createCalendar(spec),
  naive: naiveCalendar(spec),
}));
const byName = new Map(CALENDARS.map((c) => [c.name, c]));

const FROM = Date.UTC(2024, 0, 1) - 7 * HOUR;
const TO = Date.UTC(2028, 11, 31) - 7 * HOUR;
/** Boundary times of day (local minutes), +-1 ms around them is also tried. */
const EDGES = [0, 7 * 60, 450, 480, 660, 690, 750, 780, 810, 900, 990, 1050, 1095, 1439];
const arbReceipt = fc.oneof(
  fc.integer({ min: FROM, max: TO }),
  fc
    .tuple(
      fc.integer({ min: 0, max: Math.floor((TO - FROM) / DAY) }),
      fc.constantFrom(...EDGES),
      fc.constantFrom(-1, 0, 1),
    )
    .map(([d, m, e]) => FROM + d * DAY + m * MIN + e),
);
const arbLimit: fc.Arbitrary<DeadlineLimit> = fc.oneof(
  fc.integer({ min: 0, max: 60 }).map((value) => ({ value, unit: 'working_day' as const })),
  fc
    .tuple(fc.constantFrom('08:00', '11:30', '15:00', '16:45'), fc.constant(0))
    .map(([cutoff, value]) => ({ value, unit: 'working_day' as const, cutoff })),
  fc.integer({ min: 0, max: 64 }).map((value) => ({ value, unit: 'working_hour' as const })),
  fc.integer({ min: 0, max: 60 }).map((value) => ({ value, unit: 'calendar_day' as const })),
);
/** Calendar names (so counterexamples stay readable); `get` gives the calendar. */
const arbCalendar = fc.constantFrom(...Object.keys(SPECS));
const get = (name: string) => byName.get(name) ?? expect.fail(name);

function insideWorkingTimeOrPeriodEnd(cal: WorkingCalendar, t: number): boolean {
  const off = cal.utcOffsetMinutes * MIN;
  const day = Math.floor((t + off) / DAY);
  const msOfDay = t + off - day * DAY;
  const date = new Date(day * DAY).toISOString().slice(0, 10);
  if (!cal.isWorkingDay(date)) return false;
  return cal.spec.periods.some((p) => msOfDay >= clock(p.start) && msOfDay <= clock(p.end));
}

describe('fast engine = naive day-by-day reference (receipts 2024-2028)', () => {
  it('for every unit and limit', () => {
    fc.assert(
      fc.property(arbCalendar, arbReceipt, arbLimit, (name, r, limit) => {
        const c = get(name);
        expect(c.fast.due(r, limit), `${c.name} ${new Date(r).toISOString()} ${JSON.stringify(limit)}`).toBe(
          c.naive.due(r, limit),
        );
      }),
      { numRuns: 6000 },
    );
  });

  it('for the clock start and the working days 2024-2028', () => {
    fc.assert(
      fc.property(
        arbCalendar,
        arbReceipt,
        (name, r) => get(name).fast.clockStart(r) === get(name).naive.clockStart(r),
      ),
      { numRuns: 3000 },
    );
    for (const c of CALENDARS) {
      for (let day = c.naive.dayOf(FROM) + 1; day <= c.naive.dayOf(TO); day += 1) {
        const date = new Date(day * DAY).toISOString().slice(0, 10);
        if (c.fast.isWorkingDay(date) !== c.naive.working(day)) expect.fail(`${c.name} ${date}`);
      }
    }
  });
});

describe('properties', () => {
  const units: LimitUnit[] = ['working_day', 'working_hour', 'calendar_day'];
  it.each(units)('a later receipt never gives an earlier due (%s)', (unit) => {
    fc.assert(
      fc.property(
        arbCalendar,
        arbReceipt,
        arbReceipt,
        fc.integer({ min: 0, max: 60 }),
        (name, a, b, value) => {
          const c = get(name);
          const [r1, r2] = a <= b ? [a, b] : [b, a];
          return c.fast.due(r1, { value, unit }) <= c.fast.due(r2, { value, unit });
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('a due falls inside working time or exactly on a period end', () => {
    fc.assert(
      fc.property(arbCalendar, arbReceipt, arbLimit, (name, r, limit) =>
        insideWorkingTimeOrPeriodEnd(get(name).fast, get(name).fast.due(r, limit)),
      ),
      { numRuns: 3000 },
    );
  });

  it('working hours compose: addWorkingHours(addWorkingHours(R, a), b) = due of a + b hours', () => {
    fc.assert(
      fc.property(
        arbCalendar,
        arbReceipt,
        fc.integer({ min: 0, max: 64 }),
        fc.integer({ min: 1, max: 64 }),
        (name, r, a, b) => {
          const cal = get(name).fast;
          return (
            cal.addWorkingHours(cal.addWorkingHours(r, a), b) ===
            cal.due(r, { value: a + b, unit: 'working_hour' })
          );
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('H working hours after R are exactly H hours of working time', () => {
    fc.assert(
      fc.property(arbCalendar, arbReceipt, fc.integer({ min: 0, max: 64 }), (name, r, h) => {
        const cal = get(name).fast;
        return cal.workingMillisBetween(r, cal.addWorkingHours(r, h)) === h * HOUR;
      }),
      { numRuns: 3000 },
    );
  });

  it('the clock start is idempotent and never before the receipt', () => {
    fc.assert(
      fc.property(arbCalendar, arbReceipt, (name, r) => {
        const cal = get(name).fast;
        const s = cal.clockStart(r);
        return s >= r && cal.clockStart(s) === s;
      }),
    );
  });
});
