/**
 * Dates and times as officers read them: dd/MM/yyyy and HH:mm in Vietnam's local time (UTC+7, no daylight
 * saving), whatever the time zone of the browser. API instants are ISO 8601 with a +07:00 offset.
 */
import { t, num } from './i18n.js';

export const OFFSET_MS = 7 * 3_600_000;
export const DAY_MS = 86_400_000;

const pad = (/** @type {number} */ n) => String(n).padStart(2, '0');

/**
 * Local (UTC+7) calendar parts of an instant.
 * @param {string | number} instant ISO string or epoch ms
 */
export function localParts(instant) {
  const ms = typeof instant === 'number' ? instant : Date.parse(instant);
  const d = new Date(ms + OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    /** ISO weekday, Monday 1 … Sunday 7. */
    weekday: d.getUTCDay() === 0 ? 7 : d.getUTCDay(),
  };
}

/** A percentage in the chosen language ("52%", "52 %" in Russian). @param {number} n */
export const percent = (n) => t('dashboard.percent', { n: num(n) });

/** @param {string | number | null | undefined} instant */
export function formatDate(instant) {
  if (instant === null || instant === undefined || instant === '') return '';
  const p = localParts(instant);
  return `${pad(p.day)}/${pad(p.month)}/${p.year}`;
}

/** @param {string | number | null | undefined} instant */
export function formatDateTime(instant) {
  if (instant === null || instant === undefined || instant === '') return '';
  const p = localParts(instant);
  return `${pad(p.day)}/${pad(p.month)}/${p.year} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** A local date 'yyyy-MM-dd' shown as dd/MM/yyyy. @param {string} isoDate */
export function showIsoDate(isoDate) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : isoDate;
}

/**
 * Parses what an officer typed as a date: dd/MM/yyyy (also d/M/yyyy, dd-MM-yyyy, dd.MM.yyyy).
 * @param {string} text
 * @returns {string | null} 'yyyy-MM-dd', or null when it is not a real date
 */
export function parseDateInput(text) {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * Parses HH:mm.
 * @param {string} text
 * @returns {string | null}
 */
export function parseTimeInput(text) {
  const m = /^\s*(\d{1,2})[:h.](\d{2})\s*$/.exec(text);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return null;
  return `${pad(Number(m[1]))}:${m[2]}`;
}

/** Today's local date as 'yyyy-MM-dd' (or that of `ms`). */
export function localIsoDate(ms = Date.now()) {
  const p = localParts(ms);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** Epoch ms of local midnight of 'yyyy-MM-dd'. @param {string} isoDate */
export function localMidnight(isoDate) {
  return Date.parse(`${isoDate}T00:00:00+07:00`);
}

/**
 * A procedure's time limit in words.
 * @param {{value: number, unit: string, cutoff?: string | null}} limit
 */
export function limitText(limit) {
  if (limit.unit === 'working_day' && limit.value === 0)
    return t('limit.sameDay', { cutoff: limit.cutoff ?? '15:00' });
  return t(`limit.${limit.unit}`, { n: num(limit.value) });
}

/** @param {number} fee */
export function feeText(fee) {
  return fee > 0 ? `${num(fee)} ₫` : t('fee.none');
}
