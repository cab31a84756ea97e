/**
 * The Decision 766/QĐ-TTg (2022) service-quality indicators that MộtCửa's data supports, each with its formula
 * (docs/REPORTS.md). Indicators the data cannot support are listed in `omitted` with the reason.
 */
import type { WorkingCalendar } from '../../shared/calendar/index.ts';
import { share } from './brief.format.ts';
import type { ReportCounts } from './report.types.ts';

export interface Indicator {
  id: string;
  name: string;
  /** The figure: a percentage, or days for 2.2; null when there is nothing to measure. */
  value: number | null;
  unit: '%' | 'working_day';
  formula: string;
  /** The level at which Decision 766 gives the full points, when it states one. */
  target?: number;
  /** min(1, value / target) when there is a target. */
  attainment?: number | null;
  numerator?: number;
  denominator?: number;
  /** A remark in English. */
  note?: string;
}

/** An indicator the data cannot support: `reason` in English, `reasonCode` stable for translation. */
export interface OmittedIndicator {
  id: string;
  name: string;
  reason: string;
  reasonCode: 'no_completed' | 'no_electronic_result';
}

export interface Indicators766 {
  items: Indicator[];
  omitted: OmittedIndicator[];
}

const round1 = (v: number): number => Math.round(v * 10) / 10;
const attainment = (value: number | null, target: number): number | null =>
  value === null ? null : Math.round(Math.min(1, value / target) * 1000) / 1000;

/**
 * A resolved dossier's receipt and resolution instants, and the intervals its clock stood still awaiting a
 * supplement (an interval still open ends at the resolution).
 */
export type Span = [received: number, resolved: number, pauses?: [number, number | null][]];

/**
 * Average working days between receipt and resolution, without the time suspended for supplements (Decision 766
 * indicator 2.2): working time on the province calendar / one working day.
 */
export function averageWorkingDays(spans: Span[], calendar: WorkingCalendar): number | null {
  if (spans.length === 0) return null;
  let total = 0;
  for (const [received, resolved, pauses = []] of spans) {
    let worked = Math.max(0, calendar.workingMillisBetween(received, resolved));
    for (const [start, end] of pauses) {
      const a = Math.max(start, received);
      const b = Math.min(end ?? resolved, resolved);
      if (b > a) worked -= calendar.workingMillisBetween(a, b);
    }
    total += Math.max(0, worked);
  }
  return round1(total / spans.length / calendar.workingDayMillis);
}

const NAME_41 = 'Tỷ lệ hồ sơ có kết quả điện tử có giá trị pháp lý';

/** What indicator 4.1 needs to know of the dossiers resolved in the period (results/result.repository.ts). */
export interface ElectronicResults {
  /** Resolved in the period. */
  resolved: number;
  /** Of those, the dossiers whose result is a digitally signed electronic document. */
  signed: number;
  /** Whether the unit (or scope) had signed any result at all by the end of the period. */
  anySigned: boolean;
}

/**
 * 4.1 = resolved dossiers of the period whose result is a digitally signed electronic document / resolved
 * dossiers of the period × 100 (Decision 766/QĐ-TTg, group "Số hóa hồ sơ": the share of results given as
 * electronic documents with legal value; docs/REPORTS.md). A result delivered online is not an electronic result:
 * only a digitally signed one is (Decree 45/2020 Art. 14, Decree 30/2020). A unit that has signed no result at all
 * is not scored 0 %: the indicator is omitted with that reason, as the national portal does not count a unit that
 * does not issue electronic results yet; once it signs one, every period shows the figure (0 % included).
 */
function indicator41(completed: number, e: ElectronicResults | undefined): Indicator | OmittedIndicator {
  if (completed > 0 && e?.anySigned && e.resolved > 0) {
    const value = round1(share(e.signed, e.resolved));
    return {
      id: '4.1',
      name: NAME_41,
      value,
      unit: '%',
      formula:
        'resolved dossiers whose result is a digitally signed electronic document / resolved dossiers × 100 (dossiers resolved in the period)',
      numerator: e.signed,
      denominator: e.resolved,
    };
  }
  return {
    id: '4.1',
    name: NAME_41,
    reason:
      completed === 0
        ? 'No dossier was completed in the period.'
        : 'No result of the period was given as a digitally signed electronic document; a delivery channel (online) is not an electronic result.',
    reasonCode: completed === 0 ? 'no_completed' : 'no_electronic_result',
  };
}

/** What indicator 5.4 needs to know of the dossiers resolved in the period. */
export interface Satisfaction {
  /** Resolved in the period. */
  resolved: number;
  /** Of those, the dossiers that were late, or rated dissatisfied (1-2 of 5), or complained of: each once. */
  unsatisfied: number;
}

export function indicators766(
  t: ReportCounts,
  spans: Span[],
  calendar: WorkingCalendar,
  satisfaction: Satisfaction,
  electronic?: ElectronicResults,
): Indicators766 {
  const resolved = t.resolved.total;
  const fresh = t.received.online + t.received.directOrPostal;
  // 2.1 counts what was resolved in time and what is still in time: (early + on time + in progress within the
  // deadline) / (resolved + in progress), the dossiers handled in the period.
  const inTime = t.resolved.early + t.resolved.onTime + t.inProgress.withinDeadline;
  const handled = resolved + t.inProgress.total;
  const rate21 = handled ? round1(share(inTime, handled)) : null;
  const rate33 = fresh ? round1(share(t.received.online, fresh)) : null;
  const satisfied = Math.max(0, satisfaction.resolved - satisfaction.unsatisfied);
  const value54 = satisfaction.resolved ? round1(share(satisfied, satisfaction.resolved)) : null;
  const items: Indicator[] = [
    {
      id: '2.1',
      name: 'Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn',
      value: rate21,
      unit: '%',
      formula:
        '(early + onTime + in progress within the deadline) / (resolved + in progress) × 100 (dossiers handled in the period)',
      numerator: inTime,
      denominator: handled,
    },
    {
      id: '2.2',
      name: 'Thời gian giải quyết trung bình',
      value: averageWorkingDays(spans, calendar),
      unit: 'working_day',
      formula:
        'mean over the dossiers resolved in the period of (workingTime(receivedAt, resolvedAt) − working time suspended for supplements) / 8 h (province calendar)',
      denominator: spans.length,
    },
    {
      id: '3.3',
      name: 'Tỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ tiếp nhận',
      value: rate33,
      unit: '%',
      formula: 'online / (online + directOrPostal) × 100 (dossiers new in the period)',
      target: 50,
      attainment: attainment(rate33, 50),
      numerator: t.received.online,
      denominator: fresh,
    },
    {
      id: '5.4',
      name: 'Mức độ hài lòng trong giải quyết thủ tục hành chính',
      value: value54,
      unit: '%',
      formula:
        'resolved dossiers that were neither late, nor rated dissatisfied (1-2 of 5), nor the subject of a complaint or feedback not rejected / resolved × 100, each dossier counted once',
      target: 90,
      attainment: attainment(value54, 90),
      numerator: satisfied,
      denominator: satisfaction.resolved,
    },
  ];
  const i41 = indicator41(resolved, electronic);
  if ('reasonCode' in i41) return { items, omitted: [i41] };
  items.splice(3, 0, i41);
  return { items, omitted: [] };
}
