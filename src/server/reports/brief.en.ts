/** The brief in English. */
import {
  dateParts,
  formatNumber,
  formatPercent,
  joinList,
  onTimeRate,
  share,
  type BriefData,
  type NamedUnit,
  type UnitKind,
} from './brief.format.ts';

const KIND: Record<UnitKind, string> = {
  commune: 'commune',
  ward: 'ward',
  special_zone: 'special zone',
  township: 'township',
  town: 'town',
  city: 'city',
  province: 'province',
  district: 'district',
  unit: 'unit',
};
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const n = (v: number): string => formatNumber(v, 'en');
const pct = (v: number): string => formatPercent(v, 'en');
const named = (u: NamedUnit): string => (u.kind === 'unit' ? u.full : `${u.bare} ${KIND[u.kind]}`);
const dossiers = (v: number): string => `${n(v)} ${v === 1 ? 'dossier' : 'dossiers'}`;
const was = (v: number): string => (v === 1 ? 'was' : 'were');

/** 'From 9 July to 6 August 2025', 'From 1 to 31 March 2026', 'From 20 December 2025 to 5 January 2026'. */
function range(from: string, to: string): string {
  const a = dateParts(from);
  const b = dateParts(to);
  const month = (m: number) => MONTHS[m - 1] ?? '';
  if (a.y !== b.y) return `From ${a.d} ${month(a.m)} ${a.y} to ${b.d} ${month(b.m)} ${b.y}`;
  if (a.m !== b.m) return `From ${a.d} ${month(a.m)} to ${b.d} ${month(b.m)} ${b.y}`;
  return a.d === b.d ? `On ${a.d} ${month(a.m)} ${a.y}` : `From ${a.d} to ${b.d} ${month(b.m)} ${b.y}`;
}

function profile(b: BriefData): string {
  const facts: string[] = [];
  if (b.areaKm2 !== null) facts.push(`covers ${formatNumber(b.areaKm2, 'en', 2)} km²`);
  if (b.population !== null) {
    const minority =
      b.ethnicMinorityShare !== null
        ? `, ${pct(b.ethnicMinorityShare)} of whom belong to ethnic minorities`
        : '';
    facts.push(`has ${n(b.population)} inhabitants${minority}`);
  }
  const tail = facts.length ? ` It ${joinList(facts, 'and')}.` : '';
  if (b.isProvince)
    return `${named(b.unit)} has ${n(b.communeCount)} communes, wards and special zones.${tail}`;
  const formers = b.formerUnits;
  if (formers.length > 1)
    return `${named(b.unit)} was formed by merging ${joinList(formers.map(named), 'and')}.${tail}`;
  return tail ? `${named(b.unit)}${tail.replace(/^ It/, '')}` : '';
}

function figures(b: BriefData): string[] {
  const t = b.totals;
  const fresh = t.received.online + t.received.directOrPostal;
  const who = b.isProvince ? "the communes' centres" : 'the centre';
  const carried = t.received.carriedOver
    ? ` and ${n(t.received.carriedOver)} ${was(t.received.carriedOver)} carried over from the previous period`
    : '';
  const out = [
    `${range(b.period.from, b.period.to)} ${who} received ${dossiers(t.received.total)}, of which ${n(fresh)} ${was(fresh)} new ` +
      `(${n(t.received.online)} online, ${pct(share(t.received.online, fresh))}; ${n(t.received.directOrPostal)} in person or by post)${carried}.`,
  ];
  const r = t.resolved;
  out.push(
    r.total
      ? `${b.isProvince ? 'The centres' : 'The centre'} resolved ${dossiers(r.total)}: ${n(r.early)} ahead of time, ${n(r.onTime)} on time and ${n(r.late)} late, ` +
          `so ${pct(onTimeRate(t))} were resolved on or ahead of time.`
      : 'No dossier was resolved in the period.',
  );
  const p = t.inProgress;
  const waiting = p.awaitingSupplement
    ? ` (${n(p.awaitingSupplement)} of them awaiting documents from the applicant)`
    : '';
  out.push(
    p.total
      ? `At the end of the period ${dossiers(p.total)} ${was(p.total)} in progress: ${n(p.withinDeadline)} within the deadline${waiting} and ${n(p.overdue)} overdue.`
      : 'No dossier was in progress at the end of the period.',
  );
  const c = t.closedWithoutResult;
  if (c.total)
    out.push(
      `A further ${dossiers(c.total)} ${was(c.total)} closed without a result: ${n(c.returned)} returned or stopped by the agency and ${n(c.withdrawn)} withdrawn by the applicant.`,
    );
  if (b.ranking)
    out.push(
      `The on-time rate was highest in ${named(b.ranking.best.name)} (${pct(b.ranking.best.rate)}) and lowest in ${named(b.ranking.worst.name)} (${pct(b.ranking.worst.rate)}).`,
    );
  return out;
}

export function briefEn(b: BriefData): string {
  const text = [profile(b), ...figures(b)].filter(Boolean).join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
