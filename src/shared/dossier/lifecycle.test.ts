import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTION_TYPES, allowedActions, ENDING, nextStatus, TRANSITIONS } from './lifecycle.ts';
import { DOSSIER_STATUSES, ENDED_STATUSES, IN_PROGRESS_STATUSES } from './status.ts';

describe('dossier lifecycle', () => {
  it('runs the main path receive → assign → appraise → approve → deliver', () => {
    let s = nextStatus('received', 'assign');
    expect(s).toBe('processing');
    s = nextStatus(s!, 'submit_for_approval');
    expect(s).toBe('awaiting_approval');
    s = nextStatus(s!, 'approve');
    expect(s).toBe('result_ready');
    expect(nextStatus(s!, 'deliver')).toBe('delivered');
  });

  it('stops the clock for a supplement and resumes on receipt', () => {
    expect(nextStatus('processing', 'request_supplement')).toBe('supplement_requested');
    expect(nextStatus('supplement_requested', 'receive_supplement')).toBe('processing');
    expect(nextStatus('supplement_requested', 'auto_return')).toBe('returned');
    expect(nextStatus('supplement_requested', 'approve')).toBeNull();
  });

  it('never leaves an ended status except by delivering or correcting a result', () => {
    for (const status of ENDED_STATUSES) {
      const allowed = allowedActions(status);
      expect(allowed.every((a) => a === 'deliver' || a === 'correct_result')).toBe(true);
    }
    expect(allowedActions('withdrawn')).toEqual([]);
    expect(allowedActions('returned')).toEqual([]);
  });

  it('lets the applicant withdraw at any time before the result, and only then', () => {
    for (const status of IN_PROGRESS_STATUSES) expect(nextStatus(status, 'withdraw')).toBe('withdrawn');
    expect(nextStatus('result_ready', 'withdraw')).toBeNull();
  });

  it('ending actions always lead to an ended status (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DOSSIER_STATUSES),
        fc.constantFrom(...ACTION_TYPES),
        (status, action) => {
          const next = nextStatus(status, action);
          if (next === null) return !TRANSITIONS[action].from.includes(status);
          if (ENDING[action]) return ENDED_STATUSES.includes(next);
          return DOSSIER_STATUSES.includes(next);
        },
      ),
    );
  });
});
