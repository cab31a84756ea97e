import type { WorkingCalendar } from '../../shared/calendar/index.ts';

/**
 * Paper dossiers are transferred the same working day, or the next one when received after 15:00 (Art. 18):
 * the same-day rule D3 with a 15:00 cut-off.
 */
export function paperTransferBy(calendar: WorkingCalendar, receivedAt: number): number {
  return calendar.due(receivedAt, { value: 0, unit: 'working_day', cutoff: '15:00' });
}

/** A supplement found missing during appraisal must be requested within 3 working days of receipt (Art. 19). */
export const SUPPLEMENT_REQUEST_WINDOW = { value: 3, unit: 'working_day' } as const;

/** Without the complete supplement for this many calendar days the dossier is closed (returned). */
export const SUPPLEMENT_WAIT_DAYS = 15;

/** Errors in a result are corrected within 3 working days (Art. 23). */
export const CORRECTION_WINDOW = { value: 3, unit: 'working_day' } as const;
