import { describe, expect, it } from 'vitest';
import { createCalendar, defaultCalendarSpec, parseInstant } from '../calendar/index.ts';
import {
  DEFAULT_PETITION_RULES as RULES,
  PETITION_ACTIONS,
  PETITION_KINDS,
  allowedPetitionActions,
  forwardBy,
  lodgedLate,
  maxExtensions,
  mergePetitionRules,
  nextPetitionStatus,
  requestInfoBy,
  resolutionLimit,
  respondBy,
  type PetitionCase,
} from './petition.ts';

const cal = createCalendar(defaultCalendarSpec());
const t = (local: string): number => parseInstant(`${local}+07:00`);
const complaint = (over: Partial<PetitionCase> = {}): PetitionCase => ({
  kind: 'complaint',
  instance: 1,
  complexity: 0,
  remote: false,
  ...over,
});

describe('petition lifecycle', () => {
  it('allows the feedback-only and denunciation-only actions to their kind alone', () => {
    expect(allowedPetitionActions('feedback', 'received')).toEqual([
      'request_info',
      'accept',
      'reject',
      'withdraw',
    ]);
    expect(allowedPetitionActions('complaint', 'received')).toEqual(['accept', 'reject', 'withdraw']);
    expect(allowedPetitionActions('denunciation', 'accepted')).toEqual(['extend', 'resolve', 'withdraw']);
    expect(allowedPetitionActions('complaint', 'accepted')).toEqual(['resolve', 'withdraw']);
    expect(allowedPetitionActions('feedback', 'resolved')).toEqual(['publish']);
    expect(nextPetitionStatus('feedback', 'received', 'request_info')).toBe('more_info_requested');
    expect(nextPetitionStatus('feedback', 'more_info_requested', 'receive_info')).toBe('received');
    expect(nextPetitionStatus('denunciation', 'accepted', 'extend')).toBe('accepted');
    expect(nextPetitionStatus('complaint', 'received', 'publish')).toBeNull();
  });

  it('allows nothing once rejected or withdrawn, and only publishing feedback once resolved', () => {
    for (const kind of PETITION_KINDS)
      for (const status of ['rejected', 'withdrawn'] as const)
        for (const action of PETITION_ACTIONS) expect(nextPetitionStatus(kind, status, action)).toBeNull();
    expect(allowedPetitionActions('complaint', 'resolved')).toEqual([]);
    expect(allowedPetitionActions('denunciation', 'resolved')).toEqual([]);
  });
});

