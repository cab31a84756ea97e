import { describe, expect, it } from 'vitest';
import { TASK_ACTIONS, allowedTaskActions, nextTaskStatus, taskTimeliness } from './task.ts';

describe('task discipline', () => {
  it('gives the person start and submit, the leader accept, return, extend and cancel', () => {
    expect(allowedTaskActions('assigned', ['assignee'])).toEqual(['start', 'submit']);
    expect(allowedTaskActions('assigned', ['leader'])).toEqual(['extend', 'cancel']);
    expect(allowedTaskActions('submitted', ['leader'])).toEqual(['accept', 'return', 'extend', 'cancel']);
    expect(allowedTaskActions('submitted', ['assignee'])).toEqual([]);
    expect(allowedTaskActions('in_progress', ['assignee', 'leader'])).toEqual(['submit', 'extend', 'cancel']);
  });

  it('a returned task is back in progress; nothing follows done or cancelled', () => {
    expect(nextTaskStatus('submitted', 'return')).toBe('in_progress');
    expect(nextTaskStatus('in_progress', 'extend')).toBe('in_progress');
    for (const a of TASK_ACTIONS) {
      expect(nextTaskStatus('done', a)).toBeNull();
      expect(nextTaskStatus('cancelled', a)).toBeNull();
    }
  });

  it('judges the product by when it was handed in against the time', () => {
    const due = 1_000;
    expect(taskTimeliness({ status: 'done', dueAt: due, submittedAt: 1_000 }, 5_000)).toBe('on_time');
    expect(taskTimeliness({ status: 'submitted', dueAt: due, submittedAt: 1_001 }, 1_002)).toBe('late');
    expect(taskTimeliness({ status: 'in_progress', dueAt: due, submittedAt: null }, 999)).toBeNull();
    expect(taskTimeliness({ status: 'in_progress', dueAt: due, submittedAt: null }, 1_001)).toBe('late');
    expect(taskTimeliness({ status: 'cancelled', dueAt: due, submittedAt: null }, 9_999)).toBeNull();
  });
});
