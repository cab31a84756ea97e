/** Shared pieces of the brief: its input data, unit-name parsing, numbers, percentages and plural rules. */
import type { Locale } from '../platform/i18n/locale.ts';
import type { ReportCounts } from './report.types.ts';

/** What a unit name's leading word says it is. */
export type UnitKind =
  'commune' | 'ward' | 'special_zone' | 'township' | 'town' | 'city' | 'province' | 'district' | 'unit';

export interface NamedUnit {
  kind: UnitKind;
  /** The name without its type word, e.g. 'Di Linh'. */
  bare: string;
  /** The full Vietnamese name, e.g. 'Xã Di Linh'. */
  full: string;
}

export interface BriefData {
  unit: NamedUnit;
  isProvince: boolean;
  /** Province: how many communes; commune: how many former units it was formed from. */
  communeCount: number;
  formerUnits: NamedUnit[];
  areaKm2: number | null;
  population: number | null;
  ethnicMinorityShare: number | null;
  period: { from: string; to: string };
  totals: ReportCounts;
  /** Province: the communes with the highest and lowest on-time rate (resolved > 0). */
  ranking?: { best: { name: NamedUnit; rate: number }; worst: { name: NamedUnit; rate: number } };
}

const PREFIXES: [string, UnitKind][] = [
  ['thành phố', 'city'],
  ['thị trấn', 'township'],
  ['thị xã', 'town'],
  ['đặc khu', 'special_zone'],
  ['phường', 'ward'],
  ['huyện', 'district'],
  ['quận', 'district'],
  ['tỉnh', 'province'],
  ['xã', 'commune'],
];

export function nameUnit(full: string): NamedUnit {
  const lower = full.toLocaleLowerCase('vi');
  for (const [prefix, kind] of PREFIXES)
    if (lower.startsWith(`${prefix} `)) return { kind, bare: full.slice(prefix.length + 1).trim(), full };
  return { kind: 'unit', bare: full, full };
}

function group(intPart: string, separator: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** 64179 → vi '64.179', en '64,179', ru '64 179' (no-break space); up to `digits` decimals, trailing zeros dropped. */
export function formatNumber(n: number, lang: Locale, digits = 0): string {
  const [int = '0', rawFrac = ''] = n.toFixed(digits).split('.');
  const frac = rawFrac.replace(/0+$/, '');
  const sep = lang === 'vi' ? '.' : lang === 'en' ? ',' : '\u00a0';
  const dec = lang === 'en' ? '.' : ',';
  return frac ? `${group(int, sep)}${dec}${frac}` : group(int, sep);
}

/** A share in percent, one decimal (none when whole): vi '54,1%', en '54.1%', ru '54,1 %'. */
export function formatPercent(value: number, lang: Locale): string {
  const text = formatNumber(value, lang, 1);
  return lang === 'ru' ? `${text}\u00a0%` : `${text}%`;
}

/** part / whole in percent (0 when whole is 0). */
export const share = (part: number, whole: number): number => (whole > 0 ? (100 * part) / whole : 0);

/** Russian plural: 1 дело, 2 дела, 5 дел (21 дело, 22 дела, 11-14 дел). */
export function ruPlural(n: number, forms: readonly [string, string, string]): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return forms[0];
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return forms[1];
  return forms[2];
}

/** Joins a list with commas and a final conjunction: 'a, b và c' / 'a, b and c' / 'a, b и c'. */
export function joinList(items: string[], conjunction: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

export const dateParts = (date: string): { y: number; m: number; d: number } => {
  const [y, m, d] = date.split('-').map(Number);
  return { y: y ?? 0, m: m ?? 1, d: d ?? 1 };
};

/** Early-or-on-time share of the resolved (Decision 766 indicator 2.1). */
export const onTimeRate = (c: ReportCounts): number =>
  share(c.resolved.early + c.resolved.onTime, c.resolved.total);