describe('petition time limits (DOMAIN.md §5)', () => {
  it('complaints: 30 days, 45 complex or remote, 60 remote and complex; second resolution 45/60/60/70', () => {
    const values = (instance: 1 | 2) =>
      [
        complaint({ instance }),
        complaint({ instance, complexity: 1 }),
        complaint({ instance, remote: true }),
        complaint({ instance, remote: true, complexity: 1 }),
      ].map((c) => resolutionLimit(RULES, c));
    expect(values(1)).toEqual([30, 45, 45, 60].map((value) => ({ value, unit: 'calendar_day' })));
    expect(values(2)).toEqual([45, 60, 60, 70].map((value) => ({ value, unit: 'calendar_day' })));
  });

  const den: PetitionCase = { kind: 'denunciation', instance: 1, complexity: 0, remote: false };

  it.each([
    // Law on Denunciation 2018 Art. 30.1: an ordinary case cannot be extended; complex once; especially complex twice
    ['ordinary', 0, 0],
    ['complex', 1, 1],
    ['especially complex', 2, 2],
  ] as const)(
    'denunciations: 30 days from acceptance; a %s case may be extended %i time(s)',
    (_c, level, max) => {
      expect(resolutionLimit(RULES, { ...den, complexity: level })).toEqual({
        value: 30,
        unit: 'calendar_day',
      });
      expect(maxExtensions(RULES, { ...den, complexity: level })).toBe(max);
      expect(RULES.denunciation.extension).toEqual({ value: 30, unit: 'calendar_day' });
    },
  );

  it('complaints are never extended; feedback is handled in 15 working days (MộtCửa default)', () => {
    expect(maxExtensions(RULES, complaint())).toBe(0);
    expect(resolutionLimit(RULES, { ...den, kind: 'feedback' })).toEqual({ value: 15, unit: 'working_day' });
  });

  it.each([
    // [case, received, multiPlace, accept by]: Art. 24.1, 7 working days, 10 when checked in several places
    ['7 working days', '2026-11-19T09:00:00', false, '2026-12-01T17:30:00'], // Thu; 24 Nov is a holiday
    ['10 working days in several places', '2026-11-19T09:00:00', true, '2026-12-04T17:30:00'],
  ] as const)('denunciations: accept within %s', (_c, received, multiPlace, by) => {
    expect(respondBy(RULES, cal, 'denunciation', t(received), multiPlace)).toBe(t(by));
  });

  it('denunciations outside the competence are forwarded within 5 working days (Art. 24.2)', () => {
    // Fri 20 Nov 2026 → Mon 23 (1), Wed 25 (2; Tue 24 is Vietnamese Culture Day), Thu 26, Fri 27, Mon 30 Nov (5)
    expect(forwardBy(RULES, cal, t('2026-11-20T10:00:00'))).toBe(t('2026-11-30T17:30:00'));
  });

  it('feedback: reject within 2 working days and ask for more within 5, on the working calendar', () => {
    // Fri 13 Feb 2026 16:00; 16-20 Feb are Tết: the 2nd working day after is Tue 24 Feb, the 5th Fri 27 Feb.
    const received = t('2026-02-13T16:00:00');
    expect(respondBy(RULES, cal, 'feedback', received)).toBe(t('2026-02-24T17:30:00'));
    expect(requestInfoBy(RULES, cal, received)).toBe(t('2026-02-27T17:30:00'));
  });

  it.each([
    // Law on Complaints 2011 Art. 27: accept within 10 working days of receipt
    ['a plain fortnight', '2026-03-02T09:00:00', '2026-03-16T17:30:00'], // Mon → Mon two weeks on
    ['received on a Saturday', '2026-03-21T10:00:00', '2026-04-06T17:30:00'], // clock from Mon 23 Mar (D1)
    ['across the Culture Day holiday', '2026-11-20T10:00:00', '2026-12-07T17:30:00'], // Tue 24 Nov is off
  ])('complaints: accept within 10 working days (%s)', (_c, received, by) => {
    expect(RULES.complaint.respond).toEqual({ value: 10, unit: 'working_day' });
    expect(respondBy(RULES, cal, 'complaint', t(received))).toBe(t(by));
  });

  it.each([
    // [case, instance, remote, last day to lodge (calendar days, ending on a working day)]
    ['first complaint: 90 days (Art. 9)', 1, false, '2026-03-02'], // 90 days after 1 Dec 2025 is Sun 1 Mar
    ['second complaint: 30 days (Art. 33)', 2, false, '2025-12-31'],
    ['second complaint, remote area: 45 days (Art. 33)', 2, true, '2026-01-15'],
  ] as const)('%s', (_c, instance, remote, lastDay) => {
    const known = t('2025-12-01T10:00:00');
    const c = { instance, remote };
    expect(lodgedLate(RULES, cal, known, t(`${lastDay}T16:00:00`), c)).toBe(false);
    expect(lodgedLate(RULES, cal, known, t(`${lastDay}T17:31:00`), c)).toBe(true);
  });

  it('complaints lodged after 90 days are flagged; a limit ending on a Sunday runs to Monday', () => {
    // 90 days after 1 Dec 2025 is Sun 1 Mar 2026: the limit ends on Mon 2 Mar.
    const known = t('2025-12-01T10:00:00');
    expect(lodgedLate(RULES, cal, known, t('2026-03-02T16:00:00'))).toBe(false);
    expect(lodgedLate(RULES, cal, known, t('2026-03-03T08:00:00'))).toBe(true);
  });

  it('merges a province override limit by limit over the defaults', () => {
    const rules = mergePetitionRules(RULES, {
      complaint: { first: { normal: { value: 20, unit: 'working_day' } } },
      denunciation: { maxExtensions: { normal: 0 } }, // as the default: the override keeps the others
      unknown: { x: 1 },
    });
    expect(rules.complaint.first).toEqual({
      ...RULES.complaint.first,
      normal: { value: 20, unit: 'working_day' },
    });
    expect(rules.complaint.second).toEqual(RULES.complaint.second);
    expect(rules.denunciation.maxExtensions).toEqual({ normal: 0, complex: 1, veryComplex: 2 });
    expect(rules.feedback).toEqual(RULES.feedback);
    expect(rules).not.toHaveProperty('unknown');
  });
});
