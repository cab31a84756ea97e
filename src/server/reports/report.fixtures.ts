/** A hand-made period report (test fixture of the exports and the brief). */
import { toCounts, ZERO_FLAT, type FlatCounts, type PeriodReport } from './report.types.ts';

const flat = (f: Partial<FlatCounts>): FlatCounts => ({ ...ZERO_FLAT, ...f });

export const FIXTURE_FIELDS = {
  hoTich: flat({
    online: 18,
    directOrPostal: 46,
    carriedOver: 12,
    resolved: 34,
    early: 6,
    late: 16,
    returned: 6,
    withdrawn: 5,
    inProgress: 31,
    overdue: 13,
    awaiting: 3,
  }),
  datDai: flat({
    online: 4,
    directOrPostal: 19,
    carriedOver: 8,
    resolved: 11,
    early: 2,
    late: 6,
    returned: 3,
    inProgress: 17,
    overdue: 11,
    awaiting: 2,
  }),
};

/** Di Linh, 2025-07-09..2025-08-06, two fields (the sample's first two lines of Biểu 06). */
export function fixtureReport(): PeriodReport {
  const a = FIXTURE_FIELDS.hoTich;
  const b = FIXTURE_FIELDS.datDai;
  const sum = Object.fromEntries(
    Object.keys(a).map((k) => [k, a[k as keyof FlatCounts] + b[k as keyof FlatCounts]]),
  ) as unknown as FlatCounts;
  return {
    unit: { code: '25000', name: 'Xã Di Linh' },
    period: { from: '2025-07-09', to: '2025-08-06' },
    totals: toCounts(sum),
    byField: [
      { field: 'Hộ tịch', ...toCounts(a) },
      { field: 'Đất đai', ...toCounts(b) },
    ],
  };
}

/** The same figures as a province report with two communes. */
export function fixtureProvinceReport(): PeriodReport {
  const r = fixtureReport();
  return {
    ...r,
    unit: { code: '68', name: 'Tỉnh Lâm Đồng' },
    byUnit: [
      { unit: { code: '25000', name: 'Xã Di Linh' }, ...r.totals },
      { unit: { code: '25015', name: 'Xã Gia Hiệp' }, ...toCounts(ZERO_FLAT) },
    ],
  };
}
