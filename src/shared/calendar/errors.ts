export type CalendarErrorCode =
  | 'INVALID_LIMIT'
  | 'INVALID_UNIT'
  | 'INVALID_CUTOFF'
  | 'INVALID_DATE'
  | 'INVALID_INSTANT'
  | 'INVALID_SPEC'
  | 'OUT_OF_RANGE'
  | 'EXTENSION_ALREADY_USED'
  | 'EXTENSION_NOT_LATER';

/**
 * A known, stable error of the calendar core. `field` names the offending input (e.g. 'limit'), `rule`
 * says what it must satisfy (e.g. 'must be a non-negative integer').
 */
export class CalendarError extends Error {
  readonly code: CalendarErrorCode;
  readonly field: string;
  readonly rule: string;

  constructor(code: CalendarErrorCode, field: string, rule: string) {
    super(`${field} ${rule}`);
    this.name = 'CalendarError';
    this.code = code;
    this.field = field;
    this.rule = rule;
  }
}
