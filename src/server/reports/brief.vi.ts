/** The brief in Vietnamese: the commune's profile and the period's figures, as an inspection report writes them. */
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
  commune: 'xã',
  ward: 'phường',
  special_zone: 'đặc khu',
  township: 'thị trấn',
  town: 'thị xã',
  city: 'thành phố',
  province: 'tỉnh',
  district: 'huyện',
  unit: 'đơn vị',
};

const n = (v: number): string => formatNumber(v, 'vi');
const pct = (v: number): string => formatPercent(v, 'vi');
const lower = (u: NamedUnit): string => (u.kind === 'unit' ? u.full : `${KIND[u.kind]} ${u.bare}`);

/** 09/7/2025: day on two digits, month without a leading zero (administrative style). */
function viDate(date: string): string {
  const { y, m, d } = dateParts(date);
  return `${String(d).padStart(2, '0')}/${m}/${y}`;
}

function profile(b: BriefData): string {
  const facts: string[] = [];
  if (b.areaKm2 !== null) facts.push(`diện tích tự nhiên ${formatNumber(b.areaKm2, 'vi', 2)} km²`);
  if (b.population !== null) facts.push(`dân số ${n(b.population)} người`);
  if (b.ethnicMinorityShare !== null)
    facts.push(`đồng bào dân tộc thiểu số chiếm ${pct(b.ethnicMinorityShare)} dân số`);
  const tail = facts.length ? `; ${facts.join(', ')}` : '';
  if (b.isProvince) return `${b.unit.full} có ${n(b.communeCount)} đơn vị hành chính cấp xã${tail}.`;
  const formers = b.formerUnits.filter((f) => f.full !== b.unit.full || b.formerUnits.length > 1);
  if (formers.length > 1)
    return `${b.unit.full} được thành lập trên cơ sở sắp xếp, sáp nhập ${joinList(formers.map(lower), 'và')}${tail}.`;
  return facts.length ? `${b.unit.full} có ${facts.join(', ')}.` : '';
}

function figures(b: BriefData): string[] {
  const t = b.totals;
  const fresh = t.received.online + t.received.directOrPostal;
  const who = b.isProvince ? 'các Trung tâm Phục vụ hành chính công cấp xã trên địa bàn tỉnh' : 'Trung tâm';
  const carried = t.received.carriedOver ? ` và ${n(t.received.carriedOver)} hồ sơ kỳ trước chuyển sang` : '';
  const out = [
    `Từ ngày ${viDate(b.period.from)} đến ngày ${viDate(b.period.to)}, ${who} đã tiếp nhận ${n(t.received.total)} hồ sơ, ` +
      `trong đó ${n(fresh)} hồ sơ mới (${n(t.received.online)} hồ sơ trực tuyến, chiếm ${pct(share(t.received.online, fresh))}; ` +
      `${n(t.received.directOrPostal)} hồ sơ trực tiếp hoặc qua dịch vụ bưu chính)${carried}.`,
  ];
  const r = t.resolved;
  out.push(
    r.total
      ? `Đã giải quyết ${n(r.total)} hồ sơ, trong đó ${n(r.early)} hồ sơ trước hạn, ${n(r.onTime)} hồ sơ đúng hạn và ` +
          `${n(r.late)} hồ sơ quá hạn; tỷ lệ giải quyết trước hạn và đúng hạn đạt ${pct(onTimeRate(t))}.`
      : 'Trong kỳ chưa có hồ sơ nào được giải quyết.',
  );
  const p = t.inProgress;
  const waiting = p.awaitingSupplement
    ? ` (có ${n(p.awaitingSupplement)} hồ sơ đang chờ công dân bổ sung)`
    : '';
  out.push(
    p.total
      ? `Đang giải quyết ${n(p.total)} hồ sơ, trong đó ${n(p.withinDeadline)} hồ sơ trong hạn${waiting} và ${n(p.overdue)} hồ sơ quá hạn.`
      : 'Cuối kỳ không còn hồ sơ đang giải quyết.',
  );
  const c = t.closedWithoutResult;
  if (c.total)
    out.push(
      `Có ${n(c.total)} hồ sơ kết thúc không có kết quả: ${n(c.returned)} hồ sơ bị trả lại hoặc dừng giải quyết, ` +
        `${n(c.withdrawn)} hồ sơ do công dân rút.`,
    );
  if (b.ranking)
    out.push(
      `Tỷ lệ giải quyết trước hạn và đúng hạn cao nhất là ${lower(b.ranking.best.name)} (${pct(b.ranking.best.rate)}), ` +
        `thấp nhất là ${lower(b.ranking.worst.name)} (${pct(b.ranking.worst.rate)}).`,
    );
  return out;
}

export function briefVi(b: BriefData): string {
  return [profile(b), ...figures(b)].filter(Boolean).join(' ');
}
