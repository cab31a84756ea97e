/** The brief in Russian, with the plural forms numbers require (1 дело, 2 дела, 5 дел). */
import {
  dateParts,
  formatNumber,
  formatPercent,
  joinList,
  onTimeRate,
  ruPlural,
  share,
  type BriefData,
  type NamedUnit,
  type UnitKind,
} from './brief.format.ts';

/** Nominative, genitive and prepositional of the unit types, and their gender (Vietnamese names stay in Latin). */
const KIND: Record<UnitKind, [string, string, string, 'f' | 'm']> = {
  commune: ['община', 'общины', 'общине', 'f'],
  ward: ['городской район', 'городского района', 'городском районе', 'm'],
  special_zone: ['особая зона', 'особой зоны', 'особой зоне', 'f'],
  township: ['посёлок', 'посёлка', 'посёлке', 'm'],
  town: ['город', 'города', 'городе', 'm'],
  city: ['город', 'города', 'городе', 'm'],
  province: ['провинция', 'провинции', 'провинции', 'f'],
  district: ['уезд', 'уезда', 'уезде', 'm'],
  unit: ['единица', 'единицы', 'единице', 'f'],
};
const MONTHS_GEN = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
];

const n = (v: number): string => formatNumber(v, 'ru');
const pct = (v: number): string => formatPercent(v, 'ru');
const DELO = ['дело', 'дела', 'дел'] as const;
const cases = (v: number): string => `${n(v)} ${ruPlural(v, DELO)}`;
const nom = (u: NamedUnit): string => (u.kind === 'unit' ? u.full : `${KIND[u.kind][0]} ${u.bare}`);
const gen = (u: NamedUnit): string => (u.kind === 'unit' ? u.full : `${KIND[u.kind][1]} ${u.bare}`);
const prep = (u: NamedUnit): string => (u.kind === 'unit' ? u.full : `${KIND[u.kind][2]} ${u.bare}`);
const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** 'С 9 июля по 6 августа 2025 года', 'С 20 декабря 2025 года по 5 января 2026 года'. */
function range(from: string, to: string): string {
  const a = dateParts(from);
  const b = dateParts(to);
  const month = (m: number) => MONTHS_GEN[m - 1] ?? '';
  if (a.y !== b.y) return `С ${a.d} ${month(a.m)} ${a.y} года по ${b.d} ${month(b.m)} ${b.y} года`;
  if (a.m !== b.m) return `С ${a.d} ${month(a.m)} по ${b.d} ${month(b.m)} ${b.y} года`;
  return a.d === b.d ? `${a.d} ${month(a.m)} ${a.y} года` : `С ${a.d} по ${b.d} ${month(b.m)} ${b.y} года`;
}

function profile(b: BriefData): string {
  const facts: string[] = [];
  if (b.areaKm2 !== null) facts.push(`площадь — ${formatNumber(b.areaKm2, 'ru', 2)} км²`);
  if (b.population !== null)
    facts.push(
      `население — ${n(b.population)} ${ruPlural(b.population, ['человек', 'человека', 'человек'])}`,
    );
  if (b.ethnicMinorityShare !== null)
    facts.push(`доля этнических меньшинств — ${pct(b.ethnicMinorityShare)}`);
  const tail = facts.length ? ` ${cap(facts.join(', '))}.` : '';
  if (b.isProvince)
    return `${cap(nom(b.unit))} включает ${n(b.communeCount)} ${ruPlural(b.communeCount, ['административную единицу', 'административные единицы', 'административных единиц'])} уровня общины.${tail}`;
  if (b.formerUnits.length > 1)
    return `${cap(nom(b.unit))} ${KIND[b.unit.kind][3] === 'f' ? 'образована' : 'образован'} в результате объединения ${joinList(b.formerUnits.map(gen), 'и')}.${tail}`;
  return tail.trim();
}

function figures(b: BriefData): string[] {
  const t = b.totals;
  const fresh = t.received.online + t.received.directOrPostal;
  const who = b.isProvince ? 'центры общин провинции приняли' : 'центр принял';
  const carried = t.received.carriedOver ? ` и ${cases(t.received.carriedOver)} из прошлого периода` : '';
  const out = [
    `${range(b.period.from, b.period.to)} ${who} к рассмотрению ${cases(t.received.total)}: ` +
      `${n(fresh)} ${ruPlural(fresh, ['новое дело', 'новых дела', 'новых дел'])} (${n(t.received.online)} — через портал, ` +
      `${pct(share(t.received.online, fresh))}; ${n(t.received.directOrPostal)} — лично или по почте)${carried}.`,
  ];
  const r = t.resolved;
  out.push(
    r.total
      ? `Рассмотрено ${cases(r.total)}: ${n(r.early)} — досрочно, ${n(r.onTime)} — в срок, ${n(r.late)} — с нарушением срока; ` +
          `доля рассмотренных досрочно и в срок составила ${pct(onTimeRate(t))}.`
      : 'За период не рассмотрено ни одного дела.',
  );
  const p = t.inProgress;
  const waiting = p.awaitingSupplement
    ? ` (в том числе ${cases(p.awaitingSupplement)} в ожидании документов от заявителей)`
    : '';
  out.push(
    p.total
      ? `На конец периода в работе ${cases(p.total)}: ${n(p.withinDeadline)} — в пределах срока${waiting}, ${n(p.overdue)} — с истёкшим сроком.`
      : 'На конец периода дел в работе нет.',
  );
  const c = t.closedWithoutResult;
  if (c.total)
    out.push(
      `Без результата закрыто ${cases(c.total)}: ${n(c.returned)} возвращено или прекращено ведомством, ${n(c.withdrawn)} отозвано заявителями.`,
    );
  if (b.ranking)
    out.push(
      `Доля дел, рассмотренных досрочно и в срок, выше всего в ${prep(b.ranking.best.name)} (${pct(b.ranking.best.rate)}), ниже всего — в ${prep(b.ranking.worst.name)} (${pct(b.ranking.worst.rate)}).`,
    );
  return out;
}

export function briefRu(b: BriefData): string {
  return [profile(b), ...figures(b)].filter(Boolean).join(' ');
}
