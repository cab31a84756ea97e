/**
 * The Decision 766/QĐ-TTg (2022) service-quality indicators that MộtCửa's data supports, each with its formula
 * (docs/REPORTS.md). Indicators the data cannot support are listed in `omitted` with the reason.
 */
import type { WorkingCalendar } from '../../shared/calendar/index.ts';
import { share } from './brief.format.ts';
import type { Deliveries } from './dashboard.repository.ts';
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
  /** A remark in English, and the same as a stable code (+ count) for screens that translate it. */
  note?: string;
  noteCode?: 'deliveries_without_channel';
  noteCount?: number;
}

/** An indicator the data cannot support: `reason` in English, `reasonCode` stable for translation. */
export interface OmittedIndicator {
  id: string;
  name: string;
  reason: string;
  reasonCode: 'no_delivery' | 'no_delivery_channel';
}

export interface Indicators766 {
  items: Indicator[];
  omitted: OmittedIndicator[];
}

const round1 = (v: number): number => Math.round(v * 10) / 10;
const attainment = (value: number | null, target: number): number | null =>
  value === null ? null : Math.round(Math.min(1, value / target) * 1000) / 1000;

/** Average working days between receipt and resolution (working time of the province calendar / one working day). */
export function averageWorkingDays(spans: [number, number][], calendar: WorkingCalendar): number | null {
  if (spans.length === 0) return null;
  let total = 0;
  for (const [received, resolved] of spans)
    total += Math.max(0, calendar.workingMillisBetween(received, resolved));
  return round1(total / spans.length / calendar.workingDayMillis);
}

const NAME_41 = 'Tỷ lệ hồ sơ trả kết quả điện tử';

/** 4.1 when some delivery of the period records its channel; otherwise the reason it is omitted. */
function indicator41(d: Deliveries): Indicator | OmittedIndicator {
  if (d.known === 0)
    return d.total === 0
      ? {
          id: '4.1',
          name: NAME_41,
          reason: 'No result of the dossiers resolved in the period has been delivered.',
          reasonCode: 'no_delivery',
        }
      : {
          id: '4.1',
          name: NAME_41,
          reason:
            'No delivery of the period records its channel (imported history has none; live deliveries record counter, postal or online).',
          reasonCode: 'no_delivery_channel',
        };
  const unrecorded = d.total - d.known;
  return {
    id: '4.1',
    name: NAME_41,
    value: round1(share(d.electronic, d.known)),
    unit: '%',
    formula:
      "deliveries with method 'online' / deliveries whose method is recorded × 100 (dossiers resolved in the period, result delivered)",
    numerator: d.electronic,
    denominator: d.known,
    ...(unrecorded > 0
      ? {
          note: `${unrecorded} delivery(ies) without a recorded channel (imported) are left out.`,
          noteCode: 'deliveries_without_channel' as const,
          noteCount: unrecorded,
        }
      : {}),
  };
}

export function indicators766(
  t: ReportCounts,
  spans: [number, number][],
  calendar: WorkingCalendar,
  deliveries: Deliveries,
  /** Dossiers resolved in the period about which a complaint or feedback was lodged and not rejected. */
  complainedOf: number,
): Indicators766 {
  const resolved = t.resolved.total;
  const fresh = t.received.online + t.received.directOrPostal;
  const onTime = t.resolved.early + t.resolved.onTime;
  const rate21 = resolved ? round1(share(onTime, resolved)) : null;
  const rate33 = fresh ? round1(share(t.received.online, fresh)) : null;
  const lateRate = resolved ? share(t.resolved.late, resolved) : null;
  const complaintRate = resolved ? share(Math.min(complainedOf, resolved), resolved) : null;
  const value54 =
    lateRate === null || complaintRate === null ? null : round1(Math.max(0, 100 - lateRate - complaintRate));
  const i41 = indicator41(deliveries);
  const items: Indicator[] = [
    {
      id: '2.1',
      name: 'Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn',
      value: rate21,
      unit: '%',
      formula: '(early + onTime) / resolved × 100',
      numerator: onTime,
      denominator: resolved,
    },
    {
      id: '2.2',
      name: 'Thời gian giải quyết trung bình',
      value: averageWorkingDays(spans, calendar),
      unit: 'working_day',
      formula:
        'mean over the dossiers resolved in the period of workingTime(receivedAt, resolvedAt) / 8 h (province calendar)',
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
      name: 'Mức độ hài lòng (100% − tỷ lệ trễ hạn − tỷ lệ phản ánh, kiến nghị)',
      value: value54,
      unit: '%',
      formula:
        '100 − late / resolved × 100 − complained-of / resolved × 100 (complained-of: dossiers resolved in the period with a complaint or feedback not rejected)',
      target: 90,
      attainment: attainment(value54, 90),
      numerator: Math.min(complainedOf, resolved),
      denominator: resolved,
    },
  ];
  if ('reason' in i41) return { items, omitted: [i41] };
  items.splice(3, 0, i41);
  return { items, omitted: [] };
}
