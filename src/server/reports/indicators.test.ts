import { describe, expect, it } from 'vitest';
import { createCalendar, defaultCalendarSpec, parseInstant } from '../../shared/calendar/index.ts';
import { averageWorkingDays, indicators766 } from './indicators.ts';
import { fixtureReport } from './report.fixtures.ts';

const calendar = createCalendar(defaultCalendarSpec());
const t = (s: string) => parseInstant(`${s}+07:00`);

describe('Decision 766 indicators', () => {
  const totals = fixtureReport().totals; // resolved 45: 8 early, 15 on time, 22 late; new 87, 22 online

  it('2.1, 3.3 and 5.4 from the period totals', () => {
    const { items } = indicators766(totals, [], calendar, { total: 0, known: 0, electronic: 0 }, 0);
    const by = Object.fromEntries(items.map((i) => [i.id, i]));
    expect(by['2.1']).toMatchObject({ value: 51.1, numerator: 23, denominator: 45, unit: '%' });
    expect(by['3.3']).toMatchObject({ value: 25.3, target: 50, attainment: 0.506 });
    expect(by['5.4']).toMatchObject({ value: 51.1, target: 90, attainment: 0.568 });
    expect(by['2.2']).toMatchObject({ value: null, denominator: 0 });
  });

  it('5.4 takes off the share of resolved dossiers complained of', () => {
    // resolved 45, late 22: 100 − 48.9 − 9 / 45 × 100 (20) = 31.1
    const { items } = indicators766(totals, [], calendar, { total: 0, known: 0, electronic: 0 }, 9);
    const i54 = items.find((i) => i.id === '5.4');
    expect(i54).toMatchObject({ value: 31.1, numerator: 9, denominator: 45, attainment: 0.346 });
    expect(i54).not.toHaveProperty('noteCode');
  });

  it('2.2 averages working days on the calendar (weekends and Tết excluded)', () => {
    // Fri 13 Feb 2026 16:00 → Wed 25 Feb 2026 17:30: 16-20 Feb are Tết; 1.5 h + 3 × 8 h = 25.5 h = 3.1875 days.
    expect(averageWorkingDays([[t('2026-02-13T16:00:00'), t('2026-02-25T17:30:00')]], calendar)).toBe(3.2);
    expect(averageWorkingDays([], calendar)).toBeNull();
  });

  it('4.1 when deliveries record their channel, else omitted with the reason', () => {
    const none = indicators766(totals, [], calendar, { total: 5, known: 0, electronic: 0 }, 0);
    expect(none.items.map((i) => i.id)).toEqual(['2.1', '2.2', '3.3', '5.4']);
    expect(none.omitted).toEqual([
      {
        id: '4.1',
        name: 'Tỷ lệ hồ sơ trả kết quả điện tử',
        reason: expect.stringContaining('imported history has none'),
        reasonCode: 'no_delivery_channel',
      },
    ]);
    const undelivered = indicators766(totals, [], calendar, { total: 0, known: 0, electronic: 0 }, 0);
    expect(undelivered.omitted[0]?.reasonCode).toBe('no_delivery');
    const some = indicators766(totals, [], calendar, { total: 5, known: 4, electronic: 1 }, 0);
    expect(some.items.map((i) => i.id)).toEqual(['2.1', '2.2', '3.3', '4.1', '5.4']);
    expect(some.items[3]).toMatchObject({
      value: 25,
      numerator: 1,
      denominator: 4,
      noteCode: 'deliveries_without_channel',
      noteCount: 1,
    });
    expect(some.omitted).toEqual([]);
    const all = indicators766(totals, [], calendar, { total: 4, known: 4, electronic: 1 }, 0);
    expect(all.items[3]?.noteCode).toBeUndefined();
  });
});
