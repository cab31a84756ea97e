/** The period report (Biểu 06 + MộtCửa's extra columns): the JSON shape of docs/REPORTS.md. */

export interface ReceivedCounts {
  total: number;
  online: number;
  directOrPostal: number;
  carriedOver: number;
}

export interface ResolvedCounts {
  total: number;
  early: number;
  onTime: number;
  late: number;
}

export interface InProgressCounts {
  total: number;
  /** Includes the dossiers awaiting a supplement at the end of the period. */
  withinDeadline: number;
  overdue: number;
  awaitingSupplement: number;
}

export interface ClosedCounts {
  total: number;
  returned: number;
  withdrawn: number;
}

export interface ReportCounts {
  received: ReceivedCounts;
  resolved: ResolvedCounts;
  inProgress: InProgressCounts;
  closedWithoutResult: ClosedCounts;
}

export interface ReportUnitRef {
  code: string;
  name: string;
}

export interface FieldRow extends ReportCounts {
  field: string;
}

export interface UnitRow extends ReportCounts {
  unit: ReportUnitRef;
}

export interface PeriodReport {
  unit: ReportUnitRef;
  period: { from: string; to: string };
  totals: ReportCounts;
  byField: FieldRow[];
  /** Only when the unit is a province: one row per commune, by code. */
  byUnit?: UnitRow[];
}

export interface PeriodInput {
  unitCode: string;
  from: string;
  to: string;
}

/** Flat counters as the SQL aggregate returns them (one group). */
export interface FlatCounts {
  online: number;
  directOrPostal: number;
  carriedOver: number;
  resolved: number;
  early: number;
  late: number;
  returned: number;
  withdrawn: number;
  inProgress: number;
  awaiting: number;
  overdue: number;
}

export const ZERO_FLAT: Readonly<FlatCounts> = Object.freeze({
  online: 0,
  directOrPostal: 0,
  carriedOver: 0,
  resolved: 0,
  early: 0,
  late: 0,
  returned: 0,
  withdrawn: 0,
  inProgress: 0,
  awaiting: 0,
  overdue: 0,
});

export function addFlat(a: FlatCounts, b: FlatCounts): FlatCounts {
  const out = { ...a };
  for (const k of Object.keys(out) as (keyof FlatCounts)[]) out[k] = a[k] + b[k];
  return out;
}

/** Flat counters → the report's nested counts (key order as in the contract). */
export function toCounts(f: FlatCounts): ReportCounts {
  return {
    received: {
      total: f.online + f.directOrPostal + f.carriedOver,
      online: f.online,
      directOrPostal: f.directOrPostal,
      carriedOver: f.carriedOver,
    },
    resolved: { total: f.resolved, early: f.early, onTime: f.resolved - f.early - f.late, late: f.late },
    inProgress: {
      total: f.inProgress,
      withinDeadline: f.inProgress - f.overdue,
      overdue: f.overdue,
      awaitingSupplement: f.awaiting,
    },
    closedWithoutResult: { total: f.returned + f.withdrawn, returned: f.returned, withdrawn: f.withdrawn },
  };
}
