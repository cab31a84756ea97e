import { describe, expect, it } from 'vitest';
import { createCalendar, defaultCalendarSpec, parseInstant } from '../calendar/index.ts';
import {
  DEFAULT_PETITION_RULES as RULES,
  PETITION_ACTIONS,
  PETITION_KINDS,
  allowedPetitionActions,
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
  complex: false,
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
        complaint({ instance, complex: true }),
        complaint({ instance, remote: true }),
        complaint({ instance, remote: true, complex: true }),
      ].map((c) => resolutionLimit(RULES, c));
    expect(values(1)).toEqual([30, 45, 45, 60].map((value) => ({ value, unit: 'calendar_day' })));
    expect(values(2)).toEqual([45, 60, 60, 70].map((value) => ({ value, unit: 'calendar_day' })));
  });

  it('denunciations: 30 days, extended once (twice when very complex); feedback: 15 working days', () => {
    const den = { kind: 'denunciation' as const, instance: 1 as const, complex: false, remote: false };
    expect(resolutionLimit(RULES, den)).toEqual({ value: 30, unit: 'calendar_day' });
    expect(maxExtensions(RULES, den)).toBe(1);
    expect(maxExtensions(RULES, { ...den, complex: true })).toBe(2);
    expect(maxExtensions(RULES, complaint())).toBe(0);
    expect(resolutionLimit(RULES, { ...den, kind: 'feedback' })).toEqual({ value: 15, unit: 'working_day' });
  });

  it('feedback: reject within 2 working days and ask for more within 5, on the working calendar', () => {
    // Fri 13 Feb 2026 16:00; 16-20 Feb are Tết: the 2nd working day after is Tue 24 Feb, the 5th Fri 27 Feb.
    const received = t('2026-02-13T16:00:00');
    expect(respondBy(RULES, cal, 'feedback', received)).toBe(t('2026-02-24T17:30:00'));
    expect(requestInfoBy(RULES, cal, received)).toBe(t('2026-02-27T17:30:00'));
  });

  it('complaints: accept within 10 days, counted as calendar days ending on a working day', () => {
    expect(respondBy(RULES, cal, 'complaint', t('2026-03-02T09:00:00'))).toBe(t('2026-03-12T17:30:00'));
    // Received on Sat 21 Mar: the clock starts on Mon 23 Mar (D1), 10 days after which is Thu 2 Apr.
    expect(respondBy(RULES, cal, 'complaint', t('2026-03-21T10:00:00'))).toBe(t('2026-04-02T17:30:00'));
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
      denunciation: { maxExtensions: { normal: 0 } },
      unknown: { x: 1 },
    });
    expect(rules.complaint.first).toEqual({
      ...RULES.complaint.first,
      normal: { value: 20, unit: 'working_day' },
    });
    expect(rules.complaint.second).toEqual(RULES.complaint.second);
    expect(rules.denunciation.maxExtensions).toEqual({ normal: 0, veryComplex: 2 });
    expect(rules.feedback).toEqual(RULES.feedback);
    expect(rules).not.toHaveProperty('unknown');
  });
});
