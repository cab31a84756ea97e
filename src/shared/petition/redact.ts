/**
 * A denouncer's identity is confidential (Law on Denunciation 2018, No. 25/2018/QH14: Art. 47 §2, Art. 56 §1-2,
 * which has the denouncer's name and address struck from the letter before others work on it): nobody but the
 * deciding leader learns it. The officer who received the denunciation typed its content, and may have typed the
 * denouncer's name, ID number, phone or address into it; `redactIdentity` replaces every occurrence with
 * "[đã ẩn]" before the content is shown. The stored text stays as typed (the leader reads it through the
 * audited reveal). Pure, and shared so that the browser could use it too.
 *
 * What is found, in a text folded for comparison (lower case, no diacritics, đ → d; shared/text/fold.ts):
 * - the name, and every run of 2 or more consecutive words of it ("Văn An", "NGUYEN VAN"), whole words only,
 *   with any white space between the words;
 * - the ID number and the phone number, as digits possibly separated by spaces, dots or dashes (a phone also
 *   written +84…/84… instead of 0…), not inside a longer number;
 * - the address, and each of its leading parts ("Số 12 Trần Phú, Phường 3, Đà Lạt" → also "Số 12 Trần Phú,
 *   Phường 3" and "Số 12 Trần Phú"), the specific part being what identifies; punctuation between words free.
 * Over-redaction (another "Văn An" in the text) is the safe side.
 */

export const REDACTED = '[đã ẩn]';

export interface Identity {
  name: string;
  idNumber?: string | null;
  phone?: string | null;
  address?: string | null;
}

/** The text folded char by char, with where each folded char came from in the original. */
interface Folded {
  text: string;
  /** For each folded char: the original index where its source char starts, and where it ends. */
  from: number[];
  to: number[];
}

const foldChar = (c: string): string =>
  c.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();

function fold(text: string): Folded {
  const out: string[] = [];
  const from: number[] = [];
  const to: number[] = [];
  let i = 0;
  for (const ch of text) {
    for (const f of foldChar(ch)) {
      out.push(f);
      from.push(i);
      to.push(i + ch.length);
    }
    i += ch.length;
  }
  return { text: out.join(''), from, to };
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const words = (s: string): string[] =>
  fold(s)
    .text.split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
const WORD_EDGE_BEFORE = '(?<![\\p{L}\\p{N}])';
const WORD_EDGE_AFTER = '(?![\\p{L}\\p{N}])';

/** The pattern of a sequence of folded words, any separator of `sep` between them, whole words. */
const wordsPattern = (ws: readonly string[], sep: string): string =>
  `${WORD_EDGE_BEFORE}${ws.map(escape).join(sep)}${WORD_EDGE_AFTER}`;

/** Every run of 2+ consecutive words of the name, and the name itself (even a single word). */
function namePatterns(name: string): string[] {
  const ws = words(name);
  if (ws.length === 0) return [];
  const patterns = [wordsPattern(ws, '\\s+')];
  for (let len = ws.length - 1; len >= 2; len--)
    for (let start = 0; start + len <= ws.length; start++)
      patterns.push(wordsPattern(ws.slice(start, start + len), '\\s+'));
  return patterns;
}

/** Digits, each gap allowing up to two spaces, dots or dashes; not part of a longer number. */
const digitsPattern = (digits: string, prefix = ''): string =>
  `(?<!\\d)${prefix}${[...digits].join('[\\s.\\-]{0,2}')}(?!\\d)`;

function idPatterns(idNumber: string | null | undefined): string[] {
  const digits = (idNumber ?? '').replace(/\D/g, '');
  return digits.length >= 4 ? [digitsPattern(digits)] : [];
}

/** A Vietnamese phone: its digits after the trunk 0 or the country code 84, with either prefix or none. */
function phonePatterns(phone: string | null | undefined): string[] {
  let digits = (phone ?? '').replace(/\D/g, '');
  if (digits.startsWith('84') && digits.length >= 11) digits = digits.slice(2);
  else if (digits.startsWith('0')) digits = digits.slice(1);
  if (digits.length < 4) return [];
  return [digitsPattern(digits, '(?:(?:\\+[\\s.\\-]{0,2})?84[\\s.\\-]{0,2}|0[\\s.\\-]{0,2})?')];
}

/** The address and its leading parts (split at commas or semicolons), each of 2+ words. */
function addressPatterns(address: string | null | undefined): string[] {
  const parts = (address ?? '').split(/[,;]/).filter((p) => words(p).length > 0);
  const patterns: string[] = [];
  for (let n = parts.length; n >= 1; n--) {
    const ws = words(parts.slice(0, n).join(','));
    if (ws.length >= 2 || (n === parts.length && ws.length === 1))
      patterns.push(wordsPattern(ws, '[^\\p{L}\\p{N}]{1,4}'));
  }
  return patterns;
}

/** The original text's ranges [start, end) that some pattern matches, merged. */
function matchedRanges(original: string, patterns: readonly string[]): [number, number][] {
  const f = fold(original);
  const ranges: [number, number][] = [];
  for (const p of patterns)
    for (const m of f.text.matchAll(new RegExp(p, 'gu'))) {
      if (m[0].length === 0) continue;
      ranges.push([f.from[m.index]!, f.to[m.index + m[0].length - 1]!]);
    }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([...r]);
  }
  return merged;
}

/** The text with every occurrence of the identity's name, ID number, phone and address replaced by "[đã ẩn]". */
export function redactIdentity(text: string, who: Identity): string {
  const patterns = [
    ...namePatterns(who.name),
    ...idPatterns(who.idNumber),
    ...phonePatterns(who.phone),
    ...addressPatterns(who.address),
  ];
  if (patterns.length === 0) return text;
  let out = '';
  let at = 0;
  for (const [start, end] of matchedRanges(text, patterns)) {
    out += text.slice(at, start) + REDACTED;
    at = end;
  }
  return out + text.slice(at);
}
