import { describe, expect, it } from 'vitest';
import { createCalendar, defaultCalendarSpec, parseInstant } from '../../shared/calendar/index.ts';
import { averageWorkingDays, indicators766 } from './indicators.ts';
import { fixtureReport } from './report.fixtures.ts';

const calendar = createCalendar(defaultCalendarSpec());
const t = (s: string) => parseInstant(`${s}+07:00`);

describe('Decision 766 indicators (as the national portal scores them)', () => {
  // resolved 45: 8 early, 15 on time, 22 late; in progress 48: 24 within the deadline, 24 overdue; new 87, 22 online
  const totals = fixtureReport().totals;
  const none = { resolved: 45, unsatisfied: 22 };

  it('2.1 = (early + on time + in progress within the deadline) / (resolved + in progress)', () => {
    const { items } = indicators766(totals, [], calendar, none);
    const by = Object.fromEntries(items.map((i) => [i.id, i]));
    expect(totals.inProgress).toMatchObject({ total: 48, withinDeadline: 24 });
    // (8 + 15 + 24) / (45 + 48) = 47 / 93 = 50.5 %
    expect(by['2.1']).toMatchObject({ value: 50.5, numerator: 47, denominator: 93, unit: '%' });
    expect(by['3.3']).toMatchObject({ value: 25.3, target: 50, attainment: 0.506 });
    expect(by['2.2']).toMatchObject({ value: null, denominator: 0 });
  });

  it.each([
    // [case, resolved, unsatisfied (late ∪ rated 1-2 ∪ complained of, each once), expected value]
    ['none unsatisfied', 45, 0, 100],
    ['only the late ones', 45, 22, 51.1],
    ['late and complained of overlap: each dossier once', 45, 30, 33.3],
    ['every one', 45, 45, 0],
    ['nothing resolved', 0, 0, null],
  ])('5.4 %s', (_case, resolved, unsatisfied, value) => {
    const { items } = indicators766(totals, [], calendar, { resolved, unsatisfied });
    const i54 = items.find((i) => i.id === '5.4');
    expect(i54).toMatchObject({
      value,
      numerator: resolved - unsatisfied,
      denominator: resolved,
      target: 90,
    });
  });

  it('2.2 averages working days on the calendar (weekends and Tết excluded)', () => {
    // Fri 13 Feb 2026 16:00 → Wed 25 Feb 2026 17:30: 16-20 Feb are Tết; 1.5 h + 3 × 8 h = 25.5 h = 3.1875 days.
    expect(averageWorkingDays([[t('2026-02-13T16:00:00'), t('2026-02-25T17:30:00')]], calendar)).toBe(3.2);
    expect(averageWorkingDays([], calendar)).toBeNull();
  });

  it('2.2 leaves out the time suspended for a supplement (and a suspension still open at the end)', () => {
    const received = t('2026-03-02T07:30:00'); // Monday
    const resolved = t('2026-03-13T17:30:00'); // Friday of the next week: 10 working days
    expect(averageWorkingDays([[received, resolved, []]], calendar)).toBe(10);
    // awaiting a supplement from Wed 4 Mar 07:30 to Mon 9 Mar 07:30: 3 working days stood still
    const paused: [number, number | null][] = [[t('2026-03-04T07:30:00'), t('2026-03-09T07:30:00')]];
    expect(averageWorkingDays([[received, resolved, paused]], calendar)).toBe(7);
    // a pause before the receipt or after the resolution counts only for its part inside
    const outside: [number, number | null][] = [[t('2026-02-25T07:30:00'), t('2026-03-03T07:30:00')]];
    expect(averageWorkingDays([[received, resolved, outside]], calendar)).toBe(9);
    const open: [number, number | null][] = [[t('2026-03-13T07:30:00'), null]];
    expect(averageWorkingDays([[received, resolved, open]], calendar)).toBe(9);
  });

  it('4.1 is omitted: no result is a signed electronic document, and a delivery channel is not one', () => {
    const some = indicators766(totals, [], calendar, none);
    expect(some.items.map((i) => i.id)).toEqual(['2.1', '2.2', '3.3', '5.4']);
    expect(some.omitted).toEqual([
      {
        id: '4.1',
        name: 'Tỷ lệ hồ sơ có kết quả điện tử có giá trị pháp lý',
        reason: expect.stringContaining('digitally signed'),
        reasonCode: 'no_electronic_result',
      },
    ]);
    const empty = fixtureReport().totals;
    empty.resolved.total = 0;
    expect(indicators766(empty, [], calendar, { resolved: 0, unsatisfied: 0 }).omitted[0]?.reasonCode).toBe(
      'no_completed',
    );
    // a unit that has signed no result at all is omitted, not scored 0 %
    const never = indicators766(totals, [], calendar, none, { resolved: 45, signed: 0, anySigned: false });
    expect(never.omitted.map((o) => o.reasonCode)).toEqual(['no_electronic_result']);
  });

  it.each([
    // [case, resolved, signed, value]
    ['some results signed', 45, 18, 40],
    ['every result signed', 45, 45, 100],
    ['a unit that signs, none this period', 45, 0, 0],
    ['two of three', 3, 2, 66.7],
  ])('4.1 = signed electronic results / resolved: %s', (_case, resolved, signed, value) => {
    const { items, omitted } = indicators766(totals, [], calendar, none, {
      resolved,
      signed,
      anySigned: true,
    });
    expect(omitted).toEqual([]);
    expect(items.map((i) => i.id)).toEqual(['2.1', '2.2', '3.3', '4.1', '5.4']);
    expect(items.find((i) => i.id === '4.1')).toMatchObject({
      value,
      unit: '%',
      numerator: signed,
      denominator: resolved,
    });
  });
});
