/**
 * The pure rules of citizen reception, one table each: the chairman's weekly day (Art. 15.2.d), which receptions
 * await a reply (Art. 28), the week's sessions with holidays and exceptions, and the policy matrix (who records,
 * who edits the schedule, who sees a denouncer).
 */
import { describe, expect, it } from 'vitest';
import { can } from '../accounts/policy.ts';
import type { Actor, Role } from '../accounts/roles.ts';
import {
  awaitsReply,
  chairmanWeekly,
  isDelegation,
  mondayOf,
  replyOverdue,
  weekSchedule,
  weekdayOfDay,
  dayNumberOfDate,
} from './reception.rules.ts';

const slot = (weekday: number, hostRole: string, fromTime = '07:30') => ({
  weekday,
  fromTime,
  toTime: '11:00',
  hostRole,
  hostName: 'Nguyễn Văn Chủ',
  hostTitle: 'Chủ tịch UBND xã',
  place: 'UBND xã',
});

describe('Art. 15.2.d: the chairman at least one day a week', () => {
  it.each([
    [[], false],
    [[slot(2, 'vice_chairman'), slot(3, 'officer')], false],
    [[slot(4, 'chairman')], true],
    [[slot(2, 'vice_chairman'), slot(4, 'chairman')], true],
  ])('%j → %s', (slots, ok) => expect(chairmanWeekly(slots)).toBe(ok));
});

describe('Art. 28: what awaits a reply', () => {
  it.each([
    ['complaint', 'guided', false],
    ['complaint', 'petition', true],
    ['complaint', 'forwarded', true],
    ['denunciation', 'petition', true],
    ['feedback', 'forwarded', true],
    ['other', 'forwarded', false],
    ['other', 'guided', false],
  ] as const)('%s, %s → %s', (kind, handling, due) => expect(awaitsReply(kind, handling)).toBe(due));

  it('is overdue only when due, unanswered and past', () => {
    expect(replyOverdue({ reply_by: 100, replied_at: null }, 101)).toBe(true);
    expect(replyOverdue({ reply_by: 100, replied_at: null }, 100)).toBe(false);
    expect(replyOverdue({ reply_by: 100, replied_at: 150 }, 200)).toBe(false);
    expect(replyOverdue({ reply_by: null, replied_at: null }, 200)).toBe(false);
  });

  it('counts a delegation from five people (đoàn đông người)', () => {
    expect([1, 4, 5, 30].map(isDelegation)).toEqual([false, false, true, true]);
  });
});

describe('the week', () => {
  it('knows weekdays and Mondays', () => {
    expect(weekdayOfDay(dayNumberOfDate('2026-11-24'))).toBe(2); // a Tuesday
    expect(weekdayOfDay(dayNumberOfDate('2026-12-06'))).toBe(7); // a Sunday
    expect(mondayOf('2026-12-06')).toBe('2026-11-30');
    expect(mondayOf('2026-12-07')).toBe('2026-12-07');
  });

  it('drops sessions on a holiday and cancelled ones, adds extra ones', () => {
    const days = weekSchedule(
      '2026-11-23',
      [slot(2, 'chairman'), slot(4, 'chairman'), slot(4, 'vice_chairman', '14:00')],
      [
        { date: '2026-11-26', kind: 'cancelled', fromTime: '07:30', note: 'Họp' },
        {
          date: '2026-11-28',
          kind: 'extra',
          fromTime: '08:00',
          toTime: '10:00',
          hostName: 'A',
          hostTitle: 'B',
          place: 'C',
        },
      ],
      (d) => d !== '2026-11-24',
    );
    const on = (date: string) => days.find((d) => d.date === date)!;
    expect(on('2026-11-24')).toMatchObject({ holiday: true, sessions: [], cancelled: [] });
    expect(on('2026-11-26').sessions.map((s) => s.fromTime)).toEqual(['14:00']);
    expect(on('2026-11-26').cancelled).toEqual([{ fromTime: '07:30', toTime: '11:00', note: 'Họp' }]);
    expect(on('2026-11-28').sessions).toMatchObject([{ extra: true, place: 'C' }]);
    expect(days.map((d) => d.weekday)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});

describe('the policy matrix', () => {
  const actor = (roles: Role[], unitCode: string, provinceCode = '68'): Actor =>
    ({ id: 'x', username: 'x', displayName: 'x', roles, unitCode, provinceCode }) as Actor;
  const own = { provinceCode: '68', unitCode: '25000' };
  const ROWS: [string, Actor, boolean, boolean, boolean][] = [
    // who, actor, record, edit schedule, see a denouncer
    ['counter officer', actor(['counter_officer'], '25000'), true, false, false],
    ['specialist', actor(['specialist'], '25000'), true, false, false],
    ['commune leader', actor(['commune_leader'], '25000'), true, true, true],
    ['another commune’s leader', actor(['commune_leader'], '25015'), false, false, false],
    ['province supervisor', actor(['province_supervisor'], '68'), false, false, false],
    ['another province’s supervisor', actor(['province_supervisor'], '01', '01'), false, false, false],
    ['system admin', actor(['system_admin'], '68'), true, true, false],
  ];
  it.each(ROWS)('%s', (_who, a, record, edit, denouncer) => {
    expect(can(a, 'reception.record', own)).toBe(record);
    expect(can(a, 'reception.schedule.edit', own)).toBe(edit);
    expect(can(a, 'reception.read_denouncer', own)).toBe(denouncer);
  });
});
