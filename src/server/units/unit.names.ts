import { foldVietnamese } from '../../shared/text/fold.ts';
import type { CommuneType, ProvinceType } from './unit.table.ts';

/** What normalising a name changed, one entry per kind of defect. */
export type NameDefect = 'nfc' | 'whitespace' | 'apostrophe';

export interface NameStep {
  defect: NameDefect;
  before: string;
  after: string;
}

export interface NormalisedName {
  value: string;
  /** One step per defect found, in the order fixed (each step's `before` is the previous step's `after`). */
  steps: readonly NameStep[];
}

const TYPOGRAPHIC_APOSTROPHES = /[\u2018\u2019\u02bc]/g;

const FIXES: readonly [NameDefect, (s: string) => string][] = [
  ['nfc', (s) => s.normalize('NFC')],
  ['whitespace', (s) => s.replace(/\s+/g, ' ').trim()],
  ['apostrophe', (s) => s.replace(TYPOGRAPHIC_APOSTROPHES, "'")],
];

/**
 * Normalises a unit name: NFC, inner white space collapsed and trimmed, typographic apostrophes (’) turned
 * into the ASCII apostrophe that the official lists and the rest of the data use ("Ea H'Leo").
 */
export function normaliseUnitName(raw: string): NormalisedName {
  return memo(normalised, raw, normaliseUncached);
}

function normaliseUncached(raw: string): NormalisedName {
  const steps: NameStep[] = [];
  let value = raw;
  for (const [defect, fix] of FIXES) {
    const after = fix(value);
    if (after !== value) steps.push({ defect, before: value, after });
    value = after;
  }
  return { value, steps };
}

// Names repeat a lot (districts, provinces): memoising the Unicode work keeps the import fast.
const normalised = new Map<string, NormalisedName>();
const folded = new Map<string, string>();
const MEMO_LIMIT = 100_000;

function memo<T>(cache: Map<string, T>, key: string, compute: (key: string) => T): T {
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  if (cache.size >= MEMO_LIMIT) cache.clear();
  const value = compute(key);
  cache.set(key, value);
  return value;
}

/** The name alone, normalised (for callers that do not report). */
export const cleanName = (raw: string): string => normaliseUnitName(raw).value;

const COMMUNE_PREFIXES: readonly [string, CommuneType][] = [
  ['xa ', 'commune'],
  ['phuong ', 'ward'],
  ['dac khu ', 'special_zone'],
];

/** Xã → commune, Phường → ward, Đặc khu → special_zone; null when the name carries no such word. */
export function communeTypeOf(name: string): CommuneType | null {
  const folded = foldVietnamese(name);
  return COMMUNE_PREFIXES.find(([prefix]) => folded.startsWith(prefix))?.[1] ?? null;
}

/** Thành phố → city, Tỉnh → province; null when the name carries neither word. */
export function provinceTypeOf(name: string): ProvinceType | null {
  const folded = foldVietnamese(name);
  if (folded.startsWith('thanh pho ')) return 'city';
  if (folded.startsWith('tinh ')) return 'province';
  return null;
}

const TYPE_WORDS = /^(xa|phuong|dac khu|thi tran|tinh|thanh pho|thi xa|huyen|quan) /;

/** The folded name without its unit-type word: "Tỉnh Lâm Đồng" and "Lâm Đồng" both give "lam dong". */
export function bareKey(name: string): string {
  return nameKey(name).replace(TYPE_WORDS, '');
}

/** The folded full name: the key used to match a unit named in two sources. */
export const nameKey = (name: string): string => memo(folded, name, (n) => foldVietnamese(cleanName(n)));

/** Pads a code that lost its leading zeros; returns null when it is not digits or too long. */
export function padCode(raw: string, width: number): string | null {
  const trimmed = raw.trim();
  if (!/^\d+$/.test(trimmed) || trimmed.length > width) return null;
  return trimmed.padStart(width, '0');
}
